import { z } from "zod";
import { OWNER_ROLES } from "@/lib/domain/reassign";
import { MAX_INT4, ZId } from "./fields";

const role = z.enum(OWNER_ROLES, { message: "Pick CSM or AE." });
const person = (message: string) => z.coerce.number().int(message).positive(message).max(MAX_INT4, message);

/** One account's CSM or AE, from the account page. */
export const ZReassignAccount = z.object({ accountId: ZId, role, toId: person("Pick the new owner.") });

/** A whole book: every account one person owns in a role goes to another. */
export const ZReassignBook = z
  .object({ role, fromId: person("Pick whose accounts to move."), toId: person("Pick the new owner.") })
  .refine((v) => v.fromId !== v.toId, { path: ["toId"], message: "Pick someone other than the current owner." });
