// The pipeline page's data at scale: totals per window come from one SQL aggregate while the
// cards are paged per window. The totals must equal the unit-tested pipelineTotals() of every
// renewal in the window, to the cent, whichever page is shown.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getRenewalPipeline, PIPELINE_PAGE_SIZE } from "@/lib/data/renewals/pipeline";
import { syncRenewals } from "@/lib/data/renewals/window-job";
import { addDays } from "@/lib/domain/dates";
import { pipelineTotals } from "@/lib/domain/renewals";
import { ZPipelineQuery } from "@/lib/validation/renewals";
import { accountBody, apiClient, createTestKey, createTestUser } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
type Viewer = Parameters<typeof getRenewalPipeline>[0];
let ae: Viewer;
const FORECASTS = ["commit", "likely", "at_risk", "lost", null] as const;
const BANDS = ["green", "yellow", "red", "purple", null] as const;
// 30 renewals inside 0–30 days (more than a page), and one at each other window's edges.
const DAYS = [...Array.from({ length: 30 }, (_, i) => i % 31), 31, 60, 61, 90, 91, 180, 181, -1, -40];

beforeAll(async () => {
  const api = apiClient((await createTestKey()).key);
  const user = await createTestUser("ae");
  ae = { id: user.id, role: "ae", email: user.email, name: "AE", active: true };
  const other = await createTestUser("ae");
  for (const [i, days] of DAYS.entries()) {
    const res = await api.put(
      `/accounts/pp-${i}`,
      accountBody({
        name: `Pipeline ${String(i).padStart(2, "0")}`,
        arr: 10_000 + i * 333.33 + 0.01,
        renewalDate: addDays(today, days),
        aeEmail: user.email,
      }),
    );
    expect(res.status).toBe(201);
  }
  await api.put(
    `/accounts/pp-other`,
    accountBody({ name: "Someone else's", renewalDate: addDays(today, 10), aeEmail: other.email }),
  );
  await syncRenewals(db, { asOf: today });
  for (const [i] of DAYS.entries()) {
    const accountId = (await db.account.findUniqueOrThrow({ where: { externalId: `pp-${i}` } })).id;
    await db.account.update({
      where: { id: accountId },
      data: { healthBand: BANDS[i % BANDS.length], healthScore: BANDS[i % BANDS.length] ? 50 : null },
    });
    await db.renewal.updateMany({
      where: { accountId, status: "open" },
      data: { forecast: FORECASTS[i % FORECASTS.length] },
    });
  }
});

const pipeline = (params: Record<string, string> = {}) => getRenewalPipeline(ae, ZPipelineQuery.parse(params), today);

describe("renewal pipeline page data", () => {
  it("puts each renewal in its window at the exact edges, the AE's own book only", async () => {
    const { buckets } = await pipeline();
    const days = Object.fromEntries(buckets.map((b) => [b.window, b.cards.map((c) => c.daysUntil)]));
    expect(days["31-60"]).toEqual([31, 60]);
    expect(days["61-90"]).toEqual([61, 90]);
    expect(days.later).toEqual([91, 180]);
    expect(days.overdue).toEqual([-40, -1]);
    expect(buckets.flatMap((b) => b.cards).some((c) => c.name === "Someone else's")).toBe(false);
  });

  it("pages a full window while its totals still cover every renewal in it, to the cent", async () => {
    const first = (await pipeline()).buckets.find((b) => b.window === "0-30")!;
    expect(first.cards).toHaveLength(PIPELINE_PAGE_SIZE);
    expect([first.page, first.pageCount, first.totals.count]).toEqual([1, 2, 30]);
    const second = (await pipeline({ window: "0-30", page: "2" })).buckets.find((b) => b.window === "0-30")!;
    expect(second.cards).toHaveLength(30 - PIPELINE_PAGE_SIZE);
    const all = [...first.cards, ...second.cards];
    expect(new Set(all.map((c) => c.externalId)).size).toBe(30);
    expect(second.totals).toEqual(pipelineTotals(all));
    expect(first.totals.arrAtRisk).toBeGreaterThan(0);
    expect(first.totals.expectedArr).toBeLessThan(first.totals.arrDue);
  });

  it("applies the band filter to cards and totals alike", async () => {
    const red = await pipeline({ band: "red" });
    for (const b of red.buckets) {
      expect(b.cards.every((c) => c.band === "red")).toBe(true);
      expect(b.totals).toEqual(pipelineTotals(b.cards));
    }
  });

  it("gives the median time to signature over the last year's signed renewals, never negative", async () => {
    const accountId = (await db.account.findUniqueOrThrow({ where: { externalId: "pp-0" } })).id;
    const day = (offset: number) => new Date(`${addDays(today, offset)}T00:00:00Z`);
    // Days to signature 10, 20, 25, 40 and one signed before its start (counts as 0); one too old.
    const signed: [start: number, signed: number][] = [
      [-110, -100],
      [-90, -70],
      [-50, -25],
      [-45, -5],
      [-30, -35],
      [-500, -400],
    ];
    for (const [start, at] of signed) {
      await db.renewal.create({
        data: {
          accountId,
          renewalDate: day(at),
          status: "closed",
          outcome: "renewed",
          arr: 1000,
          newArr: 1000,
          processStartedAt: day(start),
          signedAt: day(at),
        },
      });
    }
    expect((await pipeline()).signature).toEqual({ medianDays: 20, signed: 5, targetDays: 30 });
    await db.renewal.create({
      data: {
        accountId,
        renewalDate: day(-1),
        status: "closed",
        outcome: "renewed",
        arr: 1000,
        newArr: 1000,
        processStartedAt: day(-31),
        signedAt: day(-1),
      },
    });
    expect((await pipeline()).signature.medianDays).toBe(22.5);
    expect((await pipeline({ band: "purple" })).signature.signed).toBe(0);
  });
});
