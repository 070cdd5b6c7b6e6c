import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { upsertExpansion } from "@/lib/data/renewals/commercial";
import { ZExpansionUpsert, ZKeyParams } from "@/lib/validation/api";

// PUT /api/v1/accounts/{externalId}/expansions/{key} — an expansion opportunity.
export const PUT = apiRoute({
  params: ZKeyParams,
  body: ZExpansionUpsert,
  handler: async ({ params, body, actor }) => saved(await upsertExpansion(params.externalId, params.key, body, actor)),
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
