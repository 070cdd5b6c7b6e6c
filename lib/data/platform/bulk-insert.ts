// A fast writer for many rows, for seeding and imports. One INSERT … SELECT FROM unnest(…)
// per batch: each column travels as one parameter holding a PostgreSQL array literal, so a
// statement carries thousands of rows with a handful of parameters (far below PostgreSQL's
// 65,535-parameter limit) and costs one round trip. It goes through Prisma's
// $executeRawUnsafe, so it works on PostgreSQL and on embedded PGlite alike.
//
// Why literals, not JS arrays: Prisma and the drivers walk a JS array parameter element by
// element (type inference, mapping, escaping) — most of the seed's time. One string per column,
// built here, passes through untouched and PostgreSQL parses it with array_in.
import "server-only";
import type pg from "pg";

/**
 * What the writer needs of a database connection: a Prisma client or interactive-transaction
 * client fits as is; pgRunner() adapts a `pg` pool for the PostgreSQL-only fast path.
 */
export interface SqlRunner {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * A pg pool as a SqlRunner. For big seeds on PostgreSQL: Prisma hands every parameter through
 * its query compiler (WASM), which doubles the time of multi-megabyte inserts; pg sends them as is.
 */
export function pgRunner(pool: pg.Pool): SqlRunner {
  return {
    $executeRawUnsafe: async (query, ...values) => (await pool.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await pool.query(query, values)).rows as T,
  };
}

export type ColumnType =
  | "int"
  | "float"
  | "text"
  | "boolean"
  | "date"
  | "timestamp"
  | "numeric"
  | "jsonb"
  | "text[]"
  /** A PostgreSQL enum type, by name (e.g. "Segment"). */
  | { enum: string };

export interface Column<Row> {
  name: keyof Row & string;
  type: ColumnType;
}

export interface TableSpec<Row> {
  table: string;
  columns: ReadonlyArray<Column<Row>>;
  /** Columns set by a SQL expression rather than from the rows (e.g. `CURRENT_TIMESTAMP`). */
  expressions?: Readonly<Record<string, string>>;
}

/** Columns from a { field: type } map; the mapped type makes every field of the row appear. */
export function columns<Row>(types: { [K in keyof Row & string]: ColumnType }): Column<Row>[] {
  return Object.entries(types).map(([name, type]) => ({ name: name as keyof Row & string, type: type as ColumnType }));
}

/** Rows per statement: large enough to amortise the round trip, small enough to keep messages modest. */
export const DEFAULT_BATCH_ROWS = 5_000;

/** Inserts the rows in batches and returns how many were inserted. */
export async function bulkInsert<Row>(
  db: SqlRunner,
  spec: TableSpec<Row>,
  rows: readonly Row[],
  batchRows = DEFAULT_BATCH_ROWS,
): Promise<number> {
  const sql = insertSql(spec);
  let inserted = 0;
  for (let start = 0; start < rows.length; start += batchRows) {
    const batch = rows.slice(start, start + batchRows);
    inserted += await db.$executeRawUnsafe(sql, ...columnLiterals(spec, batch));
  }
  return inserted;
}

/**
 * INSERT INTO "T" ("a", "b", "c") SELECT "a", "b", "c"::text[]
 *   FROM unnest($1::text::int[], $2::text::date[], $3::text::text[]) AS t("a", "b", "c")
 * Parameters are typed text (so no driver reinterprets them) and cast to the column's array type.
 * Text-array columns arrive as arrays of array literals ('{"x","y"}'), because unnest would flatten
 * a two-dimensional array; the SELECT casts each literal back to text[].
 */
export function insertSql<Row>(spec: TableSpec<Row>): string {
  const names = spec.columns.map((c) => quoteIdent(c.name));
  const selected = spec.columns.map((c, i) => (c.type === "text[]" ? `${names[i]}::text[]` : names[i]));
  const params = spec.columns.map((c, i) => `$${i + 1}::text::${arrayType(c.type)}`);
  const expressions = Object.entries(spec.expressions ?? {});
  const targets = [...names, ...expressions.map(([name]) => quoteIdent(name))];
  const values = [...selected, ...expressions.map(([, sql]) => sql)];
  return (
    `INSERT INTO ${quoteIdent(spec.table)} (${targets.join(", ")}) ` +
    `SELECT ${values.join(", ")} FROM unnest(${params.join(", ")}) AS t(${names.join(", ")})`
  );
}

function arrayType(type: ColumnType): string {
  if (typeof type === "object") return `${quoteIdent(type.enum)}[]`;
  // The element type of the unnested parameter: text[] columns travel as text literals.
  const element = {
    int: "int",
    float: "float8",
    text: "text",
    boolean: "boolean",
    date: "date",
    timestamp: "timestamp",
    numeric: "numeric",
    jsonb: "jsonb",
    "text[]": "text",
  }[type];
  return `${element}[]`;
}

/** One array literal per column. */
function columnLiterals<Row>(spec: TableSpec<Row>, rows: readonly Row[]): string[] {
  return spec.columns.map((column) => arrayLiteral(rows.map((row) => elementText(row[column.name], column.type))));
}

/** A value as array_in reads it, or null for SQL NULL. */
function elementText(value: unknown, type: ColumnType): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "date":
      // A Date (midnight UTC, as Prisma returns @db.Date) or already a "YYYY-MM-DD" day.
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case "timestamp":
      // Prisma keeps DateTime as UTC in timestamp(3) columns; PostgreSQL drops the "Z" on input.
      return value instanceof Date ? value.toISOString() : String(value);
    case "jsonb":
      return JSON.stringify(value);
    case "text[]":
      return arrayLiteral(value as readonly string[]);
    default:
      return String(value);
  }
}

/** A PostgreSQL array literal: elements double-quoted with backslashes and quotes escaped; NULL bare. */
export function arrayLiteral(items: ReadonlyArray<string | null>): string {
  return `{${items.map((item) => (item === null ? "NULL" : `"${item.replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Inserts or replaces rows on their key in one statement and counts what happened: the rows
 * whose key was already there are counted in the same statement (every part of a WITH query
 * reads the table as it was before the statement), so new rows are told from replaced ones in one
 * round trip. (Not `RETURNING xmax = 0`: a partitioned table such as "UsageDay" cannot return
 * system columns.)
 */
export async function upsertCounting<Row>(
  db: SqlRunner,
  spec: TableSpec<Row>,
  keyColumns: readonly string[],
  rows: readonly Row[],
): Promise<{ upserted: number; inserted: number }> {
  const keys = new Set(keyColumns);
  const updates = spec.columns
    .filter((c) => !keys.has(c.name))
    .map((c) => `${quoteIdent(c.name)} = EXCLUDED.${quoteIdent(c.name)}`);
  const keyList = keyColumns.map(quoteIdent).join(", ");
  // The key columns' parameters again, unnested on their own.
  const keyParams = keyColumns.map((name) => {
    const index = spec.columns.findIndex((c) => c.name === name);
    const column = spec.columns[index];
    if (!column) throw new RangeError(`Key column ${name} is not one of ${spec.table}'s columns.`);
    return `$${index + 1}::text::${arrayType(column.type)}`;
  });
  const sql = `WITH existing AS (SELECT count(*)::int AS n FROM ${quoteIdent(spec.table)}
    WHERE (${keyList}) IN (SELECT ${keyList} FROM unnest(${keyParams.join(", ")}) AS k(${keyList}))),
  upserted AS (${insertSql(spec)} ON CONFLICT (${keyList}) DO UPDATE SET ${updates.join(", ")} RETURNING 1)
SELECT count(*)::int AS upserted, (count(*) - (SELECT n FROM existing))::int AS inserted FROM upserted`;
  const [counts] = await db.$queryRawUnsafe<{ upserted: number; inserted: number }[]>(
    sql,
    ...columnLiterals(spec, rows),
  );
  return counts;
}

/** Empties every table of the schema except Prisma's migration history. */
export async function deleteAllData(db: SqlRunner): Promise<void> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(
    `TRUNCATE TABLE ${tables.map((t) => quoteIdent(t.name)).join(", ")} RESTART IDENTITY CASCADE`,
  );
}

/** MAX(id) + 1 of each table, by a key of the caller's choosing. */
export async function nextIds<K extends string>(
  db: SqlRunner,
  tables: Readonly<Record<K, string>>,
): Promise<Record<K, number>> {
  const queries = Object.entries<string>(tables).map(
    ([key, table]) =>
      `SELECT '${key.replace(/'/g, "''")}' AS key, COALESCE(MAX(id), 0)::int + 1 AS next FROM ${quoteIdent(table)}`,
  );
  const rows = await db.$queryRawUnsafe<{ key: K; next: number }[]>(queries.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.key, r.next])) as Record<K, number>;
}

/**
 * Moves the serial-id sequences of the tables past their largest id, after rows were inserted
 * with explicit ids (the next row the app creates must not collide with them).
 */
export async function syncIdSequences(db: SqlRunner, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const t = quoteIdent(table);
    await db.$queryRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('${t}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM ${t}`,
    );
  }
}
