import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listTriage, listTriageAll } from "@/lib/data/accounts/triage";

import { ZTriageQuery } from "@/lib/validation/triage";
import { makeAccount, makeTask, makeUser } from "../factories/tasks";
import { clock } from "@/lib/clock";

const today = clock.today();
const query = (params: Record<string, string> = {}) => ZTriageQuery.parse(params);
type Viewer = Parameters<typeof listTriage>[0];
const viewer = (u: { id: number; role: Viewer["role"] }): Viewer => ({
  id: u.id,
  role: u.role,
  email: `${u.id}@x.test`,
  name: "Viewer",
  active: true,
});

let csm: Viewer;
let manager: Viewer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  csm = viewer(await makeUser("csm"));
  manager = viewer(await makeUser("manager"));
  const other = await makeUser("csm");
  const mine = [
    ["red30", { band: "red", score: 30 }],
    ["red50", { band: "red", score: 50 }],
    ["yellow", { band: "yellow", score: 70 }],
    ["green", { band: "green", score: 90 }],
    ["unscored", { band: null, score: null }],
  ] as const;
  for (const [key, health] of mine)
    ids[key] = (await makeAccount({ asOf: today, csmId: csm.id, ...health })).externalId;
  ids.othersRed = (await makeAccount({ asOf: today, csmId: other.id, band: "red", score: 10 })).externalId;
  await makeAccount({ asOf: today, csmId: csm.id, band: "red", score: 5, status: "churned" });

  const red30 = await db.account.findUniqueOrThrow({ where: { externalId: ids.red30 } });
  await makeTask({ ownerId: csm.id, accountId: red30.id, dueDate: today });
  await makeTask({ ownerId: csm.id, accountId: red30.id, dueDate: today });
  await makeTask({ ownerId: csm.id, accountId: red30.id, dueDate: today, status: "done" });
});

describe("triage list", () => {
  it("counts bands and totals over the viewer's active book, and only open tasks per row", async () => {
    const page = await listTriage(csm, query({ band: "red" }), 25);
    expect(page.bandCounts).toEqual({ red: 2, yellow: 1, green: 1, purple: 0 });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.externalId, r.healthScore, r.openTasks])).toEqual([
      [ids.red30, 30, 2],
      [ids.red50, 50, 0],
    ]);
  });

  it("without a band filter the total includes unscored accounts, listed after scored ones", async () => {
    const page = await listTriage(csm, query(), 25);
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.externalId)).toEqual([ids.red30, ids.red50, ids.yellow, ids.green, ids.unscored]);
  });

  it("pages without losing the total, and the export keeps the view's order", async () => {
    const second = await listTriage(csm, query({ page: "2" }), 2);
    expect(second.total).toBe(5);
    expect(second.rows.map((r) => r.externalId)).toEqual([ids.yellow, ids.green]);
    const all = await listTriageAll(csm, query({ sort: "score", dir: "desc" }));
    expect(all.map((r) => r.externalId)).toEqual([ids.green, ids.yellow, ids.red50, ids.red30, ids.unscored]);
    expect(all.find((r) => r.externalId === ids.red30)?.openTasks).toBe(2);
  });

  it("managers see every CSM's accounts", async () => {
    const page = await listTriage(manager, query({ band: "red" }), 25);
    expect(page.rows.map((r) => r.externalId)).toEqual(expect.arrayContaining([ids.othersRed, ids.red30, ids.red50]));
    expect(page.rows[0].externalId).toBe(ids.othersRed);
  });
});
