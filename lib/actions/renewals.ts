"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { can, type Actor } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { updateRenewal } from "@/lib/data/renewals/commercial";
import { withScoreMovement } from "@/lib/data/health/movement";
import { recordRenewalOutcome } from "@/lib/data/renewals/outcomes";
import { offboardingPath } from "@/lib/paths";
import { ZForecastForm, ZOutcomeForm } from "@/lib/validation/renewals";
import { defineAction, type ActionResult } from "./safe-action";

// The pipeline page's writes, through the same functions as PUT /accounts/{id}/renewal
// (transaction, audit, health recompute), acting as the signed-in user.

const mayEditRenewals = (user: Actor) => can(user, "renewal:edit");

/** Runs a renewal write on an account whose renewals the user may edit, then refreshes the pages showing it. */
async function writeRenewal<T>(user: Actor, accountId: number, write: (externalId: string) => Promise<T>): Promise<T> {
  const account = await authorizeAccount(user, accountId, "renewal:edit");
  const result = await write(account.externalId);
  revalidatePath("/renewals");
  revalidatePath("/former-customers");
  revalidatePath(`/accounts/${account.externalId}`);
  return result;
}

/** The forecast feeds renewal likelihood: answers how the score moved. */
const setForecast = defineAction({
  schema: ZForecastForm,
  authorize: mayEditRenewals,
  handler: ({ accountId, forecast }, user) =>
    writeRenewal(user, accountId, (id) =>
      withScoreMovement(accountId, () => updateRenewal(id, { forecast }, { userId: user.id })),
    ),
});

/** A churn answers with the account's offboarding page, where the checklist it started is worked. */
const recordOutcome = defineAction({
  schema: ZOutcomeForm,
  authorize: mayEditRenewals,
  handler: ({ accountId, ...input }, user) =>
    writeRenewal(user, accountId, async (id) => {
      const result = await recordRenewalOutcome(id, input, { userId: user.id });
      return result.offboarding ? offboardingPath(id) : null;
    }),
});

export async function setForecastAction(input: { accountId: number; forecast: string }): Promise<ActionResult<string>> {
  return setForecast(input);
}

export async function recordOutcomeAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  const result = await recordOutcome(form);
  if (result.ok && result.data) redirect(result.data);
  return result.ok ? { ok: true, data: null } : result;
}
