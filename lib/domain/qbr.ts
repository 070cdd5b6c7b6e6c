// QBR / EBR (SPEC §4, seed 001): the segment cadence, the preparation checklist, the value
// report and the generated 60-minute document. Pure: the data module gathers the facts.
import { addDays, type IsoDate } from "./dates";
import { REVIEW_CADENCE, type Segment } from "./health";

export const QBR_SECTIONS = [
  { key: "executive_summary", title: "Executive summary", minutes: 5 },
  { key: "business_objectives", title: "Business objectives against the success plan", minutes: 10 },
  { key: "product_usage", title: "Product usage analysis", minutes: 15 },
  { key: "success_stories", title: "Success stories and ROI", minutes: 10 },
  { key: "roadmap", title: "Roadmap and next steps", minutes: 10 },
  { key: "qa", title: "Q&A", minutes: 10 },
] as const;
export type QbrSectionKey = (typeof QBR_SECTIONS)[number]["key"];

export interface QbrSection {
  key: QbrSectionKey;
  title: string;
  minutes: number;
  content: string;
}

export const QBR_CHECKLIST = [
  { key: "review_health", title: "Review the health score" },
  { key: "analyse_usage", title: "Analyse usage" },
  { key: "gather_metrics", title: "Gather success metrics and ROI" },
  { key: "identify_upsell", title: "Identify upsell opportunities" },
  { key: "prepare_deck", title: "Prepare the deck" },
  { key: "send_pre_read", title: "Send the pre-read" },
] as const;
export type QbrChecklistKey = (typeof QBR_CHECKLIST)[number]["key"];
export const QBR_CHECKLIST_KEYS = QBR_CHECKLIST.map((c) => c.key) as [QbrChecklistKey, ...QbrChecklistKey[]];

/** A QBR lasts an hour. */
export const QBR_MINUTES = 60;

/** "2027-Q1" → its first and last day. */
export function quarterRange(quarter: string): { start: IsoDate; end: IsoDate } {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new RangeError(`Not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  const start = `${year}-${String(3 * q - 2).padStart(2, "0")}-01`;
  const nextStart = q === 4 ? `${year + 1}-01-01` : `${year}-${String(3 * q + 1).padStart(2, "0")}-01`;
  return { start, end: addDays(nextStart, -1) };
}

/** The quarter a day falls in, "2027-Q1". */
export function quarterOfDay(day: IsoDate): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * When the next review is due by the segment's cadence (Enterprise quarterly, Mid-Market twice a
 * year; SMB is tech-touch: null): a cadence interval after the last one held, or, with none held,
 * 90 days after the contract start; never before today.
 */
export function nextReviewDue(
  segment: Segment,
  lastHeld: IsoDate | null,
  contractStart: IsoDate,
  today: IsoDate,
): IsoDate | null {
  const perYear = REVIEW_CADENCE[segment];
  if (perYear === null) return null;
  const due = lastHeld ? addDays(lastHeld, Math.round(365 / perYear)) : addDays(contractStart, 90);
  return due < today ? today : due;
}

export interface OutcomeFact {
  title: string;
  metric: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  dueDate: IsoDate;
  achieved: boolean;
  achievedAt: IsoDate | null;
  annualValue: number | null;
}

export interface ValueReport {
  outcomes: number;
  achieved: number;
  /** Outcomes due by today. */
  due: number;
  dueAchieved: number;
  /** Yearly value of the achieved outcomes. */
  annualValue: number;
  /** annualValue / ARR: the customer's return on what they pay (null without ARR). */
  roi: number | null;
}

export function valueReport(outcomes: readonly OutcomeFact[], arr: number, today: IsoDate): ValueReport {
  const achieved = outcomes.filter((o) => o.achieved);
  const due = outcomes.filter((o) => o.dueDate <= today);
  const annualValue = Math.round(achieved.reduce((sum, o) => sum + (o.annualValue ?? 0), 0) * 100) / 100;
  return {
    outcomes: outcomes.length,
    achieved: achieved.length,
    due: due.length,
    dueAchieved: due.filter((o) => o.achieved).length,
    annualValue,
    roi: arr > 0 ? Math.round((annualValue / arr) * 100) / 100 : null,
  };
}

export interface UsageFact {
  /** Average daily active users this quarter so far, and in the quarter before. */
  activeUsers: number | null;
  previousActiveUsers: number | null;
  seats: number;
  workflowsCompleted: number;
  featuresUsed: string[];
  purchasedFeatures: string[];
}

export interface QbrFacts {
  accountName: string;
  quarter: string;
  segment: Segment;
  arr: number;
  healthScore: number | null;
  healthBand: string | null;
  healthTrend: number | null;
  renewalDate: IsoDate;
  usage: UsageFact;
  outcomes: OutcomeFact[];
  openExpansions: { title: string; arr: number }[];
  latestNps: number | null;
  today: IsoDate;
}

const money = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** The 60-minute agenda, each section filled from the account's data (the CSM edits it before the meeting). */
export function buildQbrDocument(f: QbrFacts): QbrSection[] {
  const report = valueReport(f.outcomes, f.arr, f.today);
  const { usage } = f;
  const adoption = usage.seats > 0 && usage.activeUsers !== null ? usage.activeUsers / usage.seats : null;
  const usedPurchased = usage.purchasedFeatures.filter((p) => usage.featuresUsed.includes(p));
  const change =
    usage.activeUsers !== null && usage.previousActiveUsers
      ? (usage.activeUsers - usage.previousActiveUsers) / usage.previousActiveUsers
      : null;
  const content: Record<QbrSectionKey, string[]> = {
    executive_summary: [
      `${f.accountName}, ${f.quarter}: ${money(f.arr)} ARR, renewal on ${f.renewalDate}.`,
      f.healthScore === null
        ? "Health: not enough data yet."
        : `Health ${f.healthScore}/100 (${f.healthBand ?? "unrated"})${f.healthTrend ? `, ${f.healthTrend > 0 ? "up" : "down"} ${Math.abs(f.healthTrend)} points in 30 days` : ""}.`,
      `Success plan: ${report.achieved} of ${report.outcomes} outcomes achieved.`,
      ...(f.latestNps !== null ? [`Latest NPS response: ${f.latestNps}.`] : []),
    ],
    business_objectives: f.outcomes.length
      ? f.outcomes.map((o) => {
          const measure =
            o.metric && o.target !== null
              ? ` — ${o.metric}: ${o.baseline ?? "?"} → ${o.current ?? "?"} (target ${o.target})`
              : "";
          const state = o.achieved ? `achieved ${o.achievedAt ?? ""}`.trim() : `due ${o.dueDate}`;
          return `• ${o.title}${measure}; ${state}.`;
        })
      : ["No success-plan outcomes yet: agree two or three measurable outcomes in this meeting."],
    product_usage: [
      usage.activeUsers === null
        ? "No usage recorded this quarter."
        : `${Math.round(usage.activeUsers)} active users a day on ${usage.seats} seats${adoption !== null ? ` (${pct(adoption)} adoption)` : ""}${change !== null ? `, ${change >= 0 ? "+" : ""}${pct(change)} on last quarter` : ""}.`,
      `${usage.workflowsCompleted.toLocaleString("en-US")} workflows completed this quarter.`,
      usage.purchasedFeatures.length
        ? `Features in use: ${usedPurchased.length} of ${usage.purchasedFeatures.length} purchased${usage.purchasedFeatures.length > usedPurchased.length ? ` (not yet used: ${usage.purchasedFeatures.filter((p) => !usedPurchased.includes(p)).join(", ")})` : ""}.`
        : `Features in use: ${usage.featuresUsed.length}.`,
    ],
    success_stories: [
      ...f.outcomes
        .filter((o) => o.achieved)
        .map((o) => `• ${o.title}${o.annualValue ? ` — ${money(o.annualValue)} a year` : ""}.`),
      report.annualValue > 0 && report.roi !== null
        ? `Value delivered: ${money(report.annualValue)} a year, ${report.roi.toFixed(1)}× the subscription.`
        : "Value delivered: not quantified yet — agree how to measure it.",
    ],
    roadmap: [
      ...f.openExpansions.map((e) => `• Opportunity: ${e.title} (${money(e.arr)} ARR).`),
      ...f.outcomes
        .filter((o) => !o.achieved)
        .slice(0, 3)
        .map((o) => `• Next: ${o.title} by ${o.dueDate}.`),
      `• Renewal on ${f.renewalDate}.`,
    ],
    qa: ["Open discussion. Note questions and owners here."],
  };
  return QBR_SECTIONS.map((s) => ({ ...s, content: content[s.key].join("\n") }));
}
