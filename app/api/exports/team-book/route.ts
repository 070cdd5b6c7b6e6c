import { csvResponse } from "@/lib/api/csv";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { getTeamBook } from "@/lib/data/dashboards/portfolio";

// CSV of the scorecard page's "Books by CSM" table: one row per active CSM.
const FIELDS = ["csm", "accounts", "arr", "renewing_90_days", "red_or_yellow", "open_tasks", "overdue_tasks"];

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user, "scorecard:read")) return new Response("Not allowed.", { status: 403 });
  const team = await getTeamBook();
  return csvResponse("team-book", FIELDS, [team.map((r) => [r.name, r.accounts, r.arr.toFixed(2), r.renewing90, r.atRisk, r.openTasks, r.overdueTasks])]);
}
