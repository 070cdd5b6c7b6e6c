import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { saveWhitespaceCell } from "@/lib/data/whitespace/whitespace";
import { ZWhitespaceParams, ZWhitespaceUpsert } from "@/lib/validation/growth";

// PUT /api/v1/accounts/{externalId}/whitespace/{product} — one whitespace cell (Impact, Critical Event, Decision notes).
export const PUT = apiRoute({
  params: ZWhitespaceParams,
  body: ZWhitespaceUpsert,
  handler: async ({ params, body, actor }) =>
    saved(await saveWhitespaceCell(params.externalId, params.product, body, actor)),
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
