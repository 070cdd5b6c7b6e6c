import "server-only";
import { clock } from "@/lib/clock";

// Dashboard aggregates read data that changes a few times a day (usage arrives daily, scores
// are recomputed in a batch), yet some scan hundreds of thousands of usage or snapshot rows.
// Each server process keeps a result for a few minutes, so opening the dashboards again and
// again costs one aggregate per TTL instead of one per view.
const TTL_MS = 5 * 60_000;

const store = globalThis as unknown as { bowtieDashboardCache?: Map<string, { at: number; value: Promise<unknown> }> };
const entries = (store.bowtieDashboardCache ??= new Map());

export function cachedAggregate<T>(key: string, load: () => Promise<T>, now = clock.nowMs()): Promise<T> {
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  for (const [k, e] of entries) if (now - e.at >= TTL_MS) entries.delete(k);
  const value = load();
  entries.set(key, { at: now, value });
  // A failure is not kept: the next view tries again.
  value.catch(() => entries.delete(key));
  return value;
}
