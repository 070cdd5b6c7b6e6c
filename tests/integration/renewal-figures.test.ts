// "ARR due in 90 days" and "ARR at risk" are defined once (lib/domain/renewals.ts RENEWAL_FIGURES,
// lib/data/renewals/figures.ts): the pipeline, the forecast, the renewal dashboard, the portfolio
// and the scorecard's tile must show the same figures. Hand-built renewals around every edge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { clock, pinClock } from "@/lib/clock";
import { getRenewalFigures } from "@/lib/data/renewals/figures";
import { getRenewalPipeline, pipelineScopeSql } from "@/lib/data/renewals/pipeline";
import { getForecastSummary } from "@/lib/data/renewals/forecast";
import { getPortfolioSummary } from "@/lib/data/dashboards/portfolio";
import { getStageCharts } from "@/lib/data/dashboards/stages";
import { atRiskSql } from "@/lib/data/platform/rules.sql";
import { sqlText, statement } from "@/lib/data/platform/sql";
import { addDays } from "@/lib/domain/dates";
import { AT_RISK_BANDS, isAtRisk, sumTotals } from "@/lib/domain/renewals";
import type { Band, LifecycleStage, RenewalForecast } from "@/lib/generated/prisma/enums";
import { createTestUser } from "@/tests/factories/api";
import type { CurrentUser } from "@/lib/auth/session";

const today = "2026-06-15";
const day = (offset: number) => new Date(`${addDays(today, offset)}T00:00:00Z`);
let admin: CurrentUser;

async function renewal(
  name: string,
  o: { days: number; arr: number; band?: Band; forecast?: RenewalForecast; churned?: boolean; closed?: boolean },
) {
  const stage: LifecycleStage = o.churned ? "churned" : o.days <= 90 ? "renewal" : "adoption";
  const account = await db.account.create({
    data: {
      externalId: name,
      name,
      segment: "smb",
      seats: 5,
      arr: o.arr,
      contractStart: day(-300),
      renewalDate: day(o.days),
      lifecycleStage: stage,
      status: o.churned ? "churned" : "active",
      healthBand: o.band ?? null,
      healthScore: o.band ? 50 : null,
    },
  });
  await db.renewal.create({
    data: {
      accountId: account.id,
      renewalDate: day(o.days),
      arr: o.arr,
      forecast: o.forecast ?? null,
      status: o.closed ? "closed" : "open",
    },
  });
}

beforeAll(async () => {
  pinClock(`${today}T12:00:00Z`);
  const user = await createTestUser("admin");
  admin = { id: user.id, name: user.name, email: user.email, role: "admin", active: true };
  await renewal("overdue-red", { days: -3, arr: 1000, band: "red" });
  await renewal("today-green", { days: 0, arr: 2000.5, band: "green", forecast: "commit" });
  await renewal("d30-yellow", { days: 30, arr: 3000, band: "yellow" });
  await renewal("d45-lost", { days: 45, arr: 4000, band: "green", forecast: "lost" });
  await renewal("d90-purple", { days: 90, arr: 5000, band: "purple", forecast: "likely" });
  await renewal("d91-red", { days: 91, arr: 6000, band: "red" });
  await renewal("d20-churned", { days: 20, arr: 7000, band: "red", churned: true });
  await renewal("d10-closed", { days: 10, arr: 8000, band: "red", closed: true });
});

afterAll(() => pinClock(null));

describe("the renewal figures", () => {
  it("count open renewals of active accounts from today to 90 days out, overdue apart", async () => {
    expect(await getRenewalFigures()).toEqual({
      due: { count: 4, arr: 14_000.5 },
      atRisk: { count: 2, arr: 7000 },
      overdue: { count: 1, arr: 1000 },
    });
    expect(clock.today()).toBe(today);
  });

  it("are the same on the pipeline, the forecast, the renewal dashboard and the portfolio", async () => {
    const figures = await getRenewalFigures();
    const query = {};
    const pipeline = await getRenewalPipeline(admin, query, today);
    const within90 = sumTotals(
      pipeline.buckets.filter((b) => ["0-30", "31-60", "61-90"].includes(b.window)).map((b) => b.totals),
    );
    expect({ count: within90.count, arr: within90.arrDue }).toEqual(figures.due);
    expect(within90.arrAtRisk).toBe(figures.atRisk.arr);
    expect(await getRenewalFigures(pipelineScopeSql(admin, query), today)).toEqual(figures);

    const forecast = await getForecastSummary(admin, query, today);
    const in90 = forecast.horizons.find((h) => h.days === 90);
    expect({ count: in90?.count, arr: in90?.total }).toEqual(figures.due);
    expect(forecast.overdue).toEqual({ count: figures.overdue.count, arr: figures.overdue.arr });

    const stage = await getStageCharts("renewal", today);
    expect(stage.stage === "renewal" && stage.figures).toEqual(figures);

    expect((await getPortfolioSummary()).renewals).toEqual(figures);
  });

  it("put overdue renewals first on the pipeline", async () => {
    const pipeline = await getRenewalPipeline(admin, {}, today);
    expect(pipeline.buckets.map((b) => b.window)).toEqual(["overdue", "0-30", "31-60", "61-90", "later"]);
    expect(pipeline.buckets[0].cards.map((c) => c.name)).toEqual(["overdue-red"]);
  });

  it("judge risk in SQL exactly as isAtRisk does, for every band and forecast", async () => {
    const bands = [...AT_RISK_BANDS, "green", "purple", null] as const;
    const forecasts = ["commit", "likely", "at_risk", "lost", null] as const;
    const pairs = bands.flatMap((band) => forecasts.map((forecast) => ({ band, forecast })));
    const query = statement<[(string | null)[], (string | null)[]]>`
      SELECT b, f, ${atRiskSql(sqlText`b`, sqlText`f`)} AS risky
      FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(b, f, n) ORDER BY n`;
    const rows = await db.$queryRaw<{ risky: boolean }[]>(
      query(
        pairs.map((p) => p.band),
        pairs.map((p) => p.forecast),
      ),
    );
    expect(rows.map((r) => r.risky)).toEqual(pairs.map((p) => isAtRisk({ arr: 1, ...p })));
  });
});
