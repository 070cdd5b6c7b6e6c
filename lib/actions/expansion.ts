"use server";

import { revalidatePath } from "next/cache";
import { can, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { saveExpansion } from "@/lib/data/expansion/deals";
import { getAccountTriggers } from "@/lib/data/expansion/triggers";
import { TRIGGER_DEAL, TRIGGER_LABELS } from "@/lib/domain/expansion";
import { AppError } from "@/lib/errors";
import { ZDealForm, ZOpenFromTrigger, ZStageMove } from "@/lib/validation/growth";
import { clock } from "@/lib/clock";
import { defineAction, type ActionResult } from "./safe-action";

// Expansion deals from the account page and the pipeline board, through the same write as
// PUT /accounts/{id}/expansions/{key} (transaction, audit, ARR booking on a win), as the user.

const mayEditDeals = (user: Actor) => can(user, "expansion:edit");

async function writeDeal<T>(user: Actor, accountId: number, write: (externalId: string) => Promise<T>): Promise<T> {
  const account = await authorizeAccount(user, accountId, "expansion:edit");
  const result = await write(account.externalId);
  revalidatePath("/expansion");
  revalidatePath(`/accounts/${account.externalId}`);
  return result;
}

/** A suggested ARR for a new deal: a tenth of the account's ARR, to the hundred. */
const suggestedArr = (arr: number) => Math.max(100, Math.round(arr / 10 / 100) * 100);

/**
 * One step from a trigger to an identified deal, owned by the AE. The key names the trigger and
 * the day, so a double click (or a retry) opens one deal, not two.
 */
const openFromTrigger = defineAction({
  schema: ZOpenFromTrigger,
  authorize: mayEditDeals,
  handler: ({ accountId, trigger }, user) =>
    writeDeal(user, accountId, async (externalId) => {
      if (!(await getAccountTriggers(accountId)).includes(trigger))
        throw new AppError("conflict", `${TRIGGER_LABELS[trigger]} no longer applies to this account.`);
      const key = `${trigger}-${clock.today()}`;
      const existing = await db.expansionOpportunity.findFirst({ where: { accountId, key }, select: { id: true } });
      if (existing) return null;
      const account = await db.account.findUniqueOrThrow({
        where: { id: accountId },
        select: { arr: true, ae: { select: { email: true } } },
      });
      const deal = TRIGGER_DEAL[trigger];
      const owner = user.role === "ae" ? user.email : (account.ae?.email ?? undefined);
      await saveExpansion(
        externalId,
        key,
        { ...deal, arr: suggestedArr(Number(account.arr)), stage: "identified", owner, trigger },
        { userId: user.id },
      );
      return null;
    }),
});

const saveDeal = defineAction({
  schema: ZDealForm,
  authorize: mayEditDeals,
  handler: ({ accountId, key, tradeGave, tradeGot, ...input }, user) =>
    writeDeal(user, accountId, async (externalId) => {
      const trade = tradeGave && tradeGot ? { gave: tradeGave, got: tradeGot } : undefined;
      if ((tradeGave || tradeGot) && !trade)
        throw new AppError("invalid", "A trade names what was given and what was got.", {
          issues: [{ path: tradeGave ? "tradeGot" : "tradeGave", message: "Fill in both sides of the trade." }],
        });
      await saveExpansion(externalId, key, { ...input, title: input.title ?? null, trade }, { userId: user.id });
      return null;
    }),
});

const moveDeal = defineAction({
  schema: ZStageMove,
  authorize: mayEditDeals,
  handler: ({ accountId, key, stage, lossReason }, user) =>
    writeDeal(user, accountId, async (externalId) => {
      const deal = await db.expansionOpportunity.findUnique({ where: { accountId_key: { accountId, key } } });
      if (!deal) throw new AppError("not_found", "That deal no longer exists.");
      if (stage === "lost" && !lossReason)
        throw new AppError("invalid", "Say why the deal was lost.", {
          issues: [{ path: "lossReason", message: "Say why the deal was lost." }],
        });
      await saveExpansion(
        externalId,
        key,
        { type: deal.type, arr: Number(deal.arr), stage, lossReason },
        { userId: user.id },
      );
      return null;
    }),
});

export async function openFromTriggerAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return openFromTrigger(form);
}

export async function saveDealAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return saveDeal(form);
}

export async function moveDealAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return moveDeal(form);
}
