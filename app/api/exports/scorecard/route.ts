import { exportRoute } from "@/lib/api/export-route";
import { getScorecard } from "@/lib/data/scorecard/scorecard";

import { SCORECARD_WINDOW_LABELS, type ScorecardWindow } from "@/lib/domain/metrics-catalogue";
import { clock } from "@/lib/clock";

// The scorecard table as CSV: one row per measurable, one column per week (raw values: a "%"
// metric as a fraction, so spreadsheets can format it), plus whether each week met its goal.
export const GET = exportRoute({
  action: "scorecard:read",
  build: async () => {
    const today = clock.today();
    const scorecard = await getScorecard(today);
    const fields = [
      "measurable",
      "metric",
      "unit",
      "window",
      "owner",
      "direction",
      "goal",
      ...scorecard.weeks.map((w) => w.start),
      "off_goal_weeks",
    ];
    const data = scorecard.rows.map((row) => [
      row.title,
      row.metricKey,
      row.unit,
      SCORECARD_WINDOW_LABELS[row.window as ScorecardWindow] ?? row.window,
      row.owner?.name ?? "",
      row.direction === "gte" ? "at least" : "at most",
      row.goal,
      ...row.cells.map((c) => c.value ?? ""),
      row.cells
        .filter((c) => c.onGoal === false)
        .map((c) => c.weekStart)
        .join(" "),
    ]);
    return { name: "scorecard", fields, rows: [data] };
  },
});
