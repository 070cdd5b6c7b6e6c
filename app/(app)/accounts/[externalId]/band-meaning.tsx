import { BandMeaning as BandMeaningText } from "@/components/accounts/account-page/band-meaning";
import { getLatestBandRates } from "@/lib/data/health/backtest";
import type { Band, Segment } from "@/lib/domain/health";

const HORIZON = 90;

/** Loads the latest backtest's churn rates by band for the account page's sentence. */
export async function BandMeaning({ band, segment }: { band: Band | null; segment: Segment }) {
  if (!band) return null;
  const [segmentRates, allRates] = await Promise.all([
    getLatestBandRates(HORIZON, segment),
    getLatestBandRates(HORIZON, "all"),
  ]);
  return (
    <BandMeaningText band={band} segment={segment} horizon={HORIZON} segmentRates={segmentRates} allRates={allRates} />
  );
}
