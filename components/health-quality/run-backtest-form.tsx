import { ActionForm } from "@/components/ui/action-form";
import { runBacktestAction } from "@/lib/actions/backtest";

/** Runs the backtest on today's data instead of waiting for the daily run. */
export function RunBacktestForm() {
  return (
    <ActionForm
      action={runBacktestAction}
      submitLabel="Run backtest now"
      success="Done: the figures below are from this run."
      className="flex flex-wrap items-center gap-3"
    >
      {null}
    </ActionForm>
  );
}
