import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { listAccounts } from "@/lib/data/accounts/views";
import { ZAccountListQuery } from "@/lib/validation/api";

// GET /api/v1/accounts?band=&segment=&limit=&cursor= — accounts in id order, keyset-paginated.
export const GET = apiRoute({
  query: ZAccountListQuery,
  handler: async ({ query }) => ok(await listAccounts(query)),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
