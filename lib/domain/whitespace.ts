// Whitespace planning (seed 002, SPICED): rank account × product cells by Impact × Critical
// Event, not by company size. Impact is what the customer saves or earns per year (money);
// urgency comes from the critical event and halves every URGENCY_HALF_LIFE_DAYS it lies ahead:
//
//   urgency = 0.5 ^ (days until the event / 90)   for an event today or later
//           = 0.1                                  with no event, or one already past
//   score   = impact × urgency (rounded to the cent)
//
// So an event today counts in full, one 90 days out half, 180 days a quarter; a cell with no
// critical event keeps a tenth of its impact so it still ranks above nothing, and a cell with no
// impact scores 0 however urgent.
import { daysBetween, type IsoDate } from "./dates";

export const URGENCY_HALF_LIFE_DAYS = 90;
export const NO_EVENT_URGENCY = 0.1;

export function urgency(criticalEventDate: IsoDate | null, today: IsoDate): number {
  if (criticalEventDate === null) return NO_EVENT_URGENCY;
  const days = daysBetween(today, criticalEventDate);
  if (days < 0) return NO_EVENT_URGENCY;
  return Math.pow(0.5, days / URGENCY_HALF_LIFE_DAYS);
}

export function whitespaceScore(impact: number, criticalEventDate: IsoDate | null, today: IsoDate): number {
  return Math.round(impact * urgency(criticalEventDate, today) * 100) / 100;
}

export interface RankableCell {
  impact: number;
  criticalEventDate: IsoDate | null;
}

/** Highest score first; ties by impact, then by the nearer event. */
export function rankCells<C extends RankableCell>(cells: readonly C[], today: IsoDate): (C & { score: number })[] {
  return cells
    .map((c) => ({ ...c, score: whitespaceScore(c.impact, c.criticalEventDate, today) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.impact - a.impact ||
        (a.criticalEventDate ?? "9999-12-31").localeCompare(b.criticalEventDate ?? "9999-12-31"),
    );
}

/** The formula as the UI's help text and docs/api.md state it. */
export const WHITESPACE_FORMULA_HELP =
  `Score = Impact × urgency. Urgency is 1 for a critical event today and halves every ${URGENCY_HALF_LIFE_DAYS} days ` +
  `the event lies ahead (0.5 at ${URGENCY_HALF_LIFE_DAYS} days, 0.25 at ${URGENCY_HALF_LIFE_DAYS * 2}); with no ` +
  `critical event, or one already past, it is ${NO_EVENT_URGENCY}. No impact scores 0 however urgent.`;
