import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { listRenewalsDue } from "@/lib/data/renewals/pipeline";
import { ZRenewalListQuery } from "@/lib/validation/api";

// GET /api/v1/renewals?within=90 — open renewals due within N days (and overdue ones), by date.
export const GET = apiRoute({
  query: ZRenewalListQuery,
  handler: async ({ query }) => ok(await listRenewalsDue(query.within)),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
