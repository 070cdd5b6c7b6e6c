// How an account's health score moved with one write: the overall change and the measures
// behind it, from the health explanations before and after ("+7: executive sponsor engagement
// 0 → 100"). Pure, so the account page's forms and the tests share one definition.
import { COMPONENT_KEYS } from "./health-model";
import type { HealthResult, MeasureResult } from "./health";

export interface MeasureMove {
  label: string;
  /** The measure's score (0–100, rounded); null = no data. */
  from: number | null;
  to: number | null;
  /** Points of the overall score this measure gained (negative: lost), one decimal. */
  points: number;
}

export interface ScoreMovement {
  from: number | null;
  to: number | null;
  /** to − from; null when either side has no score. */
  delta: number | null;
  /** The measures whose score changed, the biggest effect on the overall score first. */
  moves: MeasureMove[];
}

const measures = (h: HealthResult | null): Map<string, MeasureResult> =>
  new Map(h ? COMPONENT_KEYS.flatMap((c) => h.components[c].measures.map((m) => [m.key, m] as const)) : []);

const round = (n: number | null) => (n === null ? null : Math.round(n));
const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreMovement(before: HealthResult | null, after: HealthResult | null): ScoreMovement {
  const was = measures(before);
  const moves: MeasureMove[] = [];
  // A first score has nothing to compare with: no measure "moved".
  for (const [key, now] of before ? measures(after) : []) {
    const prior = was.get(key);
    const from = round(prior?.score ?? null);
    const to = round(now.score);
    if (from === to) continue;
    moves.push({ label: now.label, from, to, points: round1(now.contribution - (prior?.contribution ?? 0)) });
  }
  moves.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.label.localeCompare(b.label));
  const from = before?.score ?? null;
  const to = after?.score ?? null;
  return { from, to, delta: from !== null && to !== null ? to - from : null, moves };
}

// "Executive sponsor engagement" reads as "executive sponsor engagement" mid-sentence; "NPS / CSAT" stays.
const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);
const value = (n: number | null) => (n === null ? "no data" : String(n));

/** One sentence for a form's confirmation; at most `limit` measures are named. */
export function describeScoreMovement(m: ScoreMovement, limit = 2): string {
  if (m.to === null) return "The account has no score yet.";
  if (m.from === null) return `Scored ${m.to} for the first time.`;
  const named = m.moves
    .slice(0, limit)
    .map((move) => `${inSentence(move.label)} ${value(move.from)} → ${value(move.to)}`)
    .join("; ");
  const delta = m.delta ?? 0;
  if (delta === 0) return named ? `Score unchanged at ${m.to} (${named}).` : `Score unchanged at ${m.to}.`;
  const sign = delta > 0 ? "+" : "−";
  return `${sign}${Math.abs(delta)}${named ? `: ${named}` : ""} (score ${m.from} → ${m.to}).`;
}
