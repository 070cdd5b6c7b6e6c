import "server-only";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { CHECKLIST, milestoneStatus, MILESTONES, type MilestoneStatus } from "@/lib/domain/onboarding";
import { statement } from "../platform/sql";

// "My day" (issue 13 item 7), the CSM's home: their tasks due today or overdue, reviews this
// week, their accounts whose health band changed since yesterday, and onboarding milestones due
// within a week (or late). Every list is the signed-in user's own book, capped.

const LIMIT = 25;

export interface MyDay {
  today: IsoDate;
  tasks: {
    id: number;
    title: string;
    dueDate: IsoDate;
    priority: string;
    account: { externalId: string; name: string } | null;
  }[];
  meetings: {
    id: number;
    kind: string;
    quarter: string | null;
    scheduledAt: string | null;
    scheduledFor: IsoDate;
    status: string;
    account: { externalId: string; name: string };
  }[];
  bandChanges: { externalId: string; name: string; from: string | null; to: string | null; score: number | null }[];
  milestones: {
    accountExternalId: string;
    accountName: string;
    key: string;
    title: string;
    dueDate: IsoDate;
    status: MilestoneStatus;
  }[];
}

/** Monday to Sunday of the week holding `day`. */
function weekOf(day: IsoDate): { start: IsoDate; end: IsoDate } {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDays(day, -weekday);
  return { start, end: addDays(start, 6) };
}

// The band each of the user's accounts has now against the latest snapshot before today.
const BAND_CHANGES_SQL = statement`
SELECT a."externalId", a.name, prev.band::text AS "from", a."healthBand"::text AS "to", a."healthScore" AS score
FROM "Account" a
JOIN LATERAL (
  SELECT s.band FROM "HealthSnapshot" s
  WHERE s."accountId" = a.id AND s."asOf" < $2::date AND s."asOf" >= $2::date - 7
  ORDER BY s."asOf" DESC LIMIT 1
) prev ON true
WHERE a."csmId" = $1 AND a.status = 'active' AND a."healthBand" IS DISTINCT FROM prev.band
ORDER BY a."healthScore" ASC NULLS LAST, a.id
LIMIT ${LIMIT}`;

export async function getMyDay(userId: number): Promise<MyDay> {
  const today = clock.today();
  const week = weekOf(today);
  const [tasks, meetings, bandChanges, milestones] = await Promise.all([
    db.task.findMany({
      where: { ownerId: userId, status: "open", dueDate: { lte: new Date(`${today}T00:00:00Z`) } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: LIMIT,
      select: {
        id: true,
        title: true,
        dueDate: true,
        priority: true,
        account: { select: { externalId: true, name: true } },
      },
    }),
    db.qbr.findMany({
      where: {
        account: { csmId: userId },
        status: { not: "cancelled" },
        scheduledFor: { gte: new Date(`${week.start}T00:00:00Z`), lte: new Date(`${week.end}T00:00:00Z`) },
      },
      orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
      take: LIMIT,
      include: { account: { select: { externalId: true, name: true } } },
    }),
    db.$queryRaw<MyDay["bandChanges"]>(BAND_CHANGES_SQL(userId, today)),
    db.onboardingMilestone.findMany({
      where: {
        account: { csmId: userId, status: "active" },
        reachedAt: null,
        targetDate: {
          lte: new Date(`${addDays(today, 7)}T00:00:00Z`),
          gte: new Date(`${addDays(today, -60)}T00:00:00Z`),
        },
      },
      orderBy: [{ targetDate: "asc" }, { id: "asc" }],
      take: LIMIT,
      include: {
        account: {
          select: {
            externalId: true,
            name: true,
            contractStart: true,
            onboardingItems: { select: { key: true, doneAt: true } },
          },
        },
      },
    }),
  ]);
  return {
    today,
    tasks: tasks.map((t) => ({ ...t, dueDate: toIsoDate(t.dueDate) })),
    meetings: meetings.map((q) => ({
      id: q.id,
      kind: q.kind,
      quarter: q.quarter,
      scheduledAt: q.scheduledAt?.toISOString() ?? null,
      scheduledFor: toIsoDate(q.scheduledFor),
      status: q.status,
      account: q.account,
    })),
    bandChanges,
    milestones: milestones.map((m) => {
      const done = new Set(m.account.onboardingItems.filter((i) => i.doneAt).map((i) => i.key));
      const start = toIsoDate(m.account.contractStart);
      const dueDate = toIsoDate(m.targetDate);
      return {
        accountExternalId: m.account.externalId,
        accountName: m.account.name,
        key: m.key,
        title: MILESTONES.find((d) => d.key === m.key)?.title ?? m.key,
        dueDate,
        status: milestoneStatus({
          dueDate,
          completedAt: null,
          openItemDueDates: CHECKLIST.filter((c) => c.milestone === m.key && !done.has(c.key)).map((c) =>
            addDays(start, c.dueDay),
          ),
          today,
        }),
      };
    }),
  };
}
