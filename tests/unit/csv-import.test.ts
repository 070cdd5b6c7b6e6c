import { describe, expect, it } from "vitest";
import { parseImport } from "@/lib/domain/csv-import";

const ACCOUNTS_HEADER = "external_id,name,segment,arr,seats,contract_start,renewal_date,purchased_features,csm_email";

describe("parseImport: accounts", () => {
  it("turns rows into the API's account input", () => {
    const csv = `${ACCOUNTS_HEADER}\nacme-1,Acme,Mid-Market,"$48,000",40,2026-01-01,2027-01-01,dashboards;reports,Priya@Bowtie.demo\n`;
    const result = parseImport("accounts", csv);
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([
      {
        externalId: "acme-1",
        input: expect.objectContaining({
          name: "Acme",
          segment: "mid_market",
          arr: 48000,
          seats: 40,
          contractStart: "2026-01-01",
          renewalDate: "2027-01-01",
          purchasedFeatures: ["dashboards", "reports"],
          csmEmail: "priya@bowtie.demo",
        }),
      },
    ]);
  });

  it("reports every bad row by spreadsheet row number and column, and keeps only good rows", () => {
    const csv = [
      ACCOUNTS_HEADER,
      "ok-1,Good,smb,1000,5,2026-01-01,2027-01-01,,",
      "bad-1,Bad,galactic,-5,5,2026-02-30,2027-01-01,,",
      ",No id,smb,1000,5,2026-01-01,2027-01-01,,",
      "ok-1,Again,smb,1000,5,2026-01-01,2027-01-01,,",
    ].join("\n");
    const result = parseImport("accounts", csv);
    expect(result.rows.map((r) => ("externalId" in r ? r.externalId : ""))).toEqual(["ok-1", "ok-1"]);
    const byRow = result.issues.map((i) => `${i.row}:${i.column}`);
    expect(byRow).toEqual(
      expect.arrayContaining(["3:segment", "3:arr", "3:contract_start", "4:external_id", "5:external_id"]),
    );
    expect(result.issues.find((i) => i.row === 5)?.message).toBe("Duplicate of row 2.");
    expect(result.issues.every((i, k, all) => k === 0 || all[k - 1].row <= i.row)).toBe(true);
  });

  it("refuses a file without the required columns, naming them", () => {
    const result = parseImport("accounts", "external_id,name\nx,y\n");
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([
      {
        row: 1,
        column: "segment, arr, seats, contract_start, renewal_date",
        message: "Missing columns: segment, arr, seats, contract_start, renewal_date.",
      },
    ]);
  });
});

describe("parseImport: contacts and usage", () => {
  it("reads contact flags written the way spreadsheets write them", () => {
    const csv =
      "Account External ID,Email,Name,Exec Sponsor,Champion,Reference-Willing\nacme,CEO@acme.com,Ann,yes,,TRUE\n";
    const result = parseImport("contacts", csv);
    expect(result.issues).toEqual([]);
    expect(result.rows[0]).toEqual({
      accountExternalId: "acme",
      email: "ceo@acme.com",
      input: expect.objectContaining({ name: "Ann", execSponsor: true, champion: false, referenceWilling: true }),
    });
  });

  it("reads usage days, defaulting optional counts to zero, and flags a repeated day", () => {
    const csv = [
      "account_external_id,date,active_users,logins,sessions,session_minutes,features_used,data_quality",
      "acme,2026-11-01,12,30,25,400,dashboards|reports,0.9",
      "acme,2026-11-01,12,30,25,400,,",
      "acme,2026-11-02,twelve,30,25,400,,1.5",
    ].join("\n");
    const result = parseImport("usage", csv);
    expect(result.rows[0]).toEqual({
      accountExternalId: "acme",
      day: {
        date: "2026-11-01",
        activeUsers: 12,
        logins: 30,
        sessions: 25,
        sessionMinutes: 400,
        featuresUsed: ["dashboards", "reports"],
        workflowsStarted: 0,
        workflowsCompleted: 0,
        integrationsActive: [],
        dataQuality: 0.9,
      },
    });
    expect(result.issues.map((i) => `${i.row}:${i.column}:${i.message}`)).toEqual([
      "3:date:Duplicate of row 2.",
      expect.stringMatching(/^4:active_users:/),
      expect.stringMatching(/^4:data_quality:/),
    ]);
  });
});
