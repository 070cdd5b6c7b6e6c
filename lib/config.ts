import { DEFAULT_ASKS_PER_QUARTER } from "@/lib/domain/advocacy";
import { parseUsageRetentionMonths } from "@/lib/domain/usage-partitions";

/** BOWTIE_DEMO=off turns demo mode off: no demo data, no demo sign-in hints. */
export function isDemoMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BOWTIE_DEMO !== "off";
}

/**
 * BOWTIE_ADVOCACY_ASKS_PER_QUARTER: how many times one advocate may be asked (references, case
 * studies, speaking, reviews, referrals) per calendar quarter; default 2.
 */
export function advocacyAsksPerQuarter(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number.parseInt(env.BOWTIE_ADVOCACY_ASKS_PER_QUARTER ?? "", 10);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_ASKS_PER_QUARTER;
}

/**
 * BOWTIE_USAGE_RETENTION_MONTHS: whole months of usage days kept before the current month
 * (default 25, from 12 to 1200). The daily job drops older monthly partitions. An invalid value
 * throws, so the job fails visibly (Settings → Jobs) rather than deleting by a guess.
 */
export function usageRetentionMonths(env: NodeJS.ProcessEnv = process.env): number {
  return parseUsageRetentionMonths(env.BOWTIE_USAGE_RETENTION_MONTHS);
}
