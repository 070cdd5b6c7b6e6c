import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { updateRenewal } from "@/lib/data/renewals/commercial";
import { recordRenewalOutcome } from "@/lib/data/renewals/outcomes";
import { ZAccountParams, ZRenewalUpdate } from "@/lib/validation/api";

// PUT /api/v1/accounts/{externalId}/renewal — the open renewal's forecast, or its outcome
// (which closes it, moves ARR and opens the next renewal a term later).
export const PUT = apiRoute({
  params: ZAccountParams,
  body: ZRenewalUpdate,
  handler: async ({ params, body, actor }) => {
    if (body.kind === "forecast") return ok(await updateRenewal(params.externalId, body, actor));
    return ok(await recordRenewalOutcome(params.externalId, body, actor));
  },
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
