// A rule is defined once, in lib/domain; the SQL that needs it is built from the same constants
// (lib/data/platform/rules.sql.ts). These tests run each SQL fragment on the database over every input
// that matters and check it against the TypeScript rule.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, lastNDays } from "@/lib/domain/dates";
import { HEALTH_WINDOW_DAYS, isDetractor, isPromoter, scoreHealth } from "@/lib/domain/health";
import { MEASURE_KEYS, type MeasureKey } from "@/lib/domain/health-model";
import { snapshotMeasures, type SnapshotMeasureKey } from "@/lib/domain/health-snapshot";
import { deriveLifecycleStage, type LifecycleFacts } from "@/lib/domain/lifecycle";
import { renewalWindow } from "@/lib/domain/windows";
import {
  derivedStageSql,
  EFFECTIVE_STAGE,
  healthWindowStartSql,
  isDetractorSql,
  isPromoterSql,
  renewalWindowSql,
  snapshotMeasureSql,
} from "@/lib/data/platform/rules.sql";
import { sqlText, statement } from "@/lib/data/platform/sql";
import { FULL_HEALTH_INPUTS } from "@/tests/factories/health";

describe("rules in SQL agree with the domain", () => {
  it("renewal windows, for every day from overdue to later", async () => {
    const days = Array.from({ length: 130 }, (_, i) => i - 5);
    const query = statement<
      [number[]]
    >`SELECT d, ${renewalWindowSql(sqlText`d`)} AS w FROM unnest($1::int[]) AS t(d) ORDER BY d`;
    const rows = await db.$queryRaw<{ d: number; w: string }[]>(query(days));
    expect(rows.map((r) => r.w)).toEqual(days.map(renewalWindow));
  });

  it("NPS promoters and detractors, for every score", async () => {
    const scores = Array.from({ length: 11 }, (_, i) => i);
    const query = statement<[number[]]>`
      SELECT s, ${isPromoterSql(sqlText`s`)} AS promoter, ${isDetractorSql(sqlText`s`)} AS detractor FROM unnest($1::int[]) AS t(s) ORDER BY s`;
    const rows = await db.$queryRaw<{ s: number; promoter: boolean; detractor: boolean }[]>(query(scores));
    expect(rows.map((r) => [r.promoter, r.detractor])).toEqual(scores.map((s) => [isPromoter(s), isDetractor(s)]));
  });

  it.each(["2028-02-29", "2027-01-01", "2026-03-01"])(
    "health windows as of %s start where lastNDays says",
    async (asOf) => {
      const windows = Object.keys(HEALTH_WINDOW_DAYS) as (keyof typeof HEALTH_WINDOW_DAYS)[];
      for (const window of windows) {
        const query = statement<
          [string]
        >`SELECT to_char(${healthWindowStartSql(sqlText`$1::date`, window)}, 'YYYY-MM-DD') AS start`;
        const [row] = await db.$queryRaw<{ start: string }[]>(query(asOf));
        expect({ window, start: row.start }).toEqual({
          window,
          start: lastNDays(asOf, HEALTH_WINDOW_DAYS[window]).start,
        });
      }
    },
  );

  it("the derived lifecycle stage, across the stage boundaries and month ends", async () => {
    const asOf = "2027-03-31";
    const cases: LifecycleFacts[] = [];
    for (const contractStart of [
      "2027-03-31",
      "2026-12-31",
      "2026-12-30",
      "2026-10-01",
      "2026-09-30",
      "2026-08-31",
      "2026-03-31",
      "2026-04-01",
      "2025-02-28",
    ]) {
      for (const renewalIn of [-1, 0, 90, 91, 400]) {
        for (const hasOpenExpansion of [false, true]) {
          cases.push({ contractStart, renewalDate: addDays(asOf, renewalIn), churnedAt: null, hasOpenExpansion });
        }
      }
    }
    cases.push({ contractStart: "2026-01-01", renewalDate: "2028-01-01", churnedAt: asOf, hasOpenExpansion: false });
    cases.push({
      contractStart: "2026-01-01",
      renewalDate: "2028-01-01",
      churnedAt: addDays(asOf, 1),
      hasOpenExpansion: false,
    });
    const query = statement<[string, string[], string[], (string | null)[], boolean[]]>`
      SELECT ${derivedStageSql({
        asOf: sqlText`$1::date`,
        renewalDate: sqlText`a."renewalDate"`,
        churned: sqlText`(a."churnedAt" IS NOT NULL AND a."churnedAt" <= $1::date)`,
        openExpansion: sqlText`a.expansion`,
      })}::text AS stage
      FROM unnest($2::date[], $3::date[], $4::date[], $5::bool[]) WITH ORDINALITY AS a("contractStart", "renewalDate", "churnedAt", expansion, n)
      ORDER BY a.n`;
    const rows = await db.$queryRaw<{ stage: string }[]>(
      query(
        asOf,
        cases.map((c) => c.contractStart),
        cases.map((c) => c.renewalDate),
        cases.map((c) => c.churnedAt),
        cases.map((c) => c.hasOpenExpansion),
      ),
    );
    expect(rows.map((r) => r.stage)).toEqual(cases.map((c) => deriveLifecycleStage(c, asOf)));
  });

  it("the effective stage: a manual stage wins over the derived one", async () => {
    const query = statement<[]>`
      SELECT ${EFFECTIVE_STAGE}::text AS stage FROM (VALUES ('renewal', NULL), ('renewal', 'expansion')) AS a("lifecycleStage", "stageOverride")`;
    expect((await db.$queryRaw<{ stage: string }[]>(query())).map((r) => r.stage)).toEqual(["renewal", "expansion"]);
  });

  it("reads each measure's raw value and target out of a snapshot's measures", async () => {
    const result = scoreHealth(FULL_HEALTH_INPUTS);
    const measures = Object.values(result.components).flatMap((c) => c.measures);
    const scales = measures.flatMap((m) => m.parts ?? []);
    const keys: SnapshotMeasureKey[] = [...(MEASURE_KEYS as readonly MeasureKey[]), "nps", "csat"];
    for (const key of keys) {
      const query = statement<[(number | null)[]]>`
        SELECT ${snapshotMeasureSql(sqlText`$1::float8[]`, key, "raw")} AS raw, ${snapshotMeasureSql(sqlText`$1::float8[]`, key, "target")} AS target`;
      const [row] = await db.$queryRaw<{ raw: number | null; target: number | null }[]>(
        query(snapshotMeasures(result)),
      );
      const measure = [...measures, ...scales].find((m) => m.key === key);
      expect(measure, key).toBeDefined();
      expect({ key, raw: row.raw, target: row.target }).toEqual({ key, raw: measure!.raw, target: measure!.target });
    }
  });
});
