import { exportRoute } from "@/lib/api/export-route";
import { getTeamBook } from "@/lib/data/dashboards/portfolio";

// CSV of the scorecard page's "Books by CSM" table: one row per active CSM.
const FIELDS = ["csm", "accounts", "arr", "renewing_90_days", "red_or_yellow", "open_tasks", "overdue_tasks"];

export const GET = exportRoute({
  action: "scorecard:read",
  build: async () => {
    const team = await getTeamBook();
    return {
      name: "team-book",
      fields: FIELDS,
      rows: [
        team.map((r) => [r.name, r.accounts, r.arr.toFixed(2), r.renewing90, r.atRisk, r.openTasks, r.overdueTasks]),
      ],
    };
  },
});
