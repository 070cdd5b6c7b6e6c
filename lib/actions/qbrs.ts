"use server";

import { revalidatePath } from "next/cache";
import { can, type Actor } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/data/accounts/access";
import {
  createQbr,
  getQbr,
  recordQbrAttendance,
  saveQbrDocument,
  sendQbrInvite,
  sendQbrPreRead,
  setQbrChecklistItem,
} from "@/lib/data/qbrs/qbrs";
import { accountPath } from "@/lib/paths";
import { ZId } from "@/lib/validation/fields";
import { ZQbrAttendanceAction, ZQbrChecklistToggle, ZQbrCreate, ZQbrDocumentSave, ZQbrId } from "@/lib/validation/qbr";
import { defineAction, type ActionResult } from "./safe-action";

// QBRs on the account page and the QBR page: the account's CSM (or a manager / admin) schedules,
// prepares, edits, sends and records them. Who may act is decided from the stored account.

const mayEdit = (user: Actor) => can(user, "account:edit");

/** The QBR's account, after checking the user may edit it; refreshes its pages after the write. */
async function onQbr<T>(user: Actor, id: number, run: (accountId: number) => Promise<T>): Promise<T> {
  const qbr = await getQbr(id);
  const account = await authorizeAccount(user, qbr.accountId, "account:edit");
  const result = await run(account.id);
  revalidatePath(accountPath(account.externalId), "layout");
  revalidatePath("/home");
  return result;
}

const schedule = defineAction({
  schema: ZQbrCreate.extend({ accountId: ZId }),
  authorize: mayEdit,
  handler: async ({ accountId, ...input }, user) => {
    const account = await authorizeAccount(user, accountId, "account:edit");
    const saved = await createQbr(account.externalId, input, { userId: user.id });
    revalidatePath(accountPath(account.externalId), "layout");
    return { id: saved.record.id, created: saved.created };
  },
});

const toggle = defineAction({
  schema: ZQbrChecklistToggle,
  authorize: mayEdit,
  handler: ({ id, key, done }, user) =>
    onQbr(user, id, () => setQbrChecklistItem(id, key, done, { userId: user.id })).then(() => null),
});

const saveDocument = defineAction({
  schema: ZQbrDocumentSave,
  authorize: mayEdit,
  handler: ({ id, sections }, user) =>
    onQbr(user, id, () =>
      saveQbrDocument(
        id,
        sections
          ? (Object.fromEntries(Object.entries(sections).filter(([, v]) => v !== undefined)) as Record<string, string>)
          : null,
        { userId: user.id },
      ),
    ).then(() => null),
});

const attendance = defineAction({
  schema: ZQbrAttendanceAction,
  authorize: mayEdit,
  handler: ({ id, ...input }, user) =>
    onQbr(user, id, () => recordQbrAttendance(id, input, { userId: user.id })).then((r) => ({ status: r.qbr.status })),
});

const invite = defineAction({
  schema: ZQbrId,
  authorize: mayEdit,
  handler: ({ id }, user) => onQbr(user, id, (accountId) => sendQbrInvite(id, accountId)),
});

const preRead = defineAction({
  schema: ZQbrId,
  authorize: mayEdit,
  handler: ({ id }, user) => onQbr(user, id, (accountId) => sendQbrPreRead(id, accountId, { userId: user.id })),
});

export async function scheduleQbrAction(input: {
  accountId: number;
  quarter: string;
  scheduledAt: string;
}): Promise<ActionResult<{ id: number; created: boolean }>> {
  return schedule(input);
}
export async function toggleQbrChecklistAction(input: { id: number; key: string; done: boolean }) {
  return toggle(input);
}
export async function saveQbrDocumentAction(input: { id: number; sections: Record<string, string> | null }) {
  return saveDocument(input);
}
export async function recordQbrAttendanceAction(input: { id: number; contactEmails: string[]; attended: boolean }) {
  return attendance(input);
}
export async function sendQbrInviteAction(input: { id: number }) {
  return invite(input);
}
export async function sendQbrPreReadAction(input: { id: number }) {
  return preRead(input);
}
