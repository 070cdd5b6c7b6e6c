// One set-based statement that aggregates HealthInputs (lib/domain/health.ts) as of a date for
// one slice of accounts — the same rules as healthInputsFromFacts, in SQL. The batch rescore
// walks the accounts in slices by id (keyset: $3 = the last id of the previous slice, $4 = the
// slice's size; $5 = the slice's last id when the slices are cut in advance, else NULL), so its
// memory does not grow with the number of accounts. $1 = as-of date,
// $2 = account ids (or NULL for every active account). tests/integration/health.test.ts checks
// it against the pure function on real data, across slice boundaries.
//
// Usage: ONE read of each account's window rows (a LATERAL index range scan on UsageDay's
// (accountId, date) key, ~30 rows, in date order; the window's bounds are written from $1 itself,
// not the params CTE, so the planner keeps only the two or three monthly partitions they touch
// instead of opening every partition for every account: 5–6 ms → 1–2 ms for one account) computes every usage input at once: the sums,
// the mean feature depth, the latest data quality, and the distinct features and integrations.
// Feature and integration keys become tsvectors (array_to_tsvector: the keys as they are,
// deduplicated), so set operations run as native code, with no per-row subquery:
//   |featuresUsed ∩ purchased| = |F| − |ts_delete(F, purchased)|, and the window's distinct
//   keys are the tsvector_union (migration 20261201190500) of its rows.
// A tsvector cannot hold an empty string: '' is counted beside it (a key the API never accepts,
// counted anyway so the rule stays exact). NULL elements (which Prisma's String[] never writes)
// are left out. The rows are aggregated in date order, so the mean feature depth adds its terms
// in the same order as the pure engine and comes out bit-identical.
//
// The other inputs are per-table aggregates over the slice's id range (each an index range scan
// on the table's (accountId, …) index), joined by account.
import "server-only";
import type { IsoDate } from "@/lib/domain/dates";
import { healthWindowStartSql, isDetractorSql, isPromoterSql } from "../platform/rules.sql";
import { sqlText, statement, type SqlText } from "../platform/sql";

const AS_OF = sqlText`$1::date`;

/** A text[] of keys as a tsvector: distinct, without '' and NULL (counted apart where they matter). */
const lexemes = (keys: SqlText) => sqlText`array_to_tsvector(array_remove(array_remove(${keys}, ''), NULL))`;
const hasBlank = (keys: SqlText) => sqlText`coalesce('' = ANY(${keys}), false)`;

/**
 * The table `alias`'s rows of the slice's accounts: its "accountId" within the slice's id range,
 * as one-off parameters (InitPlans), so each table is read by an index range scan on accountId.
 */
const inSlice = (alias: SqlText) =>
  sqlText`${alias}."accountId" BETWEEN (SELECT lo FROM slice) AND (SELECT hi FROM slice)`;

export const HEALTH_INPUTS_SQL = statement<
  [asOf: IsoDate, accountIds: number[] | null, afterId: number, sliceSize: number, throughId: number | null]
>`
WITH params AS (
  SELECT $1::date AS as_of,
         ${healthWindowStartSql(AS_OF, "usage")} AS usage_start,
         ${healthWindowStartSql(AS_OF, "csat")} AS csat_start,
         ${healthWindowStartSql(AS_OF, "nps")} AS nps_start,
         ${healthWindowStartSql(AS_OF, "reviews")} AS review_start
),
acc AS MATERIALIZED (
  SELECT a.id, a.segment::text AS segment, a.seats, a.arr::float8 AS arr, a."contractStart",
         tsvector_to_array(${lexemes(sqlText`a."purchasedFeatures"`)}) AS purchased,
         ${hasBlank(sqlText`a."purchasedFeatures"`)} AS purchased_blank
  FROM "Account" a
  WHERE CASE WHEN $2::int[] IS NULL THEN a.status = 'active' ELSE a.id = ANY($2::int[]) END
    AND a.id > $3::int AND ($5::int IS NULL OR a.id <= $5::int)
  ORDER BY a.id
  LIMIT $4::int
),
slice AS (SELECT min(id) AS lo, max(id) AS hi FROM acc),
tickets AS (
  SELECT t."accountId" AS id, count(*)::int AS n
  FROM "SupportTicket" t CROSS JOIN params p
  WHERE ${inSlice(sqlText`t`)} AND t."openedAt" BETWEEN p.usage_start AND p.as_of
  GROUP BY t."accountId"
),
sponsor AS (
  SELECT tp."accountId" AS id, max(tp."occurredAt") AS last_touch
  FROM "Contact" c CROSS JOIN params p
  JOIN "TouchpointContact" tc ON tc."contactId" = c.id
  JOIN "Touchpoint" tp ON tp.id = tc."touchpointId" AND tp."accountId" = c."accountId"
  WHERE ${inSlice(sqlText`c`)} AND c."execSponsor"
    AND tp."occurredAt" <= p.as_of AND tp.attended IS DISTINCT FROM false
  GROUP BY tp."accountId"
),
reviews AS (
  SELECT tp."accountId" AS id, count(*)::int AS n
  FROM "Touchpoint" tp CROSS JOIN params p
  WHERE ${inSlice(sqlText`tp`)} AND tp."occurredAt" BETWEEN p.review_start AND p.as_of
    AND tp.type IN ('qbr', 'ebr') AND tp.attended
  GROUP BY tp."accountId"
),
surveys AS (
  SELECT sr."accountId" AS id,
    count(*) FILTER (WHERE sr.type = 'nps' AND sr."respondedAt" >= p.nps_start)::int AS nps_n,
    count(*) FILTER (WHERE sr.type = 'nps' AND sr."respondedAt" >= p.nps_start AND ${isPromoterSql(sqlText`sr.score`)})::int AS promoters,
    count(*) FILTER (WHERE sr.type = 'nps' AND sr."respondedAt" >= p.nps_start AND ${isDetractorSql(sqlText`sr.score`)})::int AS detractors,
    count(*) FILTER (WHERE sr.type = 'csat' AND sr."respondedAt" >= p.csat_start)::int AS csat_n,
    coalesce(sum(sr.score) FILTER (WHERE sr.type = 'csat' AND sr."respondedAt" >= p.csat_start), 0)::float8 AS csat_sum
  FROM "SurveyResponse" sr CROSS JOIN params p
  WHERE ${inSlice(sqlText`sr`)} AND sr."respondedAt" BETWEEN least(p.nps_start, p.csat_start) AND p.as_of
  GROUP BY sr."accountId"
),
outcomes AS (
  SELECT o."accountId" AS id, count(*)::int AS due,
    count(*) FILTER (WHERE o.achieved AND (o."achievedAt" IS NULL OR o."achievedAt" <= p.as_of))::int AS achieved
  FROM "SuccessOutcome" o CROSS JOIN params p
  WHERE ${inSlice(sqlText`o`)} AND o."dueDate" <= p.as_of
  GROUP BY o."accountId"
),
renewal AS (
  SELECT DISTINCT ON (r."accountId") r."accountId" AS id, r.forecast::text AS forecast
  FROM "Renewal" r
  WHERE ${inSlice(sqlText`r`)} AND r.status = 'open'
  ORDER BY r."accountId", r."renewalDate"
),
expansion AS (
  SELECT e."accountId" AS id, sum(e.arr)::float8 AS open_arr
  FROM "ExpansionOpportunity" e
  WHERE ${inSlice(sqlText`e`)} AND e.status = 'open'
  GROUP BY e."accountId"
),
contacts AS (
  SELECT c."accountId" AS id, bool_or(c."referenceWilling") AS reference_willing
  FROM "Contact" c
  WHERE ${inSlice(sqlText`c`)}
  GROUP BY c."accountId"
)
SELECT acc.id, acc.segment, acc.seats, acc.arr,
  (p.as_of - acc."contractStart")::int AS days_since_contract_start,
  -- A row in the usage window is a row on or before as_of: only accounts without one look further back.
  coalesce(usage.n > 0, false) OR EXISTS (SELECT 1 FROM "UsageDay" x WHERE x."accountId" = acc.id AND x.date <= ${AS_OF}) AS has_usage,
  (cardinality(acc.purchased) + acc.purchased_blank::int)::int AS purchased_feature_count,
  coalesce(usage.logins, 0) AS logins,
  coalesce(usage.active_users, 0) AS active_users,
  coalesce(usage.sessions, 0) AS sessions,
  coalesce(usage.session_minutes, 0) AS session_minutes,
  coalesce(usage.workflows_started, 0) AS workflows_started,
  coalesce(usage.workflows_completed, 0) AS workflows_completed,
  coalesce(usage.mean_feature_depth, 0)::float8 AS mean_feature_depth,
  (coalesce(length(usage.features) - length(ts_delete(usage.features, acc.purchased)), 0)
    + (acc.purchased_blank AND usage.features_blank)::int)::int AS features_adopted,
  usage.qualities[cardinality(usage.qualities)]::float8 AS latest_data_quality,
  (coalesce(length(usage.integrations), 0) + usage.integrations_blank::int)::int AS integrations,
  coalesce(tickets.n, 0) AS tickets,
  (p.as_of - sponsor.last_touch)::int AS days_since_exec_sponsor_touch,
  coalesce(reviews.n, 0) AS attended_reviews,
  coalesce(surveys.nps_n, 0) AS nps_responses,
  coalesce(surveys.promoters, 0) AS nps_promoters,
  coalesce(surveys.detractors, 0) AS nps_detractors,
  coalesce(surveys.csat_n, 0) AS csat_responses,
  coalesce(surveys.csat_sum, 0) AS csat_sum,
  coalesce(outcomes.due, 0) AS outcomes_due,
  coalesce(outcomes.achieved, 0) AS outcomes_achieved,
  renewal.forecast AS renewal_forecast,
  coalesce(expansion.open_arr, 0) AS open_expansion_arr,
  coalesce(contacts.reference_willing, false) AS reference_willing
FROM acc CROSS JOIN params p
CROSS JOIN LATERAL (
  SELECT count(*)::int AS n,
    sum(u.logins)::float8 AS logins,
    sum(u."activeUsers")::float8 AS active_users,
    sum(u.sessions)::float8 AS sessions,
    sum(u."sessionMinutes")::float8 AS session_minutes,
    sum(u."workflowsStarted")::float8 AS workflows_started,
    sum(u."workflowsCompleted")::float8 AS workflows_completed,
    avg((length(u.f) - length(ts_delete(u.f, acc.purchased)) + (acc.purchased_blank AND u.f_blank)::int)::float8
        / (cardinality(acc.purchased) + acc.purchased_blank::int))
      FILTER (WHERE u."activeUsers" > 0 AND cardinality(acc.purchased) + acc.purchased_blank::int > 0) AS mean_feature_depth,
    -- The rows come in date order: the last quality reported is the latest.
    (array_agg(u."dataQuality") FILTER (WHERE u."dataQuality" IS NOT NULL)) AS qualities,
    tsvector_union(u.f) AS features,
    coalesce(bool_or(u.f_blank), false) AS features_blank,
    tsvector_union(u.i) AS integrations,
    coalesce(bool_or(u.i_blank), false) AS integrations_blank
  FROM (SELECT u.logins, u."activeUsers", u.sessions, u."sessionMinutes", u."workflowsStarted",
      u."workflowsCompleted", u.date, u."dataQuality",
      ${lexemes(sqlText`u."featuresUsed"`)} AS f, ${hasBlank(sqlText`u."featuresUsed"`)} AS f_blank,
      ${lexemes(sqlText`u."integrationsActive"`)} AS i, ${hasBlank(sqlText`u."integrationsActive"`)} AS i_blank
    FROM "UsageDay" u
    WHERE u."accountId" = acc.id AND u.date BETWEEN ${healthWindowStartSql(AS_OF, "usage")} AND ${AS_OF}
    ORDER BY u.date) u -- date order: avg() then sums the depths as the pure engine does
) usage
LEFT JOIN tickets ON tickets.id = acc.id
LEFT JOIN sponsor ON sponsor.id = acc.id
LEFT JOIN reviews ON reviews.id = acc.id
LEFT JOIN surveys ON surveys.id = acc.id
LEFT JOIN outcomes ON outcomes.id = acc.id
LEFT JOIN renewal ON renewal.id = acc.id
LEFT JOIN expansion ON expansion.id = acc.id
LEFT JOIN contacts ON contacts.id = acc.id
ORDER BY acc.id
`;
