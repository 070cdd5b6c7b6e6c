import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

describe("database", () => {
  it("is migrated and enforces one usage row per account and day", async () => {
    const account = await db.account.create({
      data: {
        externalId: "acme",
        name: "Acme",
        segment: "enterprise",
        seats: 10,
        arr: "120000.00",
        contractStart: new Date("2026-01-01"),
        renewalDate: new Date("2027-01-01"),
      },
    });
    await db.usageDay.create({ data: { accountId: account.id, date: new Date("2026-11-01"), logins: 3 } });
    await expect(
      db.usageDay.create({ data: { accountId: account.id, date: new Date("2026-11-01"), logins: 5 } }),
    ).rejects.toThrow();
    expect(await db.usageDay.count()).toBe(1);
  });
});
