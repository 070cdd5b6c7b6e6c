import { apiRoute, notAllowed, ok, saved } from "@/lib/api/handler";
import { getAccountView } from "@/lib/data/accounts/views";
import { accountNotFound } from "@/lib/data/accounts/write";
import { upsertAccount } from "@/lib/data/accounts/save-account";
import { ZAccountParams, ZAccountUpsert } from "@/lib/validation/api";

// GET /api/v1/accounts/{externalId} — the account with its current health.
export const GET = apiRoute({
  params: ZAccountParams,
  handler: async ({ params }) => {
    const account = await getAccountView(params.externalId);
    if (!account) throw accountNotFound(params.externalId);
    return ok(account);
  },
});

// PUT /api/v1/accounts/{externalId} — create (201) or update (200) from the CRM record.
export const PUT = apiRoute({
  params: ZAccountParams,
  body: ZAccountUpsert,
  handler: async ({ params, body, actor }) => saved(await upsertAccount(params.externalId, body, actor)),
});

export const { POST, PATCH, DELETE, OPTIONS } = notAllowed("GET", "PUT");
