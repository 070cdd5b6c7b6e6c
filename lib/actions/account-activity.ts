"use server";

import { revalidatePath } from "next/cache";
import { can, type Actor } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { addSurvey, addTouchpoint } from "@/lib/data/accounts/activity";
import { upsertContact } from "@/lib/data/accounts/contacts";
import { withScoreMovement } from "@/lib/data/health/movement";
import { ZContactForm, ZSurveyForm, ZTouchpointForm } from "@/lib/validation/account-forms";
import { defineAction, type ActionResult } from "./safe-action";

// The account page's writes. Each goes through the same ingest functions as the REST API and
// the CSV import (transaction, audit, health recompute), acting as the signed-in user.

/**
 * Runs an ingest write for an account the user may edit, then refreshes its page. Answers how
 * the write moved the health score ("+7: executive sponsor engagement 0 → 100 …").
 */
async function writeAccount(user: Actor, accountId: number, write: (externalId: string) => Promise<unknown>) {
  const account = await authorizeAccount(user, accountId, "account:edit");
  const movement = await withScoreMovement(account.id, () => write(account.externalId));
  revalidatePath(`/accounts/${account.externalId}`);
  revalidatePath("/accounts");
  return movement;
}

const notExecutive = (user: Actor) => can(user, "account:edit");

const logTouchpoint = defineAction({
  schema: ZTouchpointForm,
  authorize: notExecutive,
  handler: ({ accountId, ...input }, user) =>
    writeAccount(user, accountId, (id) => addTouchpoint(id, input, { userId: user.id })),
});

const saveContact = defineAction({
  schema: ZContactForm,
  authorize: notExecutive,
  handler: ({ accountId, email, ...input }, user) =>
    writeAccount(user, accountId, (id) => upsertContact(id, email, input, { userId: user.id })),
});

const recordSurvey = defineAction({
  schema: ZSurveyForm,
  authorize: notExecutive,
  handler: ({ accountId, ...input }, user) =>
    writeAccount(user, accountId, (id) => addSurvey(id, input, { userId: user.id })),
});

export async function logTouchpointAction(
  _prev: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return logTouchpoint(form);
}

export async function saveContactAction(
  _prev: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return saveContact(form);
}

export async function recordSurveyAction(
  _prev: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return recordSurvey(form);
}
