// One set-based statement that aggregates every account's HealthInputs (lib/domain/health.ts)
// as of a date — the same rules as healthInputsFromFacts, in SQL, so a batch over 50,000
// accounts is one query rather than one per account. $1 = as-of date, $2 = account ids (or
// NULL for every active account). tests/integration/health.test.ts checks it against the pure
// function on real data.
//
// Usage is read per account (LATERAL) through UsageDay's (accountId, date) key: ~30 rows each,
// no sort or hash of the 1.4 M window rows and no materialised copy of them. Each usage row is
// visited in date order, so the mean feature depth adds its terms in the same order as the pure
// engine and comes out bit-identical. Per row, the purchased features it uses are counted with
// = ANY (purchased is deduplicated, so this is |featuresUsed ∩ purchased|); features adopted
// counts the purchased features some window row uses; integrations are deduplicated per account.
// The other inputs are small per-table aggregates joined by account.
import "server-only";
import type { IsoDate } from "@/lib/domain/dates";
import { healthWindowStartSql, isDetractorSql, isPromoterSql } from "../platform/rules.sql";
import { sqlText, statement } from "../platform/sql";

const AS_OF = sqlText`$1::date`;

export const HEALTH_INPUTS_SQL = statement<[asOf: IsoDate, accountIds: number[] | null]>`
WITH params AS (
  SELECT $1::date AS as_of,
         ${healthWindowStartSql(AS_OF, "usage")} AS usage_start,
         ${healthWindowStartSql(AS_OF, "csat")} AS csat_start,
         ${healthWindowStartSql(AS_OF, "nps")} AS nps_start,
         ${healthWindowStartSql(AS_OF, "reviews")} AS review_start
),
acc AS (
  SELECT a.id, a.segment::text AS segment, a.seats, a.arr::float8 AS arr, a."contractStart",
         ARRAY(SELECT DISTINCT f FROM unnest(a."purchasedFeatures") f) AS purchased
  FROM "Account" a
  WHERE CASE WHEN $2::int[] IS NULL THEN a.status = 'active' ELSE a.id = ANY($2::int[]) END
),
tickets AS (
  SELECT t."accountId" AS id, count(*)::int AS n
  FROM "SupportTicket" t JOIN acc ON acc.id = t."accountId" CROSS JOIN params p
  WHERE t."openedAt" BETWEEN p.usage_start AND p.as_of
  GROUP BY t."accountId"
),
sponsor AS (
  SELECT tp."accountId" AS id, max(tp."occurredAt") AS last_touch
  FROM "Touchpoint" tp
  JOIN acc ON acc.id = tp."accountId"
  JOIN "TouchpointContact" tc ON tc."touchpointId" = tp.id
  JOIN "Contact" c ON c.id = tc."contactId" AND c."execSponsor"
  CROSS JOIN params p
  WHERE tp."occurredAt" <= p.as_of AND tp.attended IS DISTINCT FROM false
  GROUP BY tp."accountId"
),
reviews AS (
  SELECT tp."accountId" AS id, count(*)::int AS n
  FROM "Touchpoint" tp JOIN acc ON acc.id = tp."accountId" CROSS JOIN params p
  WHERE tp.type IN ('qbr', 'ebr') AND tp.attended AND tp."occurredAt" BETWEEN p.review_start AND p.as_of
  GROUP BY tp."accountId"
),
surveys AS (
  SELECT s."accountId" AS id,
    count(*) FILTER (WHERE s.type = 'nps' AND s."respondedAt" >= p.nps_start)::int AS nps_n,
    count(*) FILTER (WHERE s.type = 'nps' AND s."respondedAt" >= p.nps_start AND ${isPromoterSql(sqlText`s.score`)})::int AS promoters,
    count(*) FILTER (WHERE s.type = 'nps' AND s."respondedAt" >= p.nps_start AND ${isDetractorSql(sqlText`s.score`)})::int AS detractors,
    count(*) FILTER (WHERE s.type = 'csat' AND s."respondedAt" >= p.csat_start)::int AS csat_n,
    coalesce(sum(s.score) FILTER (WHERE s.type = 'csat' AND s."respondedAt" >= p.csat_start), 0)::float8 AS csat_sum
  FROM "SurveyResponse" s JOIN acc ON acc.id = s."accountId" CROSS JOIN params p
  WHERE s."respondedAt" BETWEEN least(p.nps_start, p.csat_start) AND p.as_of
  GROUP BY s."accountId"
),
outcomes AS (
  SELECT o."accountId" AS id, count(*)::int AS due,
    count(*) FILTER (WHERE o.achieved AND (o."achievedAt" IS NULL OR o."achievedAt" <= p.as_of))::int AS achieved
  FROM "SuccessOutcome" o JOIN acc ON acc.id = o."accountId" CROSS JOIN params p
  WHERE o."dueDate" <= p.as_of
  GROUP BY o."accountId"
),
renewal AS (
  SELECT DISTINCT ON (r."accountId") r."accountId" AS id, r.forecast::text AS forecast
  FROM "Renewal" r JOIN acc ON acc.id = r."accountId"
  WHERE r.status = 'open'
  ORDER BY r."accountId", r."renewalDate"
),
expansion AS (
  SELECT e."accountId" AS id, sum(e.arr)::float8 AS open_arr
  FROM "ExpansionOpportunity" e JOIN acc ON acc.id = e."accountId"
  WHERE e.status = 'open'
  GROUP BY e."accountId"
),
contacts AS (
  SELECT c."accountId" AS id, bool_or(c."referenceWilling") AS reference_willing
  FROM "Contact" c JOIN acc ON acc.id = c."accountId"
  GROUP BY c."accountId"
)
SELECT acc.id, acc.segment, acc.seats, acc.arr,
  (p.as_of - acc."contractStart")::int AS days_since_contract_start,
  -- A row in the usage window is a row on or before as_of: only accounts without one look further back.
  coalesce(usage.n > 0, false) OR EXISTS (SELECT 1 FROM "UsageDay" x WHERE x."accountId" = acc.id AND x.date <= p.as_of) AS has_usage,
  cardinality(acc.purchased)::int AS purchased_feature_count,
  coalesce(usage.logins, 0) AS logins,
  coalesce(usage.active_users, 0) AS active_users,
  coalesce(usage.sessions, 0) AS sessions,
  coalesce(usage.session_minutes, 0) AS session_minutes,
  coalesce(usage.workflows_started, 0) AS workflows_started,
  coalesce(usage.workflows_completed, 0) AS workflows_completed,
  coalesce(usage.mean_feature_depth, 0)::float8 AS mean_feature_depth,
  features.n AS features_adopted,
  usage.latest_data_quality::float8 AS latest_data_quality,
  integrations.n AS integrations,
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
LEFT JOIN LATERAL (
  SELECT count(*)::int AS n,
    sum(u.logins)::float8 AS logins,
    sum(u."activeUsers")::float8 AS active_users,
    sum(u.sessions)::float8 AS sessions,
    sum(u."sessionMinutes")::float8 AS session_minutes,
    sum(u."workflowsStarted")::float8 AS workflows_started,
    sum(u."workflowsCompleted")::float8 AS workflows_completed,
    avg(d.used::float8 / cardinality(acc.purchased))
      FILTER (WHERE u."activeUsers" > 0 AND cardinality(acc.purchased) > 0) AS mean_feature_depth,
    (array_agg(u."dataQuality" ORDER BY u.date DESC) FILTER (WHERE u."dataQuality" IS NOT NULL))[1] AS latest_data_quality
  FROM (SELECT * FROM "UsageDay" u
    WHERE u."accountId" = acc.id AND u.date BETWEEN p.usage_start AND p.as_of
    ORDER BY u.date) u -- date order: avg() then sums the depths as the pure engine does
  CROSS JOIN LATERAL (SELECT count(*) AS used FROM unnest(acc.purchased) pf WHERE pf = ANY(u."featuresUsed")) d
) usage ON true
CROSS JOIN LATERAL (
  SELECT count(*)::int AS n FROM unnest(acc.purchased) pf
  WHERE EXISTS (SELECT 1 FROM "UsageDay" u
    WHERE u."accountId" = acc.id AND u.date BETWEEN p.usage_start AND p.as_of AND pf = ANY(u."featuresUsed"))
) features
CROSS JOIN LATERAL (
  SELECT count(*)::int AS n FROM (
    SELECT DISTINCT i FROM "UsageDay" u CROSS JOIN LATERAL unnest(u."integrationsActive") i
    WHERE u."accountId" = acc.id AND u.date BETWEEN p.usage_start AND p.as_of) d
) integrations
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
