// npm run health:recompute [-- --as-of YYYY-MM-DD]
// Rescores every active account (set-based, streamed in slices) as of today or the given date.
import { parseArgs } from "node:util";
import { recomputeHealth } from "@/lib/data/health/recompute";
import { openDb } from "@/lib/db/client";
import { reportRefusal } from "@/lib/db/embedded-owner";
import { assertIsoDate } from "@/lib/domain/dates";
import { clock } from "@/lib/clock";

const { values } = parseArgs({ options: { "as-of": { type: "string" } } });
const asOf = values["as-of"] ?? clock.today();
assertIsoDate(asOf);

const handle = openDb();
try {
  const started = performance.now();
  const { scored, bands } = await recomputeHealth(handle.prisma, { asOf });
  console.log(`Rescored ${scored} accounts as of ${asOf} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  console.log(
    Object.entries(bands)
      .map(([band, n]) => `${band} ${n}`)
      .join(" · "),
  );
} catch (error) {
  reportRefusal(error);
} finally {
  await handle.close();
}
