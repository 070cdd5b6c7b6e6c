import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { listAccountTasks } from "@/lib/data/tasks/tasks";
import { ZTaskListQuery } from "@/lib/validation/api";

// GET /api/v1/tasks?account={externalId}&open=true — an account's tasks, each with the playbook
// rule that raised it and why.
export const GET = apiRoute({
  query: ZTaskListQuery,
  handler: async ({ query }) => ok({ data: await listAccountTasks(query.account, { open: query.open }) }),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
