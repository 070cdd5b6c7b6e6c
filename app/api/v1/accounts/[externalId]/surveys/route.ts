import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { addSurvey } from "@/lib/data/accounts/activity";
import { ZAccountParams, ZSurveyCreate } from "@/lib/validation/api";

// POST /api/v1/accounts/{externalId}/surveys — an NPS or CSAT response (idempotent with an externalId).
export const POST = apiRoute({
  params: ZAccountParams,
  body: ZSurveyCreate,
  handler: async ({ params, body, actor }) => saved(await addSurvey(params.externalId, body, actor)),
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed("POST");
