// npm run health:recompute [-- --as-of YYYY-MM-DD]
// Rescores every active account (one set-based batch) as of today or the given date.
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
  const results = await recomputeHealth(handle.prisma, { asOf });
  const bands: Record<string, number> = {};
  for (const r of results.values()) bands[r.band ?? "unscored"] = (bands[r.band ?? "unscored"] ?? 0) + 1;
  console.log(
    `Rescored ${results.size} accounts as of ${asOf} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
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
