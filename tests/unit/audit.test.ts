import { describe, expect, it } from "vitest";
import { diffRecords, toAuditValue } from "@/lib/domain/audit";

describe("diffRecords", () => {
  it("keeps only the fields that changed", () => {
    expect(
      diffRecords({ name: "Acme", seats: 10, arr: "1000.00" }, { name: "Acme", seats: 12, arr: "1000.00" }),
    ).toEqual({
      before: { seats: 10 },
      after: { seats: 12 },
    });
  });
  it("returns null when nothing changed, comparing dates and arrays by value", () => {
    const before = { renewalDate: new Date("2027-01-01T00:00:00Z"), features: ["a", "b"] };
    const after = { renewalDate: new Date("2027-01-01T00:00:00Z"), features: ["a", "b"] };
    expect(diffRecords(before, after)).toBeNull();
  });
  it("records a field that appears or disappears as null on the other side", () => {
    expect(diffRecords({ domain: "a.com" }, {})).toEqual({ before: { domain: "a.com" }, after: { domain: null } });
  });
});

describe("toAuditValue", () => {
  it("writes calendar dates as YYYY-MM-DD and instants in full", () => {
    expect(toAuditValue(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(toAuditValue(new Date("2026-11-23T10:15:00Z"))).toBe("2026-11-23T10:15:00.000Z");
  });
  it("keeps a decimal's exact value", () => {
    const decimal = { toFixed: () => "0.10", toString: () => "0.1" };
    expect(toAuditValue({ arr: decimal })).toEqual({ arr: "0.1" });
  });
});
