import { MIN_OUTCOMES_FOR_CONFIDENCE } from "@/lib/domain/backtest";

/** Below ~50 outcomes (or a handful of losses) every figure on the page is fragile: say so. */
export function SampleSizeNote({ n, positives }: { n: number; positives: number }) {
  if (n >= MIN_OUTCOMES_FOR_CONFIDENCE && positives >= 10) return null;
  return (
    <p role="note" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
      <span className="font-medium">Small sample.</span> Only {n.toLocaleString("en-US")} closed renewals (
      {positives.toLocaleString("en-US")} lost) back these figures: a few more outcomes can move them a lot. Read them
      as a first indication.
    </p>
  );
}
