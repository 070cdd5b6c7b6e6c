// The true floor of a batch rescore, for `npm run bench:health`: the plain aggregates of every
// window the health model reads (usage sums, distinct features, distinct integrations, tickets,
// surveys, reviews, outcomes), each one GROUP BY over its table, with nothing joined or scored.
// No rescore can be faster than reading these windows once; the benchmark prints its ratio.
//
// Each subquery is consumed whole (`count(x.*)`, a whole-row reference): counting its rows with
// `count(*)` let PostgreSQL drop every aggregate the outer query never reads, so the "floor" only
// grouped rows by account and computed no sum and no distinct count at all (about half the work;
// docs/benchmarks.md, "The floor computes its aggregates"). The distinct features and
// integrations are counted in two levels (the distinct pairs, then a count per account), the
// fastest plain form here: PostgreSQL can hash and parallelise it, where count(DISTINCT …) sorts
// every account's keys in one process.
import "server-only";
import type { IsoDate } from "@/lib/domain/dates";
import { healthWindowStartSql } from "../platform/rules.sql";
import { sqlText, statement } from "../platform/sql";

const AS_OF = sqlText`$1::date`;
const USAGE = sqlText`u.date BETWEEN ${healthWindowStartSql(AS_OF, "usage")} AND $1::date`;

export const HEALTH_FLOOR_SQL = statement<[asOf: IsoDate]>`
SELECT
  (SELECT count(x.*) FROM (SELECT u."accountId", count(*), sum(u.logins), sum(u."activeUsers"), sum(u.sessions),
      sum(u."sessionMinutes"), sum(u."workflowsStarted"), sum(u."workflowsCompleted"), max(u.date)
    FROM "UsageDay" u WHERE ${USAGE} GROUP BY u."accountId") x)::int AS usage_sums,
  (SELECT count(x.*) FROM (SELECT d.id, count(*) FROM (SELECT DISTINCT u."accountId" AS id, f
    FROM "UsageDay" u CROSS JOIN LATERAL unnest(u."featuresUsed") f WHERE ${USAGE}) d GROUP BY d.id) x)::int AS features,
  (SELECT count(x.*) FROM (SELECT d.id, count(*) FROM (SELECT DISTINCT u."accountId" AS id, i
    FROM "UsageDay" u CROSS JOIN LATERAL unnest(u."integrationsActive") i WHERE ${USAGE}) d GROUP BY d.id) x)::int AS integrations,
  (SELECT count(x.*) FROM (SELECT t."accountId", count(*) FROM "SupportTicket" t
    WHERE t."openedAt" BETWEEN ${healthWindowStartSql(AS_OF, "usage")} AND $1::date GROUP BY t."accountId") x)::int AS tickets,
  (SELECT count(x.*) FROM (SELECT s."accountId", s.type, count(*), sum(s.score) FROM "SurveyResponse" s
    WHERE s."respondedAt" BETWEEN ${healthWindowStartSql(AS_OF, "nps")} AND $1::date GROUP BY s."accountId", s.type) x)::int AS surveys,
  (SELECT count(x.*) FROM (SELECT tp."accountId", count(*) FROM "Touchpoint" tp
    WHERE tp."occurredAt" BETWEEN ${healthWindowStartSql(AS_OF, "reviews")} AND $1::date GROUP BY tp."accountId") x)::int AS reviews,
  (SELECT count(x.*) FROM (SELECT o."accountId", count(*) FROM "SuccessOutcome" o
    WHERE o."dueDate" <= $1::date GROUP BY o."accountId") x)::int AS outcomes
`;
