import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { saveFeedback } from "@/lib/data/feedback/feedback";
import { ZAccountParams } from "@/lib/validation/api";
import { ZFeedbackCreate } from "@/lib/validation/growth";

// POST /api/v1/accounts/{externalId}/feedback — a feedback item (idempotent on externalId).
export const POST = apiRoute({
  params: ZAccountParams,
  body: ZFeedbackCreate,
  handler: async ({ params, body, actor }) => saved(await saveFeedback(params.externalId, body, actor)),
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed("POST");
