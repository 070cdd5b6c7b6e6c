// Advocacy and the voice of the customer on a real database: asks with the per-quarter limit,
// feedback idempotent on externalId, themes ranked by ARR at stake, and merging duplicates.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAdvocacyOverview, listAccountAdvocates } from "@/lib/data/advocacy/advocacy";
import { listThemes, mergeThemes } from "@/lib/data/feedback/feedback";
import { quarterOf } from "@/lib/domain/advocacy";
import { accountBody, apiClient, createTestKey, type ApiClient } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
const q = quarterOf(today);
let api: ApiClient;

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  await api.put("/accounts/big", accountBody({ name: "big", arr: 300_000 }));
  await api.put("/accounts/small", accountBody({ name: "small", arr: 50_000 }));
  await api.put("/accounts/big/contacts/ana@big.example", { name: "Ana", champion: true });
  await api.put("/accounts/small/contacts/bo@small.example", { name: "Bo" });
});

describe("advocacy", () => {
  it("finds advocates from the data", async () => {
    const big = await db.account.findUniqueOrThrow({ where: { externalId: "big" } });
    expect((await listAccountAdvocates(big.id, today)).map((a) => [a.email, a.reasons])).toEqual([
      ["ana@big.example", ["champion"]],
    ]);
  });

  it("logs asks, warns at the per-quarter limit (2) and refuses the next; a resend only updates", async () => {
    const ask = (date: string, kind = "reference", status = "requested") =>
      api.post<{ warning: string | null; status: string }>("/accounts/big/advocacy", {
        contactEmail: "ana@big.example",
        kind,
        date,
        status,
      });
    const first = await ask(q.start);
    expect(first.status).toBe(201);
    expect(first.body.warning).toBeNull();
    const second = await ask(q.start, "case_study");
    expect(second.status).toBe(201);
    expect(second.body.warning).toContain("2 of 2");
    const resend = await ask(q.start, "case_study", "agreed");
    expect(resend.status).toBe(200);
    expect(resend.body.status).toBe("agreed");
    const third = await ask(q.start, "speaking");
    expect(third.status).toBe(409);
    expect(await db.advocacyActivity.count()).toBe(2);
    expect(
      (
        await api.post("/accounts/big/advocacy", {
          contactEmail: "x@y.example",
          kind: "review",
          date: today,
          status: "requested",
        })
      ).status,
    ).toBe(400);
  });

  it("counts referrals against churned logos per quarter", async () => {
    await api.post("/accounts/small/advocacy", {
      contactEmail: "bo@small.example",
      kind: "referral",
      date: today,
      status: "completed",
    });
    const overview = await getAdvocacyOverview(today);
    expect(overview.quarters.at(-1)).toEqual({ key: q.key, referrals: 1, churnedLogos: 0 });
    expect(overview.quarters).toHaveLength(4);
  });
});

describe("voice of the customer", () => {
  it("is idempotent on externalId and groups items by title into themes ranked by ARR at stake", async () => {
    const post = (account: string, body: object) => api.post(`/accounts/${account}/feedback`, body);
    expect((await post("small", { type: "feature_request", title: "Gantt view", externalId: "f1" })).status).toBe(201);
    expect((await post("small", { type: "feature_request", title: "Gantt view", externalId: "f1" })).status).toBe(200);
    expect((await post("big", { type: "bug", title: "Slow exports", contactEmail: "ana@big.example" })).status).toBe(
      201,
    );
    expect((await post("small", { type: "complaint", title: "slow  exports" })).status).toBe(201);
    expect((await post("big", { type: "praise", title: "Gantt View" })).status).toBe(201);
    expect((await post("big", { type: "idea", title: "x" })).status).toBe(400);
    expect(await db.feedbackItem.count({ where: { externalId: "f1" } })).toBe(1);

    const themes = await api.get<{ title: string; arrAtStake: number; items: number }[]>("/feedback/themes");
    expect(themes.body.map((t) => [t.title, t.items, t.arrAtStake])).toEqual([
      ["Gantt view", 2, 350_000],
      ["Slow exports", 2, 350_000],
    ]);
  });

  it("ranks red + yellow ARR second, and merges a duplicate theme into another", async () => {
    await db.account.update({ where: { externalId: "small" }, data: { healthBand: "red" } });
    await db.account.update({ where: { externalId: "big" }, data: { healthBand: "green" } });
    const [gantt, slow] = await listThemes();
    expect([gantt.title, gantt.redYellowArr, slow.redYellowArr]).toEqual(["Gantt view", 50_000, 50_000]);
    await mergeThemes(slow.id, gantt.id, { system: "test" });
    const after = await listThemes();
    expect(after.map((t) => [t.title, t.items, t.accounts])).toEqual([["Gantt view", 4, 2]]);
    // A new item titled like the merged theme joins the survivor.
    await api.post("/accounts/big/feedback", { type: "bug", title: "Slow exports" });
    expect((await listThemes()).map((t) => t.items)).toEqual([5]);
  });
});
