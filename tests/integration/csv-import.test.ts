import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importRows } from "@/lib/data/imports/csv-import";
import { parseImport } from "@/lib/domain/csv-import";

const actor = { system: "test" } as const;
const ACCOUNTS = [
  "external_id,name,segment,arr,seats,contract_start,renewal_date,purchased_features",
  "imp-1,Importco,enterprise,120000,100,2026-01-01,2027-01-01,dashboards;reports",
  "imp-2,Second Co,smb,5000,10,2026-03-01,2027-03-01,dashboards",
].join("\n");

describe("CSV import", () => {
  it("imports accounts, then contacts and usage for them, audited and scored", async () => {
    expect(await importRows(parseImport("accounts", ACCOUNTS), actor)).toEqual({ imported: 2, issues: [] });
    const contacts = "account_external_id,email,name,exec_sponsor\nimp-1,ceo@importco.com,Ada CEO,yes\n";
    expect(await importRows(parseImport("contacts", contacts), actor)).toEqual({ imported: 1, issues: [] });
    const usage = [
      "account_external_id,date,active_users,logins,sessions,session_minutes,features_used",
      "imp-1,2026-11-20,60,200,150,3000,dashboards;reports",
      "imp-2,2026-11-20,5,12,10,100,dashboards",
      "imp-1,2026-11-21,62,210,160,3100,dashboards",
    ].join("\n");
    expect(await importRows(parseImport("usage", usage), actor)).toEqual({ imported: 3, issues: [] });

    const account = await db.account.findUniqueOrThrow({
      where: { externalId: "imp-1" },
      include: { contacts: true, usageDays: true },
    });
    expect(account.contacts.map((c) => [c.email, c.execSponsor])).toEqual([["ceo@importco.com", true]]);
    expect(account.usageDays).toHaveLength(2);
    expect(account.healthScore).not.toBeNull();
    expect(await db.auditLog.count({ where: { accountId: account.id } })).toBeGreaterThanOrEqual(3);
  });

  it("imports nothing from a file with a bad row, and says which row and why", async () => {
    const before = await db.account.count();
    const csv = `${ACCOUNTS.replace(/imp-/g, "bad-")}\nbad-3,Broken,smb,lots,10,2026-01-01,2027-01-01,`;
    const result = await importRows(parseImport("accounts", csv), actor);
    expect(result.imported).toBe(0);
    expect(result.issues).toEqual([{ row: 4, column: "arr", message: expect.any(String) }]);
    expect(await db.account.count()).toBe(before);
  });

  it("refuses usage for an unknown account without writing any of the file", async () => {
    await importRows(parseImport("accounts", ACCOUNTS.replace(/imp-/g, "u-")), actor);
    const usageBefore = await db.usageDay.count();
    const csv = [
      "account_external_id,date,active_users,logins,sessions,session_minutes",
      "u-1,2026-11-10,1,1,1,1",
      "nobody,2026-11-10,1,1,1,1",
    ].join("\n");
    const result = await importRows(parseImport("usage", csv), actor);
    expect(result).toEqual({
      imported: 0,
      issues: [{ row: 3, column: "account_external_id", message: 'No account with the external id "nobody".' }],
    });
    expect(await db.usageDay.count()).toBe(usageBefore);
  });

  it("rolls back every row when a write refuses one (an unknown CSM email)", async () => {
    const csv = [
      "external_id,name,segment,arr,seats,contract_start,renewal_date,csm_email",
      "tx-1,First,smb,1000,5,2026-01-01,2027-01-01,",
      "tx-2,Second,smb,1000,5,2026-01-01,2027-01-01,nobody@example.com",
    ].join("\n");
    const result = await importRows(parseImport("accounts", csv), actor);
    expect(result.imported).toBe(0);
    expect(result.issues[0]).toMatchObject({ row: 3, column: "csm_email" });
    expect(await db.account.count({ where: { externalId: { in: ["tx-1", "tx-2"] } } })).toBe(0);
  });
});
