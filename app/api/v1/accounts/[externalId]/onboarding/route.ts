import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { getOnboardingByExternalId } from "@/lib/data/onboarding/plan";
import { ZAccountParams } from "@/lib/validation/api";

// GET /api/v1/accounts/{externalId}/onboarding — the checklist and milestones with their status.
export const GET = apiRoute({
  params: ZAccountParams,
  handler: async ({ params }) => ok(await getOnboardingByExternalId(params.externalId)),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
