// Server actions answer bad input with "invalid" and the field that needs attention, never
// "internal": NUL bytes and unpaired surrogates in any text, dates outside 1900–2199, ids beyond
// int4, numbers too large to mean anything. Nothing is written.
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({
  user: null as null | { id: number; email: string; name: string; role: "admin"; active: boolean },
}));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: () => undefined }));

import { db } from "@/lib/db";
import { createTaskAction, completeTaskAction } from "@/lib/actions/tasks";
import { setOverrideAction } from "@/lib/actions/overrides";
import { addMeasurableAction } from "@/lib/actions/scorecard";
import { saveRockAction } from "@/lib/actions/rocks";
import { createUserAction } from "@/lib/actions/users";
import { logTouchpointAction } from "@/lib/actions/account-activity";
import { reactivateAccountAction, toggleOffboardingItemAction } from "@/lib/actions/offboarding";
import { setForecastAction } from "@/lib/actions/renewals";
import { setStageOverrideAction } from "@/lib/actions/lifecycle";
import type { ActionResult } from "@/lib/actions/safe-action";
import { upsertAccount } from "@/lib/data/accounts/save-account";
import { accountBody, createTestUser } from "@/tests/factories/api";
import { clock } from "@/lib/clock";

const today = clock.today();
const BIG_ID = String(2 ** 31);
let accountId = "";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

beforeAll(async () => {
  const admin = await createTestUser("admin");
  session.user = { id: admin.id, email: admin.email, name: admin.name, role: "admin", active: true };
  await upsertAccount("actions-bad", accountBody({ name: "Bad Input Ltd" }), { system: "test" });
  accountId = String((await db.account.findUniqueOrThrow({ where: { externalId: "actions-bad" } })).id);
});

type Case = [label: string, run: () => Promise<ActionResult<unknown>>, field: string];

const cases = (): Case[] => [
  [
    "a task title with NUL",
    () => createTaskAction(null, form({ accountId, title: "Call \u0000 back", dueDate: today, priority: "normal" })),
    "title",
  ],
  // FormData turns unpaired surrogates into U+FFFD on its own; actions called with objects don't.
  [
    "a forecast with an unpaired surrogate",
    () => setForecastAction({ accountId: Number(accountId), forecast: "commit\ud800" }),
    "forecast",
  ],
  [
    "a checklist key with a lone low surrogate",
    () => toggleOffboardingItemAction({ accountId: Number(accountId), key: "\udc00", done: true }),
    "key",
  ],
  ["a forecast on account 2^31", () => setForecastAction({ accountId: 2 ** 31, forecast: "commit" }), "accountId"],
  [
    "a task due in year 0000",
    () => createTaskAction(null, form({ accountId, title: "Call", dueDate: "0000-01-01", priority: "normal" })),
    "dueDate",
  ],
  [
    "a task due in 2200",
    () => createTaskAction(null, form({ accountId, title: "Call", dueDate: "2200-01-01", priority: "normal" })),
    "dueDate",
  ],
  [
    "a task on account 2^31",
    () => createTaskAction(null, form({ accountId: BIG_ID, title: "Call", dueDate: today, priority: "normal" })),
    "accountId",
  ],
  ["completing task 2^31", () => completeTaskAction(null, form({ id: BIG_ID })), "id"],
  [
    "an override reason with NUL",
    () => setOverrideAction(null, form({ accountId, band: "red", reason: "Exec left \u0000" })),
    "reason",
  ],
  [
    "a stage override on account 2^31",
    () => setStageOverrideAction(null, form({ accountId: BIG_ID, stage: "adoption", reason: "Because" })),
    "accountId",
  ],
  ["a scorecard goal of 1e308", () => addMeasurableAction(null, form({ metricKey: "nrr", goal: "1e308" })), "goal"],
  [
    "a measurable title with NUL",
    () => addMeasurableAction(null, form({ metricKey: "nrr", goal: "100", title: "NRR \u0000" })),
    "title",
  ],
  [
    "a rock due in year 0000",
    () => saveRockAction(null, form({ title: "Ship it", dueDate: "0000-12-31", status: "on_track" })),
    "dueDate",
  ],
  [
    "a rock target of 1e308",
    () =>
      saveRockAction(
        null,
        form({ title: "Ship it", dueDate: today, metricKey: "nrr", startValue: "1", targetValue: "1e308" }),
      ),
    "targetValue",
  ],
  [
    "a user name with NUL",
    () =>
      createUserAction(
        null,
        form({ name: "Ana \u0000", email: "ana@example.com", role: "csm", password: "long enough pw" }),
      ),
    "name",
  ],
  [
    "touchpoint notes with NUL",
    () => logTouchpointAction(null, form({ accountId, type: "call", occurredAt: today, notes: "Spoke \u0000" })),
    "notes",
  ],
  [
    "a touchpoint in year 0000",
    () => logTouchpointAction(null, form({ accountId, type: "call", occurredAt: "0000-01-01" })),
    "occurredAt",
  ],
  [
    "a win-back with no seats",
    () =>
      reactivateAccountAction(
        null,
        form({ accountId, contractStart: today, renewalDate: "2199-01-01", arr: "1000", seats: "0" }),
      ),
    "seats",
  ],
];

describe("server actions refuse bad input as 'invalid' with the field", () => {
  it.each(cases().map((c, i) => [c[0], i] as const))("%s", async (_label, index) => {
    const [, run, field] = cases()[index];
    const before = await db.auditLog.count();
    const result = await run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid");
    expect(result.error.issues?.map((i) => i.path)).toContain(field);
    expect(await db.auditLog.count()).toBe(before);
  });
});
