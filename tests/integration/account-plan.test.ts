// The account plan through the API on a real database: replace, repeat (no new version), read,
// and the 404 / 400 answers; every change is a numbered version naming its author.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listPlanVersions, saveAccountPlan } from "@/lib/data/accounts/account-plan";
import { accountBody, apiClient, createTestKey, createTestUser, type ApiClient } from "@/tests/factories/api";

let api: ApiClient;

type PlanBody = {
  version: number;
  updatedAt: string | null;
  updatedBy: { type: string; name: string } | null;
  impact: string | null;
  stakeholders: { name: string; influence: string; whatMatters: string | null }[];
};

const plan = {
  impact: "Saves two analysts: $180,000 a year",
  criticalEvent: { date: "2027-03-31", reason: "Audit deadline" },
  decisionProcess: "The CFO signs above $50,000; procurement takes three weeks.",
  stakeholders: [{ name: "Dana Ruiz", role: "CFO", influence: "high" as const, whatMatters: "Audit-ready reporting" }],
  risks: [{ description: "Champion may leave" }],
  nextSteps: [{ action: "Send the ROI summary", owner: "Sam", dueDate: "2027-01-15" }],
};

beforeAll(async () => {
  api = apiClient((await createTestKey("plan sync")).key);
  expect((await api.put("/accounts/plan-acme", accountBody({ name: "Plan Acme" }))).status).toBe(201);
});

describe("the account plan API", () => {
  it("answers version 0 and empty sections before the first save", async () => {
    const res = await api.get<PlanBody>("/accounts/plan-acme/account-plan");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 0, updatedAt: null, updatedBy: null, impact: null, stakeholders: [] });
  });

  it("creates version 1 (201), keeps it on a repeat (200), and reads it back", async () => {
    const first = await api.put<PlanBody>("/accounts/plan-acme/account-plan", plan);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      version: 1,
      impact: plan.impact,
      updatedBy: { type: "api_key", name: 'API key "plan sync"' },
    });
    expect(first.body.stakeholders[0]).toEqual({ ...plan.stakeholders[0] });

    const again = await api.put<PlanBody>("/accounts/plan-acme/account-plan", plan);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    expect(again.body.updatedAt).toBe(first.body.updatedAt);

    const read = await api.get<PlanBody>("/accounts/plan-acme/account-plan");
    expect(read.body).toEqual(first.body);
    expect(await listPlanVersions("plan-acme")).toHaveLength(1);
  });

  it("records version 2 naming the sections and the user that changed them", async () => {
    const csm = await createTestUser("csm");
    const saved = await saveAccountPlan(
      "plan-acme",
      { ...plan, impact: "Saves three analysts", risks: [] },
      { userId: csm.id },
    );
    expect(saved.created).toBe(false);
    expect(saved.record).toMatchObject({ version: 2, updatedBy: { type: "user", name: csm.name } });
    const versions = await listPlanVersions("plan-acme");
    expect(versions.map((v) => [v.version, v.summary, v.changedBy.name])).toEqual([
      [2, "Changed impact, risks", csm.name],
      [
        1,
        "Created with impact, critical event, decision process, stakeholders, risks, next steps",
        'API key "plan sync"',
      ],
    ]);
    const audit = await db.auditLog.findMany({ where: { entity: "account_plan" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("answers 404 for an unknown account", async () => {
    expect((await api.get("/accounts/nobody/account-plan")).status).toBe(404);
    const res = await api.put("/accounts/nobody/account-plan", plan);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("answers 400 with the field's path for a bad body, and saves nothing", async () => {
    const bad = { ...plan, stakeholders: [{ ...plan.stakeholders[0], influence: "huge" }] };
    const res = await api.put("/accounts/plan-acme/account-plan", bad);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => i.path)).toEqual(["stakeholders.0.influence"]);
    const res2 = await api.put("/accounts/plan-acme/account-plan", { ...plan, nextSteps: [{ action: "x" }] });
    expect(res2.body.error.issues.map((i) => i.path).sort()).toEqual(["nextSteps.0.dueDate", "nextSteps.0.owner"]);
    expect((await api.get<PlanBody>("/accounts/plan-acme/account-plan")).body.version).toBe(2);
  });

  it("replays a PUT with the same Idempotency-Key", async () => {
    const headers = { "Idempotency-Key": "plan-once" };
    const body = { ...plan, decisionProcess: "Board approval" };
    const first = await api.put<PlanBody>("/accounts/plan-acme/account-plan", body, { headers });
    const replay = await api.put<PlanBody>("/accounts/plan-acme/account-plan", body, { headers });
    expect(first.body.version).toBe(3);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
  });
});
