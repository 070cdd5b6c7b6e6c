"use server";

import { revalidatePath } from "next/cache";
import { can, type Actor } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import { addSurvey, addTouchpoint } from "@/lib/data/accounts/activity";
import { upsertContact } from "@/lib/data/accounts/contacts";
import { ZContactForm, ZSurveyForm, ZTouchpointForm } from "@/lib/validation/account-forms";
import { defineAction, type ActionResult } from "./safe-action";

// The account page's writes. Each goes through the same ingest functions as the REST API and
// the CSV import (transaction, audit, health recompute), acting as the signed-in user.

/** Runs an ingest write for an account the user may edit, then refreshes its page. */
async function writeAccount<T>(user: Actor, accountId: number, write: (externalId: string) => Promise<T>) {
  const account = await authorizeAccount(user, accountId, "account:edit");
  const result = await write(account.externalId);
  revalidatePath(`/accounts/${account.externalId}`);
  revalidatePath("/accounts");
  return result;
}

const notExecutive = (user: Actor) => can(user, "account:edit");

const logTouchpoint = defineAction({
  schema: ZTouchpointForm,
  authorize: notExecutive,
  handler: ({ accountId, ...input }, user) =>
    writeAccount(user, accountId, (id) => addTouchpoint(id, input, { userId: user.id })).then(() => null),
});

const saveContact = defineAction({
  schema: ZContactForm,
  authorize: notExecutive,
  handler: ({ accountId, email, ...input }, user) =>
    writeAccount(user, accountId, (id) => upsertContact(id, email, input, { userId: user.id })).then(() => null),
});

const recordSurvey = defineAction({
  schema: ZSurveyForm,
  authorize: notExecutive,
  handler: ({ accountId, ...input }, user) =>
    writeAccount(user, accountId, (id) => addSurvey(id, input, { userId: user.id })).then(() => null),
});

export async function logTouchpointAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return logTouchpoint(form);
}

export async function saveContactAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return saveContact(form);
}

export async function recordSurveyAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return recordSurvey(form);
}
