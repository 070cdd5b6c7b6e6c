import { apiRoute, notAllowed, ok, saved } from "@/lib/api/handler";
import { getSuccessPlanOutcome, upsertSuccessPlan } from "@/lib/data/renewals/commercial";
import { ZKeyParams, ZSuccessPlanUpsert } from "@/lib/validation/api";

// GET / PUT /api/v1/accounts/{externalId}/success-plan/{key} — one desired outcome of the
// account's success plan: the outcomes resource (…/outcomes/{key}) with its metric, baseline,
// target, current value and yearly value.
export const GET = apiRoute({
  params: ZKeyParams,
  handler: async ({ params }) => ok(await getSuccessPlanOutcome(params.externalId, params.key)),
});

export const PUT = apiRoute({
  params: ZKeyParams,
  body: ZSuccessPlanUpsert,
  handler: async ({ params, body, actor }) =>
    saved(await upsertSuccessPlan(params.externalId, params.key, body, actor)),
});

export const { POST, PATCH, DELETE, OPTIONS } = notAllowed("GET", "PUT");
