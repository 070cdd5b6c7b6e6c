// SQL that can't be misused. Set-based statements are module constants written with the
// `statement` tag; values always travel as bound parameters ($1 … $n), never as text. A
// statement's text can only be composed from other fragments of this module (SqlText) and
// numbers (the domain's constants: window lengths, score cut-offs), so no string from a request
// can ever become SQL. Calling a statement with its values gives a Prisma.Sql for
// $queryRaw / $executeRaw. lib/data/platform/bulk-insert.ts is the one place that builds SQL text
// at run time (column lists for batched inserts), and the lint keeps it that way.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

const SQL_TEXT: unique symbol = Symbol("SqlText");

/** SQL text fixed when the module loads: never built from input. */
export interface SqlText {
  readonly [SQL_TEXT]: true;
  readonly text: string;
}

type Part = SqlText | number;

/** A fragment inside Prisma's own sql`…` tag (Prisma.sql queries built with Prisma's helpers). */
export function prismaSql(fragment: SqlText): Prisma.Sql {
  return Prisma.raw(fragment.text);
}

/** A statement with positional parameters: call it with the values, in order. */
export interface Statement<A extends unknown[] = unknown[]> {
  (...values: A): Prisma.Sql;
  readonly text: string;
}

const make = (text: string): SqlText => ({ [SQL_TEXT]: true, text });

function render(strings: TemplateStringsArray, parts: Part[]): string {
  return strings.reduce((out, chunk, i) => {
    if (i === 0) return chunk;
    const part = parts[i - 1];
    if (typeof part === "number") {
      if (!Number.isFinite(part)) throw new RangeError(`Not a finite SQL number: ${part}`);
      return `${out}${part}${chunk}`;
    }
    if (!part || part[SQL_TEXT] !== true)
      throw new TypeError("Only SQL fragments and numbers can be interpolated into SQL text.");
    return `${out}${part.text}${chunk}`;
  }, "");
}

/** A fragment of SQL (a CASE expression, a filter) to interpolate into statements. */
export function sqlText(strings: TemplateStringsArray, ...parts: Part[]): SqlText {
  return make(render(strings, parts));
}

/** A string constant as a SQL literal ('renewal_90', an action name), quotes escaped. */
export function sqlLiteral(value: string): SqlText {
  return make(`'${value.replace(/'/g, "''")}'`);
}

/** An identifier constant (a table or function name from the domain's constants), quotes doubled. */
export function sqlIdentifier(value: string): SqlText {
  return make(`"${value.replace(/"/g, '""')}"`);
}

/** Joins fragments with a separator (a column list, UNION ALL). */
export function sqlJoin(parts: readonly SqlText[], separator: string): SqlText {
  if (!/^[\s,A-Za-z]*$/.test(separator)) throw new TypeError("A SQL separator is a comma or keywords.");
  return make(parts.map((p) => p.text).join(separator));
}

/**
 * A statement whose parameters are written $1 … $n in its text. Each placeholder becomes a bound
 * parameter of the Prisma.Sql the statement returns for the values given.
 */
export function statement<A extends unknown[] = unknown[]>(
  strings: TemplateStringsArray,
  ...parts: Part[]
): Statement<A> {
  return bindable<A>(render(strings, parts));
}

function bindable<A extends unknown[]>(text: string): Statement<A> {
  const pieces = text.split(/\$(\d+)/);
  const strings = pieces.filter((_, i) => i % 2 === 0);
  const indexes = pieces.filter((_, i) => i % 2 === 1).map(Number);
  const arity = Math.max(0, ...indexes);
  const bind = (...values: A): Prisma.Sql => {
    if (values.length !== arity) throw new RangeError(`The statement takes ${arity} values, got ${values.length}.`);
    return Prisma.sql(strings, ...indexes.map((n) => values[n - 1]));
  };
  return Object.assign(bind, { text });
}
