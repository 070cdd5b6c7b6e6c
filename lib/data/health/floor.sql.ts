// The true floor of a batch rescore, for `npm run bench:health`: the plain aggregates of every
// window the health model reads (usage sums, distinct features, distinct integrations, tickets,
// surveys, reviews, outcomes), each one GROUP BY over its table, with nothing joined or scored.
// No rescore can be faster than reading these windows once; the benchmark prints its ratio.
import "server-only";
import type { IsoDate } from "@/lib/domain/dates";
import { healthWindowStartSql } from "../platform/rules.sql";
import { sqlText, statement } from "../platform/sql";

const AS_OF = sqlText`$1::date`;
const USAGE = sqlText`u.date BETWEEN ${healthWindowStartSql(AS_OF, "usage")} AND $1::date`;

export const HEALTH_FLOOR_SQL = statement<[asOf: IsoDate]>`
SELECT
  (SELECT count(*) FROM (SELECT u."accountId", count(*), sum(u.logins), sum(u."activeUsers"), sum(u.sessions),
      sum(u."sessionMinutes"), sum(u."workflowsStarted"), sum(u."workflowsCompleted"), max(u.date)
    FROM "UsageDay" u WHERE ${USAGE} GROUP BY u."accountId") x)::int AS usage_sums,
  (SELECT count(*) FROM (SELECT u."accountId", count(DISTINCT f)
    FROM "UsageDay" u CROSS JOIN LATERAL unnest(u."featuresUsed") f WHERE ${USAGE} GROUP BY u."accountId") x)::int AS features,
  (SELECT count(*) FROM (SELECT u."accountId", count(DISTINCT i)
    FROM "UsageDay" u CROSS JOIN LATERAL unnest(u."integrationsActive") i WHERE ${USAGE} GROUP BY u."accountId") x)::int AS integrations,
  (SELECT count(*) FROM (SELECT t."accountId", count(*) FROM "SupportTicket" t
    WHERE t."openedAt" BETWEEN ${healthWindowStartSql(AS_OF, "usage")} AND $1::date GROUP BY t."accountId") x)::int AS tickets,
  (SELECT count(*) FROM (SELECT s."accountId", s.type, count(*), sum(s.score) FROM "SurveyResponse" s
    WHERE s."respondedAt" BETWEEN ${healthWindowStartSql(AS_OF, "nps")} AND $1::date GROUP BY s."accountId", s.type) x)::int AS surveys,
  (SELECT count(*) FROM (SELECT tp."accountId", count(*) FROM "Touchpoint" tp
    WHERE tp."occurredAt" BETWEEN ${healthWindowStartSql(AS_OF, "reviews")} AND $1::date GROUP BY tp."accountId") x)::int AS reviews,
  (SELECT count(*) FROM (SELECT o."accountId", count(*) FROM "SuccessOutcome" o
    WHERE o."dueDate" <= $1::date GROUP BY o."accountId") x)::int AS outcomes
`;
