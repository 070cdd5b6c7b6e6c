import { Th } from "@/components/ui/table";
import type { Scorecard, ScorecardRow } from "@/lib/data/scorecard/scorecard";
import { SCORECARD_WINDOW_LABELS, type ScorecardWindow } from "@/lib/domain/metrics-catalogue";
import { formatGoal, formatMetricValue, formatWeek } from "@/lib/metric-format";
import { ScrollToLatest } from "./scroll-to-latest";
import { Sparkline } from "./sparkline";

// Week columns are compact (13 of them must fit beside the measurable on a laptop screen).
const WEEK_HEADER =
  "whitespace-nowrap bg-slate-50 px-1.5 py-2.5 text-right text-[11px] font-semibold uppercase tracking-wide text-slate-500";
// The measurable stays in view while the weeks scroll sideways on narrow screens.
const STICKY = "sticky left-0 z-10 max-w-72 shadow-[1px_0_0_#e2e8f0]";
// A week's cell: the look is the "week-cell" class (app/globals.css), set once rather than spelt
// out on each of the 130 cells in the HTML and the RSC payload (issue 16).
const WEEK_CELL = "week-cell";

/** The EOS-style weekly table: one row per measurable, 13 weeks of actuals, off-goal cells flagged. */
export function ScorecardTable({ scorecard }: { scorecard: Scorecard }) {
  return (
    <ScrollToLatest label="Weekly scorecard">
      <table aria-label="Weekly scorecard" className="min-w-full divide-y divide-slate-200 text-sm">
        <thead>
          <tr>
            <th
              scope="col"
              className={`${STICKY} bg-slate-50 py-2.5 pl-5 pr-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-500`}
            >
              Measurable
            </th>
            {scorecard.weeks.map((week) => (
              <th key={week.start} scope="col" className={WEEK_HEADER} title={`Week of ${week.start} to ${week.end}`}>
                {week.current ? (
                  <>
                    This week <span className="block text-[10px] font-normal normal-case tracking-normal">so far</span>
                  </>
                ) : (
                  formatWeek(week.start)
                )}
              </th>
            ))}
            <Th>Trend</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {scorecard.rows.map((row) => (
            <MeasurableRow key={row.id} row={row} weeks={scorecard.weeks} />
          ))}
        </tbody>
      </table>
    </ScrollToLatest>
  );
}

function MeasurableRow({ row, weeks }: { row: ScorecardRow; weeks: Scorecard["weeks"] }) {
  // The trend line turns red on the last judged week (the week under way is partial, not judged).
  const latest = row.cells.findLast((c) => c.onGoal !== null);
  return (
    <tr data-testid="scorecard-row">
      <td className={`${STICKY} min-w-40 bg-white py-2.5 pl-4 pr-3 text-slate-700 md:min-w-60 md:pl-5`}>
        <span className="font-medium text-slate-900">{row.title}</span>
        <span className="block text-xs text-slate-500">
          <span className="font-medium text-slate-700" data-testid="measurable-goal">
            Goal {formatGoal(row.goal, row.direction, row.unit)}
          </span>{" "}
          · {row.owner?.name ?? "No owner"} · {SCORECARD_WINDOW_LABELS[row.window as ScorecardWindow] ?? ""}
        </span>
      </td>
      {row.cells.map((cell, i) => (
        <td
          key={cell.weekStart}
          data-week={cell.weekStart}
          data-goal={weeks[i]?.current ? "partial" : cell.onGoal === null ? "none" : cell.onGoal ? "on" : "off"}
          title={weeks[i]?.current ? "Week under way: partial, not judged against the goal yet" : undefined}
          className={`${WEEK_CELL} ${cell.onGoal === false ? "bg-red-50 font-medium text-red-700" : "text-slate-700"}${weeks[i]?.current ? " bg-slate-50 italic" : ""}`}
        >
          {cell.onGoal === false && (
            <span aria-hidden="true" className="mr-0.5 text-[9px]">
              ▼
            </span>
          )}
          {formatMetricValue(cell.value, row.unit)}
          {cell.onGoal === false && <span className="sr-only"> (off goal)</span>}
          {weeks[i]?.current && <span className="sr-only"> (partial week)</span>}
        </td>
      ))}
      <td className="py-1 pl-2 pr-5">
        <Sparkline values={row.cells.map((c) => c.value)} goal={row.goal} offGoal={latest?.onGoal === false} />
      </td>
    </tr>
  );
}
