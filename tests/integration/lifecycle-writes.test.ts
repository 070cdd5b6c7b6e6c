// The lifecycle stage follows the writes that move it, in the same request (the daily sync only
// catches the passing of days): an open expansion deal, a renewal date coming within 90 days.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays } from "@/lib/domain/dates";
import { accountBody, apiClient, createTestKey, type ApiClient } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
let api: ApiClient;
const body = (renewalDate: string) =>
  accountBody({ name: "Stage mover", contractStart: addDays(today, -200), renewalDate });
const shown = async () => {
  const a = await db.account.findUniqueOrThrow({
    where: { externalId: "stage-mover" },
    include: { stageChanges: { orderBy: { id: "asc" } } },
  });
  return { stage: a.lifecycleStage, history: a.stageChanges.map((c) => [c.fromStage, c.toStage]) };
};

beforeAll(async () => {
  api = apiClient((await createTestKey()).key);
  expect((await api.put("/accounts/stage-mover", body(addDays(today, 300)))).status).toBe(201);
});

describe("lifecycle stage on write", () => {
  it("starts in value realization (day 200 of the contract)", async () => {
    expect(await shown()).toEqual({ stage: "value_realization", history: [[null, "value_realization"]] });
  });

  it("moves to expansion when an expansion deal opens, and back when it is lost", async () => {
    expect(
      (await api.put("/accounts/stage-mover/expansions/seats-1", { type: "seats", arr: 5_000, status: "open" })).status,
    ).toBeLessThan(300);
    expect((await shown()).stage).toBe("expansion");
    expect(
      (await api.put("/accounts/stage-mover/expansions/seats-1", { type: "seats", arr: 5_000, status: "lost" })).status,
    ).toBeLessThan(300);
    expect(await shown()).toEqual({
      stage: "value_realization",
      history: [
        [null, "value_realization"],
        ["value_realization", "expansion"],
        ["expansion", "value_realization"],
      ],
    });
  });

  it("moves to renewal when the renewal date comes within 90 days", async () => {
    expect((await api.put("/accounts/stage-mover", body(addDays(today, 90)))).status).toBe(200);
    expect((await shown()).history.at(-1)).toEqual(["value_realization", "renewal"]);
  });
});
