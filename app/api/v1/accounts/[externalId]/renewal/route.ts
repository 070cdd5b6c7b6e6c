import { apiRoute, ok } from "@/lib/api/handler";
import { updateRenewal } from "@/lib/data/ingest-commercial";
import { ZAccountParams, ZRenewalUpdate } from "@/lib/validation/api";

// PUT /api/v1/accounts/{externalId}/renewal — the open renewal's forecast.
export const PUT = apiRoute({
  params: ZAccountParams,
  body: ZRenewalUpdate,
  handler: async ({ params, body, actor }) => ok(await updateRenewal(params.externalId, body, actor)),
});
