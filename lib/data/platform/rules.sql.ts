// The domain's rules in SQL, built from the same TypeScript constants, so a rule is written once.
// Set-based queries interpolate these fragments; tests/integration/rules-sql.test.ts runs each one
// on the database over every interesting input and checks it against the TypeScript function.
import "server-only";
import { HEALTH_WINDOW_DAYS, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from "@/lib/domain/health";
import {
  ONBOARDING_LAST_DAY,
  RENEWAL_STAGE_DAYS,
  ADOPTION_ENDS_MONTHS,
  VALUE_REALIZATION_ENDS_MONTHS,
} from "@/lib/domain/lifecycle";
import { RENEWAL_WINDOW_ENDS } from "@/lib/domain/windows";
import { AT_RISK_BANDS, AT_RISK_FORECASTS } from "@/lib/domain/renewals";
import { snapshotMeasureIndex, type SnapshotMeasureField, type SnapshotMeasureKey } from "@/lib/domain/health-snapshot";
import { sqlJoin, sqlLiteral, sqlText, type SqlText } from "./sql";

/** The account's shown lifecycle stage (alias `a` for "Account"): a manual stage wins. */
export const EFFECTIVE_STAGE = sqlText`coalesce(a."stageOverride", a."lifecycleStage")`;

/** renewalWindow(days) for an integer SQL expression of days until the renewal date. */
export function renewalWindowSql(days: SqlText): SqlText {
  const arms = sqlJoin(
    RENEWAL_WINDOW_ENDS.map((w) => sqlText`WHEN ${days} <= ${w.lastDay} THEN ${sqlLiteral(w.window)}`),
    " ",
  );
  return sqlText`(CASE WHEN ${days} < 0 THEN 'overdue' ${arms} ELSE 'later' END)`;
}

/** isAtRisk for a renewal, from SQL expressions of its account's band and its forecast (either may be NULL). */
export function atRiskSql(band: SqlText, forecast: SqlText): SqlText {
  const list = (values: readonly string[]) => sqlJoin(values.map(sqlLiteral), ", ");
  return sqlText`(coalesce(${band}::text IN (${list(AT_RISK_BANDS)}), false) OR coalesce(${forecast}::text IN (${list(AT_RISK_FORECASTS)}), false))`;
}

/** isPromoter / isDetractor for an NPS score expression. */
export const isPromoterSql = (score: SqlText): SqlText => sqlText`(${score} >= ${NPS_PROMOTER_MIN})`;
export const isDetractorSql = (score: SqlText): SqlText => sqlText`(${score} <= ${NPS_DETRACTOR_MAX})`;

/** The first day of a health window ending on `asOf` (a date expression): lastNDays in SQL. */
export const healthWindowStartSql = (asOf: SqlText, window: keyof typeof HEALTH_WINDOW_DAYS): SqlText =>
  sqlText`(${asOf} - ${HEALTH_WINDOW_DAYS[window] - 1})`;

/** One number of a measure (or of the nps / csat part) in a snapshot's `measures` column (snapshotMeasureIndex). */
export function snapshotMeasureSql(measures: SqlText, key: SnapshotMeasureKey, field: SnapshotMeasureField): SqlText {
  return sqlText`(${measures})[${snapshotMeasureIndex(key, field)}]`;
}

/** deriveLifecycleStage in SQL, for the account `a` on the day `asOf` (SQL expressions). */
export function derivedStageSql(o: {
  asOf: SqlText;
  renewalDate: SqlText;
  churned: SqlText;
  openExpansion: SqlText;
}): SqlText {
  return sqlText`CASE
    WHEN ${o.churned} THEN 'churned'
    WHEN ${o.renewalDate} - ${o.asOf} <= ${RENEWAL_STAGE_DAYS} THEN 'renewal'
    WHEN ${o.openExpansion} OR ${o.asOf} >= (a."contractStart" + make_interval(months => ${VALUE_REALIZATION_ENDS_MONTHS}))::date THEN 'expansion'
    WHEN ${o.asOf} >= (a."contractStart" + make_interval(months => ${ADOPTION_ENDS_MONTHS}))::date THEN 'value_realization'
    WHEN ${o.asOf} - a."contractStart" > ${ONBOARDING_LAST_DAY} THEN 'adoption'
    ELSE 'onboarding'
  END::"LifecycleStage"`;
}
