// The account page's actions answer how the health score moved (the pure rule is unit-tested in
// tests/unit/score-movement.test.ts): here the sentence comes from the real recompute.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { UserSummary } from "@/lib/data/platform/users";
import { clock } from "@/lib/clock";

let signedIn: UserSummary | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db");
const { logTouchpointAction, saveContactAction, recordSurveyAction } = await import("@/lib/actions/account-activity");
const { setForecastAction } = await import("@/lib/actions/renewals");
const { addDays } = await import("@/lib/domain/dates");
const { accountBody, apiClient, createTestKey, createTestUser } = await import("@/tests/factories/api");

const today = clock.today();
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) data.append(k, value);
  return data;
};
const asUser = (u: { id: number; email: string; name: string; role: UserSummary["role"] }): UserSummary => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: true,
});

let csm: UserSummary;
let ae: UserSummary;
let accountId: number;

beforeAll(async () => {
  const api = apiClient((await createTestKey()).key);
  csm = asUser(await createTestUser("csm"));
  ae = asUser(await createTestUser("ae"));
  const res = await api.put(
    "/accounts/moves",
    accountBody({ name: "Moves Inc", renewalDate: addDays(today, 120), csmEmail: csm.email, aeEmail: ae.email }),
  );
  expect(res.status).toBe(201);
  accountId = (await db.account.findUniqueOrThrow({ where: { externalId: "moves" } })).id;
});

describe("score movement after an account-page action", () => {
  it("a touchpoint with the executive sponsor says which measure moved and by how much", async () => {
    signedIn = csm;
    const before = (await db.account.findUniqueOrThrow({ where: { id: accountId } })).healthScore;
    const contact = await saveContactAction(
      null,
      form({ accountId: String(accountId), email: "ceo@moves.example", name: "Casey CEO", execSponsor: "on" }),
    );
    expect(contact).toMatchObject({ ok: true });

    const result = await logTouchpointAction(
      null,
      form({ accountId: String(accountId), type: "meeting", occurredAt: today, contactEmails: "ceo@moves.example" }),
    );
    expect(result.ok).toBe(true);
    const after = (await db.account.findUniqueOrThrow({ where: { id: accountId } })).healthScore;
    if (!result.ok || before === null || after === null) throw new Error("expected a scored account");
    expect(after).toBeGreaterThan(before);
    expect(result.data).toContain(`+${after - before}: executive sponsor engagement 0 → 100`);
    expect(result.data).toContain(`(score ${before} → ${after}).`);
  });

  it("a survey and a forecast answer with the move too, and a write that changes nothing says so", async () => {
    signedIn = csm;
    const survey = await recordSurveyAction(
      null,
      form({ accountId: String(accountId), type: "nps", score: "10", respondedAt: today }),
    );
    expect(survey).toMatchObject({ ok: true, data: expect.stringMatching(/NPS \/ CSAT|Score unchanged/) });

    signedIn = ae;
    const commit = await setForecastAction({ accountId, forecast: "commit" });
    expect(commit).toMatchObject({ ok: true, data: expect.stringContaining("renewal likelihood no data → 100") });
    const lost = await setForecastAction({ accountId, forecast: "lost" });
    expect(lost).toMatchObject({ ok: true, data: expect.stringMatching(/^−\d+: renewal likelihood 100 → 0 /) });
    const again = await setForecastAction({ accountId, forecast: "lost" });
    expect(again).toMatchObject({ ok: true, data: expect.stringMatching(/^Score unchanged at \d+\.$/) });
  });
});
