import "server-only";
import { Prisma, type ExpansionOpportunity } from "@/lib/generated/prisma/client";
import { addDays, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import {
  EXPANSION_TYPE_LABELS,
  resolveStage,
  statusOfStage,
  type ExpansionStage,
  type ExpansionTypeKey,
  type OpportunityStatusKey,
  type TradeEntry,
} from "@/lib/domain/expansion";
import { toCents } from "@/lib/domain/renewals";
import type { TExpansionUpsert } from "@/lib/validation/api";
import { recordAudit, type AuditActor } from "../platform/audit";
import {
  dateOnly,
  invalidInput,
  isoOrNull,
  saveAudited,
  writeAccountFacts,
  type Saved,
  type Tx,
} from "../accounts/write";
import { clock } from "@/lib/clock";
import { conflict } from "@/lib/errors";

// Expansion deals (SPEC §4): one write for the API, the account page and the pipeline board.
// Winning a deal books it as renewal outcomes book theirs (lib/data/renewals/outcomes.ts): the
// account's ARR, a dated expansion ARR movement (NRR) and a contract line change in the same
// transaction as the deal, each audited, with the account row locked and rescored.

export type ExpansionView = {
  key: string;
  title: string | null;
  type: ExpansionTypeKey;
  arr: number;
  status: OpportunityStatusKey;
  stage: ExpansionStage;
  owner: string | null;
  closeDate: IsoDate | null;
  lossReason: string | null;
  closedAt: IsoDate | null;
  checklist: string[];
  tradeLog: TradeEntry[];
  trigger: string | null;
};

type DealRow = ExpansionOpportunity & { owner: { email: string } | null };

export function toExpansionView(e: DealRow): ExpansionView {
  return {
    key: e.key,
    title: e.title,
    type: e.type,
    arr: Number(e.arr),
    status: e.status,
    stage: e.stage,
    owner: e.owner?.email ?? null,
    closeDate: isoOrNull(e.closeDate),
    lossReason: e.lossReason,
    closedAt: isoOrNull(e.closedAt),
    checklist: e.checklist,
    tradeLog: Array.isArray(e.tradeLog) ? (e.tradeLog as unknown as TradeEntry[]) : [],
    trigger: e.trigger,
  };
}

/** What the account page and the board add to the API's fields. */
export type TExpansionSave = TExpansionUpsert & {
  checklist?: string[];
  /** Appended to the trade log. */
  trade?: { gave: string; got: string };
  trigger?: string;
};

const withOwner = { owner: { select: { email: true } } } as const;

/**
 * Creates or updates the deal `key`. Safe to retry: the account row is locked for the whole
 * transaction, and a deal already won is not booked again (a repeat of the win changes nothing).
 * A won deal cannot be reopened or repriced: its ARR is on the books (record a contraction).
 */
export function saveExpansion(
  externalId: string,
  key: string,
  input: TExpansionSave,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<ExpansionView>> {
  return writeAccountFacts(
    externalId,
    async (tx, accountId) => {
      const existing = await tx.expansionOpportunity.findUnique({
        where: { accountId_key: { accountId, key } },
        include: withOwner,
      });
      const stage = resolveStage(input, existing?.stage ?? null);
      if (!stage) throw invalidInput([{ path: "status", message: "The status must match the stage." }]);
      const wasWon = existing?.stage === "won";
      if (wasWon && (stage !== "won" || toCents(Number(existing.arr)) !== toCents(input.arr)))
        throw conflict(
          "This deal was won and its ARR is booked: it cannot be reopened or repriced. Record a contraction on the account instead.",
        );
      const status = statusOfStage(stage);
      const closed = status !== "open";
      const wasClosed = existing ? existing.status !== "open" : false;
      const data = {
        type: input.type,
        arr: input.arr.toFixed(2),
        stage,
        status,
        title: input.title,
        closedAt: !closed
          ? null
          : input.closedAt
            ? dateOnly(input.closedAt)
            : wasClosed && existing?.closedAt
              ? existing.closedAt
              : dateOnly(clock.today()),
        ownerId: await ownerId(tx, input.owner),
        closeDate: input.closeDate === undefined ? undefined : input.closeDate && dateOnly(input.closeDate),
        lossReason: stage === "lost" ? input.lossReason : null,
        checklist: input.checklist,
        tradeLog: input.trade
          ? ([
              ...(existing ? toExpansionView(existing).tradeLog : []),
              { date: clock.today(), ...input.trade },
            ] as object[])
          : undefined,
        trigger: existing ? undefined : input.trigger,
      };
      const saved = await saveAudited(tx, {
        actor,
        entity: "expansion_opportunity",
        accountId,
        existing,
        create: () => tx.expansionOpportunity.create({ data: { accountId, key, ...data }, include: withOwner }),
        update: (current) => tx.expansionOpportunity.update({ where: { id: current.id }, data, include: withOwner }),
        view: toExpansionView,
      });
      if (stage === "won" && !wasWon) await bookWonDeal(tx, actor, accountId, saved.record);
      return saved;
    },
    outerTx,
  );
}

/** The owner's user id: left out keeps it (undefined), null clears it, an unknown email is a 400. */
async function ownerId(tx: Tx, email: string | null | undefined): Promise<number | null | undefined> {
  if (email == null) return email;
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, active: true } });
  if (!user?.active) throw invalidInput([{ path: "owner", message: `No active user with the email "${email}".` }]);
  return user.id;
}

const money = (cents: number) => new Prisma.Decimal(cents).dividedBy(100);

/**
 * The won deal's ARR joins the account: ARR += deal ARR, an expansion movement dated the day it
 * closed, and a contract line from that day to the end of the current term (co-termed with the
 * renewal, as add-ons are).
 */
async function bookWonDeal(tx: Tx, actor: AuditActor, accountId: number, deal: ExpansionView): Promise<void> {
  const account = await tx.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { arr: true, renewalDate: true, status: true },
  });
  if (account.status !== "active") throw conflict("A churned account cannot book an expansion: win it back first.");
  const cents = toCents(deal.arr);
  if (cents === 0) return;
  const closedAt = deal.closedAt ?? clock.today();
  const audit = (
    entity: string,
    entityId: number,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ) =>
    recordAudit(tx, actor, {
      entity,
      entityId: String(entityId),
      accountId,
      action: before ? "update" : "create",
      before,
      after,
    });

  const note = `Expansion won: ${deal.title ?? EXPANSION_TYPE_LABELS[deal.type]}`;
  const movement = await tx.arrMovement.create({
    data: { accountId, type: "expansion", amount: money(cents), date: dateOnly(closedAt), note },
  });
  await audit("arr_movement", movement.id, null, { type: "expansion", amount: movement.amount, date: closedAt, note });

  const termEnd = addDays(toIsoDate(account.renewalDate), -1);
  const line = {
    accountId,
    product: deal.title ?? EXPANSION_TYPE_LABELS[deal.type],
    seats: 0,
    price: money(cents),
    startDate: dateOnly(closedAt),
    endDate: dateOnly(termEnd > closedAt ? termEnd : closedAt),
  };
  const created = await tx.contractLine.create({ data: line });
  await audit("contract_line", created.id, null, {
    product: line.product,
    price: line.price,
    startDate: closedAt,
    endDate: toIsoDate(line.endDate),
  });

  const arr = account.arr.plus(money(cents));
  await tx.account.update({ where: { id: accountId }, data: { arr } });
  await audit("account", accountId, { arr: account.arr }, { arr });
}
