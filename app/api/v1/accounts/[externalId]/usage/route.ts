import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { upsertUsageDays } from "@/lib/data/health/usage";
import { ZAccountParams, ZUsageBatch } from "@/lib/validation/api";

// PUT /api/v1/accounts/{externalId}/usage — upsert up to 10,000 usage days in one statement.
export const PUT = apiRoute({
  params: ZAccountParams,
  body: ZUsageBatch,
  handler: async ({ params, body, actor }) => ok(await upsertUsageDays(params.externalId, body.days, actor)),
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
