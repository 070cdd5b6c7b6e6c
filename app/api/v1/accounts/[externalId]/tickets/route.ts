import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { upsertTicket } from "@/lib/data/accounts/activity";
import { ZAccountParams, ZTicketUpsert } from "@/lib/validation/api";

// POST /api/v1/accounts/{externalId}/tickets — idempotent on the ticket's externalId (201, then 200).
export const POST = apiRoute({
  params: ZAccountParams,
  body: ZTicketUpsert,
  handler: async ({ params, body, actor }) => saved(await upsertTicket(params.externalId, body, actor)),
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed("POST");
