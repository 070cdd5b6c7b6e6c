import "server-only";
import { db } from "@/lib/db";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import {
  advocateReasons,
  checkAsk,
  lastQuarters,
  quarterOf,
  type AdvocacyKind,
  type AdvocacyStatus,
  type AdvocateReason,
} from "@/lib/domain/advocacy";
import { NPS_PROMOTER_MIN } from "@/lib/domain/health";
import { PROMOTER_DAYS } from "@/lib/domain/expansion";
import { advocacyAsksPerQuarter } from "@/lib/config";
import { recordAudit, type AuditActor } from "../platform/audit";
import {
  accountNotFound,
  dateOnly,
  inTransaction,
  invalidInput,
  lockAccount,
  type Saved,
  type Tx,
} from "../accounts/write";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";

// Advocacy: advocates found from the data, asks logged with the per-quarter limit, referrals
// against churned logos, and the red → purple funnel.

export interface AdvocateView {
  contactId: number;
  name: string;
  email: string;
  reasons: AdvocateReason[];
  askedThisQuarter: number;
}

export type ActivityView = {
  contactEmail: string;
  contactName: string;
  kind: AdvocacyKind;
  date: IsoDate;
  status: AdvocacyStatus;
};

/** The account's advocates (promoters, champions, ROI achieved, reference-willing) and their asks this quarter. */
export async function listAccountAdvocates(accountId: number, today: IsoDate = clock.today()): Promise<AdvocateView[]> {
  return (await getAccountAdvocacy(accountId, today)).advocates;
}

/**
 * The account's advocates and every contact (by name, for the ask form), in one statement: each
 * contact with whether they are a recent promoter, their asks this quarter, and whether the
 * account has achieved an outcome (ROI).
 */
export async function getAccountAdvocacy(
  accountId: number,
  today: IsoDate = clock.today(),
): Promise<{ advocates: AdvocateView[]; contacts: { email: string; name: string }[] }> {
  const quarter = quarterOf(today);
  const contacts = await db.$queryRaw<
    {
      id: number;
      name: string;
      email: string;
      champion: boolean;
      referenceWilling: boolean;
      promoter: boolean;
      asked: number;
      roi: boolean;
    }[]
  >`
SELECT c.id, c.name, c.email, c.champion, c."referenceWilling",
  EXISTS (
    SELECT 1 FROM "SurveyResponse" s
    WHERE s."contactId" = c.id AND s.type = 'nps' AND s.score >= ${NPS_PROMOTER_MIN}
      AND s."respondedAt" >= ${addDays(today, -(PROMOTER_DAYS - 1))}::date AND s."respondedAt" <= ${today}::date
  ) AS promoter,
  (SELECT count(*)::int FROM "AdvocacyActivity" v
    WHERE v."contactId" = c.id AND v.date >= ${quarter.start}::date AND v.date <= ${quarter.end}::date) AS asked,
  EXISTS (SELECT 1 FROM "SuccessOutcome" o WHERE o."accountId" = ${accountId} AND o.achieved) AS roi
FROM "Contact" c WHERE c."accountId" = ${accountId}
ORDER BY c.name, c.id`;
  const advocates = contacts
    .map((c) => ({
      contactId: c.id,
      name: c.name,
      email: c.email,
      reasons: advocateReasons({
        promoter: c.promoter,
        champion: c.champion,
        roiAchieved: c.roi && (c.champion || c.referenceWilling || c.promoter),
        referenceWilling: c.referenceWilling,
      }),
      askedThisQuarter: c.asked,
    }))
    .filter((a) => a.reasons.length > 0);
  return { advocates, contacts: contacts.map((c) => ({ email: c.email, name: c.name })) };
}

export async function listAccountActivities(accountId: number): Promise<ActivityView[]> {
  return db.$queryRaw<ActivityView[]>`
SELECT c.email AS "contactEmail", c.name AS "contactName", v.kind::text AS kind,
  to_char(v.date, 'YYYY-MM-DD') AS date, v.status::text AS status
FROM "AdvocacyActivity" v JOIN "Contact" c ON c.id = v."contactId"
WHERE v."accountId" = ${accountId}
ORDER BY v.date DESC, v.id DESC LIMIT 50`;
}

export interface LoggedActivity extends Saved<ActivityView> {
  /** Set when this ask brings the advocate to the quarter's limit. */
  warning: string | null;
}

/**
 * Logs an ask (or updates the status of the same contact, kind and day: a resend is not a new
 * ask). A new ask past the per-quarter limit is refused (409); reaching it warns.
 */
export function logAdvocacy(
  externalId: string,
  input: { contactEmail: string; kind: AdvocacyKind; date: IsoDate; status: AdvocacyStatus },
  actor: AuditActor,
  outerTx?: Tx,
): Promise<LoggedActivity> {
  return inTransaction(outerTx, async (tx) => {
    const account = await lockAccount(tx, externalId);
    if (!account) throw accountNotFound(externalId);
    const contact = await tx.contact.findUnique({
      where: { accountId_email: { accountId: account.id, email: input.contactEmail } },
      select: { id: true, name: true, email: true },
    });
    if (!contact) throw invalidInput([{ path: "contactEmail", message: `No contact with this email on the account.` }]);
    const where = { contactId_kind_date: { contactId: contact.id, kind: input.kind, date: dateOnly(input.date) } };
    const existing = await tx.advocacyActivity.findUnique({ where });
    let warning: string | null = null;
    if (!existing) {
      const quarter = quarterOf(input.date);
      const asked = await tx.advocacyActivity.count({
        where: { contactId: contact.id, date: { gte: dateOnly(quarter.start), lte: dateOnly(quarter.end) } },
      });
      const check = checkAsk(asked, advocacyAsksPerQuarter(), contact.name);
      if (!check.ok) throw new AppError("conflict", check.message);
      warning = check.warning;
    }
    const row = existing
      ? await tx.advocacyActivity.update({ where: { id: existing.id }, data: { status: input.status } })
      : await tx.advocacyActivity.create({
          data: {
            accountId: account.id,
            contactId: contact.id,
            kind: input.kind,
            date: dateOnly(input.date),
            status: input.status,
          },
        });
    const record: ActivityView = {
      contactEmail: contact.email,
      contactName: contact.name,
      kind: row.kind,
      date: toIsoDate(row.date),
      status: row.status,
    };
    await recordAudit(tx, actor, {
      entity: "advocacy_activity",
      entityId: String(row.id),
      accountId: account.id,
      action: existing ? "update" : "create",
      before: existing ? { status: existing.status } : null,
      after: existing ? { status: row.status } : record,
    });
    return { created: !existing, record, warning };
  });
}

export interface AdvocacyOverview {
  quarters: { key: string; referrals: number; churnedLogos: number }[];
  funnel: { band: "red" | "yellow" | "green" | "purple"; accounts: number }[];
  advocates: number;
}

/** Referrals vs churned logos for the last four quarters, and the red → purple funnel today. */
export async function getAdvocacyOverview(today: IsoDate = clock.today()): Promise<AdvocacyOverview> {
  const quarters = lastQuarters(today, 4);
  const from = dateOnly(quarters[0].start);
  const [referrals, churned, bands, advocates] = await Promise.all([
    db.advocacyActivity.findMany({
      where: { kind: "referral", status: { not: "declined" }, date: { gte: from } },
      select: { date: true },
    }),
    db.account.findMany({ where: { status: "churned", churnedAt: { gte: from } }, select: { churnedAt: true } }),
    db.account.groupBy({ by: ["healthBand"], where: { status: "active" }, _count: { _all: true } }),
    db.contact.count({
      where: { account: { status: "active" }, OR: [{ champion: true }, { referenceWilling: true }] },
    }),
  ]);
  const inQuarter = (d: Date | null, q: { start: IsoDate; end: IsoDate }) =>
    d !== null && toIsoDate(d) >= q.start && toIsoDate(d) <= q.end;
  return {
    quarters: quarters.map((q) => ({
      key: q.key,
      referrals: referrals.filter((r) => inQuarter(r.date, q)).length,
      churnedLogos: churned.filter((c) => inQuarter(c.churnedAt, q)).length,
    })),
    funnel: (["red", "yellow", "green", "purple"] as const).map((band) => ({
      band,
      accounts: bands.find((b) => b.healthBand === band)?._count._all ?? 0,
    })),
    advocates,
  };
}
