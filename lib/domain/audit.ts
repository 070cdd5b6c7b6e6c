// Pure helpers for the audit log: what changed between two versions of a record.

export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };
export type AuditRecord = Record<string, unknown>;

/** Turns Dates, Decimals and other objects into JSON-safe values a reader can compare. */
export function toAuditValue(value: unknown): AuditValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return isCalendarDate(value) ? value.toISOString().slice(0, 10) : value.toISOString();
  if (Array.isArray(value)) return value.map(toAuditValue);
  if (typeof value === "object") {
    // Prisma's Decimal (decimal.js) prints its exact value.
    if (typeof (value as { toFixed?: unknown }).toFixed === "function") return String(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAuditValue(v)]));
  }
  if (typeof value === "bigint") return value.toString();
  return value as AuditValue;
}

/**
 * The fields whose values differ, as { before, after } pairs holding only those fields.
 * A field missing on one side counts as null. Returns null when nothing changed.
 */
export function diffRecords(
  before: AuditRecord | null,
  after: AuditRecord | null,
): { before: Record<string, AuditValue>; after: Record<string, AuditValue> } | null {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const b: Record<string, AuditValue> = {};
  const a: Record<string, AuditValue> = {};
  for (const key of keys) {
    const from = toAuditValue(before?.[key]);
    const to = toAuditValue(after?.[key]);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    b[key] = from;
    a[key] = to;
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}

/** Calendar dates (@db.Date) arrive as midnight UTC: show them as YYYY-MM-DD. */
function isCalendarDate(d: Date): boolean {
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
}
