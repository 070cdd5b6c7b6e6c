import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { listRankedCells } from "@/lib/data/whitespace/whitespace";
import { ZWhitespaceQuery } from "@/lib/validation/growth";

// GET /api/v1/whitespace?product= — whitespace cells ranked by impact × urgency (best first).
export const GET = apiRoute({
  query: ZWhitespaceQuery,
  handler: async ({ query }) =>
    ok(
      (await listRankedCells({ product: query.product ?? null, limit: query.limit })).map((c) => ({
        externalId: c.externalId,
        product: c.product,
        impact: c.impact,
        criticalEventDate: c.criticalEventDate,
        criticalEventReason: c.criticalEventReason,
        decisionNotes: c.decisionNotes,
        whitespaceArr: c.whitespaceArr,
        score: c.score,
      })),
    ),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
