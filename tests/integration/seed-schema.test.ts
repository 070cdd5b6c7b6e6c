// The demo seed writes with set-based inserts from its own table specs (lib/data/platform/seed.ts), a hand
// copy of part of the schema. This checks that copy against the migrated database, which
// Prisma's schema produces: every column exists with the type the spec sends, and every
// required column without a default is written, so a schema change that the seed misses fails here.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_TABLES } from "@/lib/data/platform/seed";
import type { ColumnType } from "@/lib/data/platform/bulk-insert";

interface ColumnInfo {
  table: string;
  column: string;
  type: string;
  udt: string;
  nullable: boolean;
  hasDefault: boolean;
}

const EXPECTED_TYPE: Record<Exclude<ColumnType, { enum: string }>, string[]> = {
  int: ["integer", "bigint", "smallint"],
  float: ["double precision", "real"],
  text: ["text", "character varying"],
  boolean: ["boolean"],
  date: ["date"],
  timestamp: ["timestamp without time zone", "timestamp with time zone"],
  numeric: ["numeric"],
  jsonb: ["jsonb"],
  "text[]": ["ARRAY"],
};

describe("the seed's table specs", () => {
  it("match the database schema column for column", async () => {
    const rows = await db.$queryRaw<ColumnInfo[]>`
      SELECT table_name::text AS "table", column_name::text AS "column", data_type::text AS type, udt_name::text AS udt,
        is_nullable = 'YES' AS nullable, column_default IS NOT NULL AS "hasDefault"
      FROM information_schema.columns WHERE table_schema = current_schema()`;
    const problems: string[] = [];
    for (const spec of Object.values(DEMO_TABLES)) {
      const columns = rows.filter((r) => r.table === spec.table);
      expect(columns.length, `table ${spec.table}`).toBeGreaterThan(0);
      const written = new Set([...spec.columns.map((c) => c.name as string), ...Object.keys(spec.expressions ?? {})]);
      for (const c of spec.columns) {
        const info = columns.find((r) => r.column === c.name);
        if (!info) problems.push(`${spec.table}.${String(c.name)} is not a column`);
        else if (typeof c.type === "object") {
          if (info.udt !== c.type.enum)
            problems.push(`${spec.table}.${String(c.name)} is ${info.udt}, not ${c.type.enum}`);
        } else if (!EXPECTED_TYPE[c.type].includes(info.type))
          problems.push(`${spec.table}.${String(c.name)} is ${info.type}, not ${c.type}`);
      }
      for (const info of columns) {
        if (!info.nullable && !info.hasDefault && !written.has(info.column))
          problems.push(`${spec.table}.${info.column} is required but not written`);
      }
    }
    expect(problems).toEqual([]);
  });
});
