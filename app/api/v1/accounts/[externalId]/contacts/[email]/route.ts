import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { upsertContact } from "@/lib/data/accounts/contacts";
import { ZContactParams, ZContactUpsert } from "@/lib/validation/api";

// PUT /api/v1/accounts/{externalId}/contacts/{email} — create (201) or update (200) a contact.
export const PUT = apiRoute({
  params: ZContactParams,
  body: ZContactUpsert,
  handler: async ({ params, body, actor }) => saved(await upsertContact(params.externalId, params.email, body, actor)),
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
