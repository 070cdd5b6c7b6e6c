import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { saveExpansion } from "@/lib/data/expansion/deals";
import { ZExpansionUpsert, ZKeyParams } from "@/lib/validation/api";

// PUT /api/v1/accounts/{externalId}/expansions/{key} — an expansion deal (a win books its ARR).
export const PUT = apiRoute({
  params: ZKeyParams,
  body: ZExpansionUpsert,
  handler: async ({ params, body, actor }) => saved(await saveExpansion(params.externalId, params.key, body, actor)),
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
