import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { upsertOutcome } from "@/lib/data/renewals/commercial";
import { ZKeyParams, ZOutcomeUpsert } from "@/lib/validation/api";

// PUT /api/v1/accounts/{externalId}/outcomes/{key} — a success-plan outcome.
export const PUT = apiRoute({
  params: ZKeyParams,
  body: ZOutcomeUpsert,
  handler: async ({ params, body, actor }) => saved(await upsertOutcome(params.externalId, params.key, body, actor)),
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
