// Whitespace planning on a real database: the catalogue, cells through the API, and the ranking
// in SQL agreeing with the TypeScript (seed 002: B, with impact and a critical event, first).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getWhitespaceTotals, listRankedCells } from "@/lib/data/whitespace/whitespace";
import { addDays } from "@/lib/domain/dates";
import { rankCells, whitespaceScore } from "@/lib/domain/whitespace";
import { accountBody, apiClient, createTestKey, type ApiClient } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
let api: ApiClient;

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  for (const name of ["acme", "globex"])
    expect((await api.put(`/accounts/${name}`, accountBody({ name }))).status).toBe(201);
  for (const [key, listArr] of [
    ["a", 10_000],
    ["b", 20_000],
    ["c", 30_000],
  ] as const) {
    expect((await api.put(`/products/${key}`, { name: `Product ${key.toUpperCase()}`, listArr })).status).toBe(201);
  }
});

describe("the product catalogue", () => {
  it("creates (201), then updates (200) a product; bad input is a 400", async () => {
    const res = await api.put("/products/c", { name: "Product C", listArr: 30_000 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ key: "c", name: "Product C", listArr: 30_000 });
    expect((await api.put("/products/x", { name: "X", listArr: -1 })).status).toBe(400);
  });
});

describe("seed 002's example", () => {
  it("ranks B (impact and a critical event) over C (impact, no event) over A (urgency, no impact)", async () => {
    const cells = [
      { product: "a", impact: 0, criticalEventDate: addDays(today, 30), criticalEventReason: "Board meeting" },
      { product: "b", impact: 200_000, criticalEventDate: addDays(today, 60), criticalEventReason: "Audit deadline" },
      { product: "c", impact: 500_000, criticalEventDate: null },
    ];
    for (const { product, ...body } of cells) {
      const res = await api.put(`/accounts/acme/whitespace/${product}`, { ...body, decisionNotes: "CFO signs" });
      expect(res.status).toBe(201);
    }
    const ranked =
      await api.get<{ externalId: string; product: string; impact: number; score: number }[]>("/whitespace");
    expect(ranked.status).toBe(200);
    expect(ranked.body.map((c) => [c.product, c.impact, c.score])).toEqual([
      ["b", 200_000, 125_992.1],
      ["c", 500_000, 50_000],
      ["a", 0, 0],
    ]);
    const onlyB = await api.get<{ product: string }[]>("/whitespace?product=b");
    expect(onlyB.body.map((c) => c.product)).toEqual(["b"]);
  });

  it("scores in SQL exactly as the TypeScript does, at every distance", async () => {
    const distances = [null, -5, 0, 1, 7, 45, 89, 90, 91, 180, 365, 1000];
    const products = ["a", "b", "c"];
    const expected: { product: string; externalId: string; impact: number; criticalEventDate: string | null }[] = [];
    for (const [i, d] of distances.entries()) {
      const externalId = `grid-${i}`;
      await api.put(`/accounts/${externalId}`, accountBody({ name: externalId }));
      const impact = 1_000 + i * 12_345.67;
      const criticalEventDate = d === null ? null : addDays(today, d);
      const product = products[i % 3];
      await api.put(`/accounts/${externalId}/whitespace/${product}`, { impact, criticalEventDate });
      expected.push({ product, externalId, impact, criticalEventDate });
    }
    const sql = await listRankedCells({ limit: 500 }, today);
    for (const cell of expected) {
      const row = sql.find((r) => r.externalId === cell.externalId);
      expect(row?.score, cell.externalId).toBe(whitespaceScore(cell.impact, cell.criticalEventDate, today));
    }
    const all = await listRankedCells({ limit: 500 }, today);
    expect(all.map((c) => `${c.externalId}/${c.product}`)).toEqual(
      rankCells(all, today).map((c) => `${c.externalId}/${c.product}`),
    );
  });

  it("totals whitespace ARR per product and per account", async () => {
    const totals = await getWhitespaceTotals({}, today);
    const acme = totals.byAccount.find((a) => a.externalId === "acme");
    expect(acme).toMatchObject({ cells: 3, whitespaceArr: 60_000, impact: 700_000, bestScore: 125_992.1 });
    const b = totals.byProduct.find((p) => p.product === "b");
    expect(b?.cells).toBe(1 + 4); // acme's and grid-1, 4, 7, 10
    expect(b?.whitespaceArr).toBe(20_000 * 5);
  });

  it("refuses an unknown product (404), an event reason without a date (400), and writes nothing", async () => {
    const before = await db.whitespaceCell.count();
    expect((await api.put("/accounts/acme/whitespace/zzz", { impact: 1 })).status).toBe(404);
    expect((await api.put("/accounts/acme/whitespace/a", { impact: 1, criticalEventReason: "Soon" })).status).toBe(400);
    expect((await api.put("/accounts/ghost/whitespace/a", { impact: 1 })).status).toBe(404);
    expect(await db.whitespaceCell.count()).toBe(before);
  });
});
