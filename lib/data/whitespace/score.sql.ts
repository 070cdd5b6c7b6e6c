import "server-only";
import { NO_EVENT_URGENCY, URGENCY_HALF_LIFE_DAYS } from "@/lib/domain/whitespace";
import { sqlText, type SqlText } from "../platform/sql";

// whitespaceScore (lib/domain/whitespace.ts) in SQL, built from the same constants, so the
// ranked list can be sorted and paged in the database. tests/integration/whitespace.test.ts
// checks it against the TypeScript on the same cells. `$1` is today's date.

/** urgency(c."criticalEventDate", today) for the cell `c`. */
const URGENCY = sqlText`(CASE
    WHEN c."criticalEventDate" IS NULL OR c."criticalEventDate" < $1::date THEN ${NO_EVENT_URGENCY}::float8
    ELSE power(0.5::float8, (c."criticalEventDate" - $1::date)::float8 / ${URGENCY_HALF_LIFE_DAYS})
  END)`;

/** impact × urgency, rounded to the cent, as numeric. */
export const WHITESPACE_SCORE: SqlText = sqlText`round((c.impact::float8 * ${URGENCY})::numeric, 2)`;
