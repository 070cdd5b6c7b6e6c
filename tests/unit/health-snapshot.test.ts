import { FULL_HEALTH_INPUTS } from "@/tests/factories/health";
import { describe, expect, test } from "vitest";
import { scoreHealth, type HealthInputs } from "@/lib/domain/health";
import { readFileSync } from "node:fs";
import {
  restoreHealthResult,
  snapshotMeasureIndex,
  snapshotMeasures,
  toStoredHealth,
} from "@/lib/domain/health-snapshot";

const ACCOUNT: HealthInputs = FULL_HEALTH_INPUTS;

describe("stored health snapshots", () => {
  test.each<[string, Partial<HealthInputs>]>([
    ["an account with every measure", {}],
    [
      "an SMB account without usage, sponsor or surveys",
      {
        segment: "smb",
        hasUsage: false,
        daysSinceExecSponsorTouch: null,
        npsResponses: 0,
        csatResponses: 0,
        csatSum: 0,
        latestDataQuality: null,
      },
    ],
    ["an account with insufficient data", { daysSinceContractStart: 5, hasUsage: false }],
  ])("%s reads back exactly as computed", (_name, patch) => {
    const result = scoreHealth({ ...ACCOUNT, ...patch });
    const stored = JSON.parse(JSON.stringify(toStoredHealth(result)));
    expect(restoreHealthResult(stored)).toEqual(result);
  });

  test("is several times smaller than the full explanation", () => {
    const result = scoreHealth(ACCOUNT);
    expect(JSON.stringify(toStoredHealth(result)).length * 2).toBeLessThan(JSON.stringify(result).length);
  });

  test("snapshots written in the earlier full format read back unchanged", () => {
    const result = scoreHealth(ACCOUNT);
    expect(restoreHealthResult(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  describe("the measures column", () => {
    const result = scoreHealth(ACCOUNT);
    const measures = Object.values(result.components).flatMap((c) => c.measures);

    test("holds each measure's raw value and target, then the nps and csat parts'", () => {
      const stored = snapshotMeasures(result);
      expect(stored).toHaveLength(34);
      for (const m of measures) {
        expect([
          stored[snapshotMeasureIndex(m.key, "raw") - 1],
          stored[snapshotMeasureIndex(m.key, "target") - 1],
        ]).toEqual([m.raw, m.target]);
      }
      const parts = measures.find((m) => m.key === "nps_csat")!.parts!;
      expect(parts.map((p) => p.raw !== null)).toEqual([true, true]); // both parts have data here
      for (const p of parts) {
        expect(stored[snapshotMeasureIndex(p.key, "raw") - 1]).toBe(p.raw);
        expect(stored[snapshotMeasureIndex(p.key, "target") - 1]).toBe(p.target);
      }
      expect(snapshotMeasureIndex("csat", "target")).toBe(34);
    });

    test("the migration that filled it from stored documents read the same numbers, in the same order", () => {
      // Its ARRAY[...] of jsonb paths, evaluated here on a stored document.
      const sql = readFileSync(
        "prisma/migrations/20261202120000_snapshot_document_json_measures/migration.sql",
        "utf8",
      );
      const paths = [...sql.matchAll(/#>> '\{([^}]*)\}'/g)].map((m) => m[1].split(","));
      const doc = JSON.parse(JSON.stringify(toStoredHealth(result))) as unknown;
      const at = (path: string[]) =>
        path.reduce<unknown>((node, step) => (node as Record<string, unknown> | undefined)?.[step], doc) ?? null;
      expect(paths.map(at)).toEqual(snapshotMeasures(result));
    });
  });
});
