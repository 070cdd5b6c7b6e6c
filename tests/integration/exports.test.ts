// The CSV exports of the former-customers page, the renewal forecast's at-risk list, the task
// inbox and the scorecard's books by CSM: each has its header row, every row of the data (past
// the page's limit) and refuses the roles its page refuses.
import { beforeAll, describe, expect, it, vi } from "vitest";
import Papa from "papaparse";

type Role = "admin" | "manager" | "csm" | "ae" | "executive";
type SessionUser = { id: number; email: string; name: string; role: Role; active: boolean };
const session = vi.hoisted(() => ({ user: null as null | SessionUser }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

import { db } from "@/lib/db";
import * as formerCustomers from "@/app/api/exports/former-customers/route";
import * as atRisk from "@/app/api/exports/renewals/at-risk/route";
import * as tasks from "@/app/api/exports/tasks/route";
import * as teamBook from "@/app/api/exports/team-book/route";
import * as stageExport from "@/app/api/exports/stage/[stage]/route";
import { FORMER_CUSTOMERS_PAGE_SIZE } from "@/lib/data/offboarding/checklist";
import { AT_RISK_LIMIT } from "@/lib/data/renewals/forecast";
import { addDays } from "@/lib/domain/dates";
import { createTestUser } from "@/tests/factories/api";
import { makeAccount, makeTask } from "@/tests/factories/tasks";
import { clock } from "@/lib/clock";

const today = clock.today();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const users = {} as Record<"manager" | "csm" | "otherCsm" | "ae" | "otherAe" | "executive", SessionUser>;
const signInAs = (who: keyof typeof users | null) => {
  session.user = who ? users[who] : null;
};

async function csv(
  response: Response,
): Promise<{ status: number; header: string[]; rows: string[][]; filename: string | null }> {
  const text = await response.text();
  const filename = response.headers.get("content-disposition")?.match(/filename="(.+)"/)?.[1] ?? null;
  if (response.status !== 200) return { status: response.status, header: [], rows: [], filename };
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const parsed = Papa.parse<string[]>(text.trim());
  return { status: 200, header: parsed.data[0], rows: parsed.data.slice(1), filename };
}

const request = (path: string) => new Request(`http://localhost${path}`);

// Forecast: 30 at-risk renewals for the AE (more than the page's 25), 2 healthy ones, and 3
// at-risk renewals in another AE's book.
const AT_RISK_OWN = AT_RISK_LIMIT + 5;

beforeAll(async () => {
  for (const [key, role] of [
    ["manager", "manager"],
    ["csm", "csm"],
    ["otherCsm", "csm"],
    ["ae", "ae"],
    ["otherAe", "ae"],
    ["executive", "executive"],
  ] as const) {
    const u = await createTestUser(role);
    users[key] = { id: u.id, email: u.email, name: u.name, role, active: true };
  }

  const renewal = async (
    aeId: number,
    i: number,
    { band, forecast }: { band: "red" | "yellow" | "green"; forecast: "at_risk" | "commit" | null },
  ) => {
    const account = await makeAccount({ asOf: today, band, renewalInDays: 10 + (i % 60) });
    await db.account.update({ where: { id: account.id }, data: { aeId, arr: 10_000 + i } });
    await db.renewal.create({
      data: { accountId: account.id, renewalDate: day(addDays(today, 10 + (i % 60))), arr: 10_000 + i, forecast },
    });
  };
  for (let i = 0; i < AT_RISK_OWN; i++)
    await renewal(users.ae.id, i, { band: i % 2 ? "red" : "green", forecast: i % 2 ? null : "at_risk" });
  for (let i = 0; i < 2; i++) await renewal(users.ae.id, 100 + i, { band: "green", forecast: "commit" });
  for (let i = 0; i < 3; i++) await renewal(users.otherAe.id, 200 + i, { band: "yellow", forecast: null });

  // Former customers: more than a page, the latest one with an offboarding and its reasons.
  for (let i = 0; i < FORMER_CUSTOMERS_PAGE_SIZE + 3; i++) {
    const account = await makeAccount({ asOf: today, status: "churned" });
    await db.account.update({ where: { id: account.id }, data: { churnedAt: new Date(Date.UTC(2026, 0, 1 + i)) } });
    if (i === FORMER_CUSTOMERS_PAGE_SIZE + 2) {
      await db.offboarding.create({ data: { accountId: account.id, churnReasons: ["price", "product_fit"] } });
    }
  }

  // Tasks: the CSM has 30 open (4 overdue) and 2 done; the other CSM has tasks of their own.
  const owned = await makeAccount({ asOf: today, csmId: users.csm.id });
  for (let i = 0; i < 30; i++)
    await makeTask({ ownerId: users.csm.id, accountId: owned.id, dueDate: addDays(today, i < 4 ? -1 - i : i) });
  for (let i = 0; i < 2; i++) await makeTask({ ownerId: users.csm.id, dueDate: addDays(today, -5), status: "done" });
  for (let i = 0; i < 3; i++) await makeTask({ ownerId: users.otherCsm.id, dueDate: addDays(today, -2) });
});

describe("GET /api/exports/former-customers", () => {
  it("lists every churned account, latest churn first, past the page size", async () => {
    signInAs("csm");
    const { status, header, rows, filename } = await csv(await formerCustomers.GET());
    expect(status).toBe(200);
    expect(filename).toBe(`bowtie-former-customers-${today}.csv`);
    expect(header).toEqual([
      "external_id",
      "name",
      "churned",
      "last_arr",
      "seats",
      "reasons",
      "offboarding",
      "offboarding_done",
      "offboarding_items",
    ]);
    expect(rows).toHaveLength(await db.account.count({ where: { status: "churned" } }));
    expect(rows.length).toBeGreaterThan(FORMER_CUSTOMERS_PAGE_SIZE);
    expect(rows[0][2]).toBe("2026-01-28");
    expect(rows[0][3]).toBe("60000.00");
    expect(rows[0][5]).toMatch(/; /);
    expect(rows.at(-1)?.[2]).toBe("2026-01-01");
  });

  it("needs a signed-in user", async () => {
    signInAs(null);
    expect((await formerCustomers.GET()).status).toBe(401);
  });
});

describe("GET /api/exports/renewals/at-risk", () => {
  it("lists every at-risk renewal of the AE's own book, largest ARR first, not only the top 25", async () => {
    signInAs("ae");
    const { status, header, rows, filename } = await csv(await atRisk.GET(request("/api/exports/renewals/at-risk")));
    expect(status).toBe(200);
    expect(filename).toBe(`bowtie-at-risk-renewals-${today}.csv`);
    expect(header).toEqual([
      "external_id",
      "name",
      "arr",
      "renewal_date",
      "days_until",
      "band",
      "health_score",
      "forecast",
    ]);
    expect(rows).toHaveLength(AT_RISK_OWN);
    const arrs = rows.map((r) => Number(r[2]));
    expect(arrs).toEqual([...arrs].sort((a, b) => b - a));
    expect(arrs[0]).toBe(10_000 + AT_RISK_OWN - 1);
  });

  it("applies the page's filters: the whole book, or another AE's, or a band", async () => {
    signInAs("manager");
    expect((await csv(await atRisk.GET(request("/api/exports/renewals/at-risk")))).rows).toHaveLength(AT_RISK_OWN + 3);
    expect(
      (await csv(await atRisk.GET(request(`/api/exports/renewals/at-risk?ae=${users.otherAe.id}`)))).rows,
    ).toHaveLength(3);
    const yellow = await csv(await atRisk.GET(request("/api/exports/renewals/at-risk?band=yellow")));
    expect(yellow.rows).toHaveLength(3);
    expect(yellow.rows.every((r) => r[5] === "yellow")).toBe(true);
  });

  it("is refused to a CSM, as the forecast page is", async () => {
    signInAs("csm");
    expect((await atRisk.GET(request("/api/exports/renewals/at-risk"))).status).toBe(403);
  });
});

describe("GET /api/exports/tasks", () => {
  it("exports the viewer's own tasks of the view, every page", async () => {
    signInAs("csm");
    const mine = await csv(await tasks.GET(request("/api/exports/tasks")));
    expect(mine.status).toBe(200);
    expect(mine.filename).toBe(`bowtie-tasks-mine-${today}.csv`);
    expect(mine.header).toEqual([
      "title",
      "account_external_id",
      "account",
      "due_date",
      "due_in_days",
      "priority",
      "source",
      "status",
      "overdue",
      "completed",
      "outcome",
      "description",
      "rule",
      "reason",
      "snoozed_until",
      "dismiss_reason",
    ]);
    expect(mine.rows).toHaveLength(30);
    expect(mine.rows.map((r) => r[3])).toEqual(mine.rows.map((r) => r[3]).sort());
    expect((await csv(await tasks.GET(request("/api/exports/tasks?view=overdue")))).rows).toHaveLength(4);
    const done = await csv(await tasks.GET(request("/api/exports/tasks?view=done")));
    expect(done.rows).toHaveLength(2);
    expect(done.rows.every((r) => r[7] === "done" && r[9] !== "")).toBe(true);
  });

  it("falls back to the inbox's default view on a malformed view, and refuses executives", async () => {
    signInAs("otherCsm");
    expect((await csv(await tasks.GET(request("/api/exports/tasks?view=everyone")))).rows).toHaveLength(3);
    signInAs("executive");
    expect((await tasks.GET(request("/api/exports/tasks"))).status).toBe(403);
  });
});

describe("GET /api/exports/team-book", () => {
  it("has one row per active CSM with their book", async () => {
    signInAs("executive");
    const { status, header, rows, filename } = await csv(await teamBook.GET());
    expect(status).toBe(200);
    expect(filename).toBe(`bowtie-team-book-${today}.csv`);
    expect(header).toEqual([
      "csm",
      "accounts",
      "arr",
      "renewing_90_days",
      "red_or_yellow",
      "open_tasks",
      "overdue_tasks",
    ]);
    expect(rows).toHaveLength(await db.user.count({ where: { role: "csm", active: true } }));
    const csm = rows.find((r) => r[0] === users.csm.name);
    expect(csm).toEqual([users.csm.name, "1", "60000.00", "0", "0", "30", "4"]);
  });

  it("is refused to a CSM, as the scorecard is", async () => {
    signInAs("csm");
    expect((await teamBook.GET()).status).toBe(403);
  });
});

describe("GET /api/exports/stage/[stage] (on the shared CSV writer)", () => {
  it("still streams every account of the stage after its header", async () => {
    signInAs("manager");
    const response = await stageExport.GET(request("/api/exports/stage/onboarding"), {
      params: Promise.resolve({ stage: "onboarding" }),
    });
    const { status, header, rows, filename } = await csv(response);
    expect(status).toBe(200);
    expect(filename).toBe(`bowtie-onboarding-accounts-${today}.csv`);
    expect(header.slice(0, 3)).toEqual(["external_id", "name", "segment"]);
    expect(rows).toHaveLength(await db.account.count({ where: { status: "active", lifecycleStage: "onboarding" } }));
    expect(rows.length).toBeGreaterThan(AT_RISK_OWN);
  });
});
