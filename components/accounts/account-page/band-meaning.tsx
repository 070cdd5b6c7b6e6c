import { percent, type BandRate } from "@/lib/domain/backtest";
import type { Band, Segment } from "@/lib/domain/health";
import { SEGMENT_LABELS } from "@/lib/format";

/** Below this many renewals in the account's segment and band, the all-segment rate is quoted. */
const MIN_RENEWALS = 10;
const BAND_NAMES: Record<Band, string> = { red: "Red", yellow: "Yellow", green: "Green", purple: "Purple" };

/** What the account's band has meant so far: how often renewals in it were lost, per the latest backtest. */
export function BandMeaning({
  band,
  segment,
  horizon,
  segmentRates,
  allRates,
}: {
  band: Band | null;
  segment: Segment;
  horizon: number;
  segmentRates: BandRate[] | null;
  allRates: BandRate[] | null;
}) {
  if (!band) return null;
  const own = segmentRates?.find((b) => b.band === band);
  const useOwn = own !== undefined && own.n >= MIN_RENEWALS;
  const row = useOwn ? own : allRates?.find((b) => b.band === band);
  if (!row || row.churnRate === null) return null;
  const scope = useOwn ? `${SEGMENT_LABELS[segment]} renewals` : "renewals";
  return (
    <p className="mb-4 text-sm text-slate-600" data-testid="band-meaning">
      <span className="font-medium text-slate-800">{BAND_NAMES[band]} accounts churned or downgraded</span>{" "}
      {percent(row.churnRate)} of the time at {horizon} days before renewal ({row.n.toLocaleString("en-US")} past{" "}
      {scope}).
    </p>
  );
}
