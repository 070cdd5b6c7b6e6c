import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { getHealthView } from "@/lib/data/accounts/views";
import { accountNotFound } from "@/lib/data/accounts/write";

import { ZAccountParams, ZHealthQuery } from "@/lib/validation/api";
import { clock } from "@/lib/clock";

// GET /api/v1/accounts/{externalId}/health?asOf=YYYY-MM-DD — the score from the facts known on
// that date (default today), explained measure by measure.
export const GET = apiRoute({
  params: ZAccountParams,
  query: ZHealthQuery,
  handler: async ({ params, query }) => {
    const health = await getHealthView(params.externalId, query.asOf ?? clock.today());
    if (!health) throw accountNotFound(params.externalId);
    return ok(health);
  },
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
