import { apiRoute, notAllowed, ok, saved } from "@/lib/api/handler";
import { getAccountPlan, saveAccountPlan } from "@/lib/data/accounts/account-plan";
import { ZAccountPlan } from "@/lib/validation/account-plan";
import { ZAccountParams } from "@/lib/validation/api";

// GET /api/v1/accounts/{externalId}/account-plan — the current plan with its version.
export const GET = apiRoute({
  params: ZAccountParams,
  handler: async ({ params }) => ok(await getAccountPlan(params.externalId)),
});

// PUT /api/v1/accounts/{externalId}/account-plan — replaces the plan; a new version only when something changed.
export const PUT = apiRoute({
  params: ZAccountParams,
  body: ZAccountPlan,
  handler: async ({ params, body, actor }) => saved(await saveAccountPlan(params.externalId, body, actor)),
});

export const { POST, PATCH, DELETE, OPTIONS } = notAllowed("GET", "PUT");
