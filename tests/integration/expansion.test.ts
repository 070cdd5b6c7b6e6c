// The expansion pipeline on a real database: a won deal books its ARR (account, ARR movement,
// contract line) in the deal's transaction, once however often it is sent; the board's totals
// and conversion; the expansion-ready list.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ExpansionView } from "@/lib/data/expansion/deals";
import { getExpansionBoard } from "@/lib/data/expansion/pipeline";
import { listExpansionReady } from "@/lib/data/expansion/triggers";
import { loadArrFacts } from "@/lib/data/dashboards/metrics";
import { addDays, toIsoDate } from "@/lib/domain/dates";
import { netRevenueRetention } from "@/lib/domain/metrics";
import { accountBody, apiClient, createTestKey, createTestUser, type ApiClient } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
let api: ApiClient;
let ae: { id: number; email: string };

const account = (externalId: string) => db.account.findUniqueOrThrow({ where: { externalId } });
const movements = async (externalId: string) =>
  (
    await db.arrMovement.findMany({ where: { account: { externalId }, type: "expansion" }, orderBy: { id: "asc" } })
  ).map((m) => `${Number(m.amount)}:${toIsoDate(m.date)}`);
const nrr = async () => netRevenueRetention(await loadArrFacts({ from: addDays(today, -364), to: today }));

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  ae = await createTestUser("ae");
  for (const name of ["grow", "other"]) {
    const res = await api.put(`/accounts/${name}`, accountBody({ name, aeEmail: ae.email }));
    expect(res.status).toBe(201);
  }
});

describe("a won deal", () => {
  it("moves through the stages, then books ARR, movement and contract line together (NRR moves)", async () => {
    expect(await nrr()).toBe(1);
    for (const stage of ["identified", "planning", "proposal", "negotiation"] as const) {
      const res = await api.put<ExpansionView>("/accounts/grow/expansions/d1", {
        type: "add_on",
        arr: 12_000,
        stage,
        title: "Analytics add-on",
        owner: ae.email,
        closeDate: addDays(today, 30),
      });
      expect(res.status).toBe(stage === "identified" ? 201 : 200);
      expect(res.body).toMatchObject({ stage, status: "open", owner: ae.email, closeDate: addDays(today, 30) });
    }
    expect(Number((await account("grow")).arr)).toBe(120_000);
    expect(await movements("grow")).toEqual([]);

    const lastAudit = (await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    const won = await api.put<ExpansionView>("/accounts/grow/expansions/d1", {
      type: "add_on",
      arr: 12_000,
      stage: "won",
    });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ stage: "won", status: "won", closedAt: today, owner: ae.email });
    const after = await account("grow");
    expect(Number(after.arr)).toBe(132_000);
    expect(await movements("grow")).toEqual([`12000:${today}`]);
    const line = await db.contractLine.findFirstOrThrow({
      where: { accountId: after.id, product: "Analytics add-on" },
    });
    expect({ price: Number(line.price), start: toIsoDate(line.startDate), end: toIsoDate(line.endDate) }).toEqual({
      price: 12_000,
      start: today,
      end: addDays(toIsoDate(after.renewalDate), -1),
    });
    // Start ARR 240,000 (two accounts) + 12,000 expansion = 105%.
    expect(await nrr()).toBe(1.05);
    const audited = await db.auditLog.findMany({
      where: { accountId: after.id, id: { gt: lastAudit } },
    });
    expect(audited.map((a) => a.entity).sort()).toEqual([
      "account",
      "arr_movement",
      "contract_line",
      "expansion_opportunity",
    ]);
  });

  it("is booked once however often the win is resent, even concurrently", async () => {
    const body = { type: "add_on", arr: 12_000, stage: "won" };
    const again = await api.put("/accounts/grow/expansions/d1", body);
    expect(again.status).toBe(200);
    await api.put("/accounts/other/expansions/d2", { type: "seats", arr: 6_000, stage: "negotiation" });
    const copies = await Promise.all(
      [1, 2, 3].map(() => api.put("/accounts/other/expansions/d2", { type: "seats", arr: 6_000, status: "won" })),
    );
    expect(copies.map((c) => c.status)).toEqual([200, 200, 200]);
    expect(await movements("grow")).toEqual([`12000:${today}`]);
    expect(await movements("other")).toEqual([`6000:${today}`]);
    expect(Number((await account("grow")).arr)).toBe(132_000);
    expect(Number((await account("other")).arr)).toBe(126_000);
  });

  it("cannot be reopened or repriced (409), and nothing is written", async () => {
    const before = await db.auditLog.count();
    const reopen = await api.put("/accounts/grow/expansions/d1", { type: "add_on", arr: 12_000, stage: "proposal" });
    expect(reopen.status).toBe(409);
    const reprice = await api.put("/accounts/grow/expansions/d1", { type: "add_on", arr: 15_000, status: "won" });
    expect(reprice.status).toBe(409);
    expect(await db.auditLog.count()).toBe(before);
    expect(Number((await account("grow")).arr)).toBe(132_000);
  });

  it("refuses a status that contradicts the stage, an unknown owner and no stage at all (400)", async () => {
    const bad = [
      { type: "seats", arr: 1, stage: "won", status: "open" },
      { type: "seats", arr: 1, stage: "planning", owner: "nobody@example.com" },
      { type: "seats", arr: 1 },
    ];
    for (const body of bad) expect((await api.put("/accounts/grow/expansions/bad", body)).status).toBe(400);
    expect(await db.expansionOpportunity.count({ where: { key: "bad" } })).toBe(0);
  });

  it("keeps an open deal's stage when only status is sent, and records a loss with its reason", async () => {
    await api.put("/accounts/grow/expansions/d3", { type: "training", arr: 2_000, stage: "proposal" });
    const open = await api.put<ExpansionView>("/accounts/grow/expansions/d3", {
      type: "training",
      arr: 2_500,
      status: "open",
    });
    expect(open.body).toMatchObject({ stage: "proposal", arr: 2_500 });
    const lost = await api.put<ExpansionView>("/accounts/grow/expansions/d3", {
      type: "training",
      arr: 2_500,
      stage: "lost",
      lossReason: "No budget",
    });
    expect(lost.body).toMatchObject({ stage: "lost", status: "lost", lossReason: "No budget", closedAt: today });
  });
});

describe("the pipeline board", () => {
  it("totals each stage and converts won / closed", async () => {
    const board = await getExpansionBoard({ id: 0, role: "manager" }, today);
    const total = (stage: string) => board.totals.find((t) => t.stage === stage);
    expect(total("won")).toEqual({ stage: "won", deals: 2, arr: 18_000 });
    expect(total("lost")).toEqual({ stage: "lost", deals: 1, arr: 2_500 });
    expect(board.conversion).toBeCloseTo(2 / 3, 10);
    const mine = await getExpansionBoard({ id: ae.id, role: "ae" }, today);
    expect(mine.won).toBe(2);
    const stranger = await getExpansionBoard({ id: ae.id + 999, role: "ae" }, today);
    expect(stranger.won + stranger.lost).toBe(0);
  });
});

describe("expansion ready", () => {
  it("lists accounts above 80 with another trigger (budget season from the fiscal-year start)", async () => {
    const month = Number(addDays(today, 40).slice(5, 7));
    await db.account.update({ where: { externalId: "grow" }, data: { healthScore: 85, fiscalYearStartMonth: month } });
    await db.account.update({ where: { externalId: "other" }, data: { healthScore: 90 } });
    const ready = await listExpansionReady(today);
    expect(ready.map((a) => [a.externalId, a.triggers])).toEqual([["grow", ["health", "budget_season"]]]);
    const res = await api.get("/expansion/ready");
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ externalId: "grow", triggers: ["health", "budget_season"] }]);
  });
});
