// The validation building blocks every input schema shares: text PostgreSQL can store, ids that
// fit int4, dates 1900–2199 and finite, bounded numbers.
import { describe, expect, it } from "vitest";
import { dateField, finiteNumber, isSafeText, unsafeTextIssues, ZId, ZIsoDate } from "@/lib/validation/fields";
import { RateLimiter } from "@/lib/api/rate-limit";
import { clientAddress } from "@/lib/auth/client-address";

describe("isSafeText", () => {
  it.each([
    ["plain text", "Acme Corp", true],
    ["emoji (a surrogate pair)", "Launch 🚀", true],
    ["an unpaired high surrogate", "x \ud800 y", false],
    ["a high surrogate at the end", "x \ud83d", false],
    ["a lone low surrogate", "\udc00 y", false],
    ["NUL", "a\u0000b", false],
  ])("%s → %s", (_label, value, safe) => {
    expect(isSafeText(value)).toBe(safe);
  });
});

describe("unsafeTextIssues", () => {
  it("names every bad string by its path, keys included", () => {
    const issues = unsafeTextIssues({ name: "ok", days: [{ featuresUsed: ["a", "b\u0000"] }], ["k\ud800"]: 1, n: 5 });
    expect(issues).toHaveLength(2);
    expect(issues).toContainEqual({ path: "days.0.featuresUsed.1", message: expect.stringMatching(/NUL/) });
    expect(issues).toContainEqual({ path: "k\ud800", message: expect.stringMatching(/surrogate/) });
    expect(unsafeTextIssues({ a: [1, true, null, "fine"] })).toEqual([]);
  });

  it("walks a body nested 100,000 levels deep without overflowing the stack", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`) as unknown;
    const issues = unsafeTextIssues(deep);
    expect(issues).toHaveLength(1);
    expect(issues[0].path.split(".")).toHaveLength(100_000);
  });
});

describe("ZId", () => {
  it.each([
    ["1", true],
    ["2147483647", true],
    ["2147483648", false],
    [String(2 ** 53), false],
    ["0", false],
    ["-4", false],
    ["1.5", false],
    ["abc", false],
  ])("%s → %s", (value, ok) => {
    expect(ZId.safeParse(value).success).toBe(ok);
  });
});

describe("dates", () => {
  it.each([
    ["1900-01-01", true],
    ["2199-12-31", true],
    ["1899-12-31", false],
    ["2200-01-01", false],
    ["0000-01-01", false],
    ["2026-02-30", false],
    ["26-02-01", false],
  ])("%s → %s", (value, ok) => {
    expect(ZIsoDate.safeParse(value).success).toBe(ok);
    expect(dateField("Pick a date.").safeParse(value).success).toBe(ok);
  });
});

describe("finiteNumber", () => {
  it.each([
    ["42", true],
    ["-3.5", true],
    ["1e12", true],
    ["1e13", false],
    ["1e308", false],
    ["Infinity", false],
    ["NaN", false],
  ])("%s → %s", (value, ok) => {
    expect(finiteNumber("Enter a number.").safeParse(value).success).toBe(ok);
  });
});

describe("rate limiting by client address", () => {
  it("reads the X-Forwarded-For entry the nearest proxy added, else X-Real-IP, else none", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(new Headers())).toBeNull();
  });

  it("checks without spending, and refills", () => {
    let now = 0;
    const limiter = new RateLimiter<string>(2, () => now);
    expect(limiter.check("a")).toEqual({ allowed: true });
    limiter.take("a");
    limiter.take("a");
    expect(limiter.check("a")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.check("b")).toEqual({ allowed: true });
    now += 30_000;
    expect(limiter.check("a")).toEqual({ allowed: true });
  });
});
