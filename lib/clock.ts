// The one clock. Application code never reads Date.now() or new Date() for "now" or "today":
// it asks here, so tests (and demos) can pin time and every suite passes whatever the
// machine's date is.
//
// BOWTIE_NOW (an ISO instant, e.g. 2026-12-01T09:00:00Z) pins the clock for a whole process;
// tests call pinClock(). Elapsed-time measurements (benchmarks, log timings) use
// performance.now(), which is not a calendar clock.
import { toIsoDate, type IsoDate } from "./domain/dates";

interface ClockState {
  /** Epoch milliseconds the clock is pinned to, or null for the system clock. */
  pinned: number | null;
}

// Kept on globalThis so that every module graph in one process (Next's server bundles, vitest's
// setup file and test file) shares one clock.
const holder = globalThis as unknown as { bowtieClock?: ClockState };
const state: ClockState = (holder.bowtieClock ??= { pinned: parseInstant(process.env.BOWTIE_NOW) });

function parseInstant(value: string | Date | undefined | null): number | null {
  if (value === undefined || value === null || value === "") return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(value)}`);
  return ms;
}

export const clock = {
  /** The current instant. */
  now(): Date {
    return new Date(state.pinned ?? Date.now());
  },
  /** Epoch milliseconds of the current instant. */
  nowMs(): number {
    return state.pinned ?? Date.now();
  },
  /** Today's UTC calendar day, "YYYY-MM-DD" (the as-of date when none is given). */
  today(): IsoDate {
    return toIsoDate(clock.now());
  },
};

/** Pins the clock to an instant (tests); `null` returns it to the system clock. */
export function pinClock(at: string | Date | null): void {
  state.pinned = parseInstant(at);
}

/** Moves a pinned clock forward (tests of elapsed time); pins it first if needed. */
export function advanceClock(ms: number): void {
  state.pinned = (state.pinned ?? Date.now()) + ms;
}
