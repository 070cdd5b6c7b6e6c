import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { updateOnboarding } from "@/lib/data/onboarding/plan";
import { ZOnboardingParams, ZOnboardingUpdate } from "@/lib/validation/onboarding";

// PUT /api/v1/accounts/{externalId}/onboarding/{key} — {done} for a checklist item,
// {completedAt} (and optionally dueDate, challenges, issues) for a milestone. Answers the plan.
export const PUT = apiRoute({
  params: ZOnboardingParams,
  body: ZOnboardingUpdate,
  handler: async ({ params, body, actor }) => ok(await updateOnboarding(params.externalId, params.key, body, actor)),
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
