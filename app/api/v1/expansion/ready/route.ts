import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { listExpansionReady } from "@/lib/data/expansion/triggers";

// GET /api/v1/expansion/ready — accounts that are expansion ready, with the triggers each meets.
export const GET = apiRoute({
  handler: async () =>
    ok((await listExpansionReady()).map((a) => ({ externalId: a.externalId, triggers: a.triggers }))),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
