import { z } from "zod";
import { assertIsoDate } from "@/lib/domain/dates";
import type { Issue } from "@/lib/errors";

// Building blocks every input schema uses — the REST API's, the CSV import's and the server
// actions' — so no input can reach the database in a shape it refuses and turn bad input into
// a server error:
// - text: no NUL (PostgreSQL text cannot store it) and no unpaired UTF-16 surrogates (not
//   encodable as UTF-8);
// - ids and counts fit an int4 column; money fits Decimal(14,2); other numbers are finite and
//   bounded;
// - dates are real calendar days between 1900 and 2199 (PostgreSQL and JavaScript disagree
//   about year 0 and beyond, and the app computes later dates from these).

export const MAX_INT4 = 2_147_483_647;
export const MAX_MONEY = 999_999_999_999.99;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;
export const MIN_DATE = `${MIN_YEAR}-01-01`;
export const MAX_DATE = `${MAX_YEAR}-12-31`;
/** Free numbers (scorecard goals, rock values): a trillion either way is beyond any business figure. */
export const MAX_ABS_NUMBER = 1e12;

// ---------------------------------------------------------------------------------------------
// Text

export const UNSAFE_TEXT_MESSAGE = "Must not contain NUL characters or unpaired UTF-16 surrogates.";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether PostgreSQL can store the string as text. */
export function isSafeText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}

/** Any string (trimmed or not) PostgreSQL can store. */
export const ZSafeString = z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE);

/** A trimmed, non-empty string of at most `max` characters. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, "Required.")
    .max(max, `At most ${max} characters.`)
    .refine(isSafeText, UNSAFE_TEXT_MESSAGE);
}

/**
 * Every string in an input (values and object keys, at any depth) that PostgreSQL could not
 * store, as issues with their paths. The API handler and the action pipeline run it on every
 * input before its schema, so a field a schema forgot to refine still cannot reach the database.
 * Iterative, so a body nested a million levels deep cannot overflow the stack.
 */
export function unsafeTextIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const report = (at: PathNode | null) => issues.push({ path: pathOf(at), message: UNSAFE_TEXT_MESSAGE });
  const pending: { value: unknown; at: PathNode | null }[] = [{ value: input, at: null }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, at } = next;
    if (typeof value === "string") {
      if (!isSafeText(value)) report(at);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, at: { segment: index, parent: at } }));
    } else if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
      for (const [key, item] of Object.entries(value)) {
        if (!isSafeText(key)) report({ segment: key, parent: at });
        else pending.push({ value: item, at: { segment: key, parent: at } });
      }
    }
  }
  return issues;
}

/** A path kept as a chain of parents, so walking deep input costs no copying; joined only for an issue. */
interface PathNode {
  segment: string | number;
  parent: PathNode | null;
}

function pathOf(at: PathNode | null): string {
  const segments: (string | number)[] = [];
  for (let node = at; node; node = node.parent) segments.push(node.segment);
  return segments.reverse().join(".");
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A record id from a form or URL: a positive whole number that fits an int4 column. */
export const ZId = z.coerce
  .number()
  .int("Expected a whole number.")
  .positive("Expected a positive id.")
  .max(MAX_INT4, "No such record.");

/** A whole number that fits an int4 column. */
export const ZCount = z
  .number()
  .int("Expected a whole number.")
  .min(0, "Cannot be negative.")
  .max(MAX_INT4, `At most ${MAX_INT4}.`);

/** An amount of money, rounded to cents (the columns are Decimal(14,2)). */
export const ZMoney = z
  .number()
  .min(0, "Cannot be negative.")
  .max(MAX_MONEY, `At most ${MAX_MONEY}.`)
  .transform((amount) => Math.round(amount * 100) / 100);

/** A finite number from a form, within ±MAX_ABS_NUMBER (1e308 or Infinity are refused). */
export function finiteNumber(message: string) {
  return z.coerce
    .number({ message })
    .refine(Number.isFinite, message)
    .refine((n) => Math.abs(n) <= MAX_ABS_NUMBER, `Must be between ${-MAX_ABS_NUMBER} and ${MAX_ABS_NUMBER}.`);
}

// ---------------------------------------------------------------------------------------------
// Dates

function isBusinessDate(value: string): boolean {
  try {
    assertIsoDate(value);
  } catch {
    return false;
  }
  return value >= MIN_DATE && value <= MAX_DATE;
}

export const DATE_MESSAGE = `Expected a calendar date (YYYY-MM-DD) between ${MIN_YEAR} and ${MAX_YEAR}.`;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused), between 1900 and 2199. */
export const ZIsoDate = z.string({ message: DATE_MESSAGE }).refine(isBusinessDate, DATE_MESSAGE);

/** A form's date field: one message for "missing" and "malformed" (the date picker sends one or the other). */
export function dateField(message: string) {
  return z.string({ message }).refine(isBusinessDate, `${message} (${MIN_YEAR}–${MAX_YEAR})`);
}

/** Whether a date the app computes (a next renewal, a term's end) is still one it can store. */
export function isWithinDateBounds(date: string): boolean {
  return date >= MIN_DATE && date <= MAX_DATE;
}
