import { apiRoute, notAllowed, ok, saved } from "@/lib/api/handler";
import { createQbr, listQbrs } from "@/lib/data/qbrs/qbrs";
import { ZAccountParams } from "@/lib/validation/api";
import { ZQbrCreate } from "@/lib/validation/qbr";

// GET /api/v1/accounts/{externalId}/qbrs — the account's QBRs, latest first.
export const GET = apiRoute({
  params: ZAccountParams,
  handler: async ({ params }) => ok(await listQbrs(params.externalId)),
});

// POST — {quarter: "2027-Q1", scheduledAt}: 201 with the QBR (200 with the existing one for a
// quarter already scheduled). A past scheduledAt records a QBR held already.
export const POST = apiRoute({
  params: ZAccountParams,
  body: ZQbrCreate,
  handler: async ({ params, body, actor }) => saved(await createQbr(params.externalId, body, actor)),
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET", "POST");
