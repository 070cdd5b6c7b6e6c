// Display formatting shared by pages and components (pure, locale fixed to en-US so pages
// render identically on the server and in tests).

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usdCompact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumSignificantDigits: 3,
});

export function formatMoney(value: number): string {
  return usd.format(value);
}

export function formatMoneyCompact(value: number): string {
  return usdCompact.format(value);
}

export function formatPercent(ratio: number, digits = 0): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

const dateFmt = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** A calendar date (YYYY-MM-DD or a UTC-midnight Date) as "Nov 23, 2026". */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  return dateFmt.format(d);
}

const shortDateFmt = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const monthFmt = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** A calendar date without its year, for axes and week headings: "Nov 23". */
export function formatShortDate(iso: string): string {
  return shortDateFmt.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * A period end on a quarterly axis: a quarter's last day as "Q1 2026", any other day (today's
 * trailing point) as "Dec 1, 2026", so two years' "Mar 31" never look alike.
 */
export function formatQuarterEnd(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m % 3 === 0 && d === lastDay ? `Q${m / 3} ${y}` : formatDate(iso);
}

/** A month ("YYYY-MM" or a date in it) as "Nov 2026". */
export function formatMonth(iso: string): string {
  return monthFmt.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
}

/** "in 12 days", "today", "3 days ago". */
export function formatRelativeDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

export const SEGMENT_LABELS = { enterprise: "Enterprise", mid_market: "Mid-Market", smb: "SMB" } as const;

export const STAGE_LABELS = {
  onboarding: "Onboarding",
  adoption: "Adoption",
  value_realization: "Value realization",
  expansion: "Expansion",
  renewal: "Renewal",
  churned: "Churned",
} as const;

export const TOUCHPOINT_LABELS = {
  check_in: "Check-in",
  qbr: "QBR",
  ebr: "EBR",
  call: "Call",
  email: "Email",
  meeting: "Meeting",
} as const;

export const FORECAST_LABELS = { commit: "Commit", likely: "Likely", at_risk: "At risk", lost: "Lost" } as const;
