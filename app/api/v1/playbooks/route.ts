import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { listPlaybooks } from "@/lib/data/playbooks/admin";

// GET /api/v1/playbooks — the playbook rules in order: trigger, conditions, steps, and how noisy
// each has been over the last 90 days.
export const GET = apiRoute({
  handler: async () => ok({ data: await listPlaybooks() }),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
