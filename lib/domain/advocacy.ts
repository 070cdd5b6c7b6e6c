// Advocacy (seed 001's program, seed 003's red → purple): who is an advocate, the per-quarter
// ask limit, and referrals against churned logos per quarter.
import { type IsoDate } from "./dates";

export const ADVOCACY_KINDS = ["reference", "case_study", "speaking", "review", "referral"] as const;
export type AdvocacyKind = (typeof ADVOCACY_KINDS)[number];
export const ADVOCACY_KIND_LABELS: Record<AdvocacyKind, string> = {
  reference: "Reference call",
  case_study: "Case study",
  speaking: "Speaking slot",
  review: "Review",
  referral: "Referral",
};
export const ADVOCACY_STATUSES = ["requested", "agreed", "completed", "declined"] as const;
export type AdvocacyStatus = (typeof ADVOCACY_STATUSES)[number];

export const ADVOCATE_REASONS = ["promoter", "champion", "roi_achieved", "reference_willing"] as const;
export type AdvocateReason = (typeof ADVOCATE_REASONS)[number];
export const ADVOCATE_REASON_LABELS: Record<AdvocateReason, string> = {
  promoter: "Promoter (NPS 9–10)",
  champion: "Champion",
  roi_achieved: "ROI achieved",
  reference_willing: "Willing to be a reference",
};

/** The default of BOWTIE_ADVOCACY_ASKS_PER_QUARTER: asks per advocate per calendar quarter. */
export const DEFAULT_ASKS_PER_QUARTER = 2;

/** Why a contact is an advocate (empty: not one). */
export function advocateReasons(c: {
  promoter: boolean;
  champion: boolean;
  roiAchieved: boolean;
  referenceWilling: boolean;
}): AdvocateReason[] {
  const met: Record<AdvocateReason, boolean> = {
    promoter: c.promoter,
    champion: c.champion,
    roi_achieved: c.roiAchieved,
    reference_willing: c.referenceWilling,
  };
  return ADVOCATE_REASONS.filter((r) => met[r]);
}

/** The calendar quarter of a day: "2026-Q4", and its first and last days. */
export function quarterOf(date: IsoDate): { key: string; start: IsoDate; end: IsoDate } {
  const year = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const startMonth = q * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    key: `${year}-Q${q + 1}`,
    start: `${year}-${pad(startMonth)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(lastDay)}`,
  };
}

/** The `count` quarters ending with the one containing `today`, oldest first. */
export function lastQuarters(today: IsoDate, count: number): { key: string; start: IsoDate; end: IsoDate }[] {
  const out = [quarterOf(today)];
  while (out.length < count) {
    const start = out[0].start;
    const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
    const prev = m === 1 ? `${y - 1}-10-01` : `${y}-${String(m - 3).padStart(2, "0")}-01`;
    out.unshift(quarterOf(prev));
  }
  return out;
}

export type AskCheck = { ok: true; warning: string | null } | { ok: false; message: string };

/**
 * May this advocate be asked once more this quarter? `asked` counts the asks already in the
 * quarter (declined ones included: they were still asked). Reaching the limit warns; going past
 * it is refused.
 */
export function checkAsk(asked: number, limit: number, name: string): AskCheck {
  if (asked >= limit)
    return { ok: false, message: `${name} was already asked ${asked} times this quarter (the limit is ${limit}).` };
  const after = asked + 1;
  return {
    ok: true,
    warning:
      after >= limit ? `${name} has now been asked ${after} of ${limit} times this quarter: give them a rest.` : null,
  };
}
