import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { addTouchpoint } from "@/lib/data/accounts/activity";
import { ZAccountParams, ZTouchpointCreate } from "@/lib/validation/api";

// POST /api/v1/accounts/{externalId}/touchpoints — a check-in, QBR, EBR, call, email or meeting.
export const POST = apiRoute({
  params: ZAccountParams,
  body: ZTouchpointCreate,
  handler: async ({ params, body, actor }) => saved(await addTouchpoint(params.externalId, body, actor)),
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed("POST");
