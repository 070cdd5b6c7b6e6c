// The specification of who may do what (SPEC §1): every role × every action, on an account or
// task of their own and on someone else's. A change to lib/auth/policy.ts that is not also a
// change here fails this test.
import { describe, expect, it } from "vitest";
import { can, type AccountAction, type Actor, type GlobalAction } from "@/lib/auth/policy";
import { navFor, ROLES, type Role } from "@/lib/auth/roles";

const ME = 7;
const SOMEONE_ELSE = 8;
const actor = (role: Role): Actor => ({ id: ME, role });

// Columns: admin, manager, csm, ae, executive.
type Row = [admin: boolean, manager: boolean, csm: boolean, ae: boolean, executive: boolean];
const Y = true;
const N = false;

const GLOBAL: Record<GlobalAction, Row> = {
  "accounts:list": [Y, Y, Y, Y, Y],
  "accounts:export": [Y, Y, Y, Y, N],
  "accounts:reassign": [Y, Y, N, N, N],
  "tasks:use": [Y, Y, Y, Y, N],
  "tasks:team": [Y, Y, N, N, N],
  "renewals:read": [Y, Y, N, Y, Y],
  "portfolio:read": [Y, Y, Y, Y, Y],
  "former-customers:read": [Y, Y, Y, Y, Y],
  "settings:manage": [Y, N, N, N, N],
  "jobs:view": [Y, N, N, N, N],
  "playbooks:manage": [Y, N, N, N, N],
  "scorecard:read": [Y, Y, N, N, Y],
  "scorecard:manage": [Y, Y, N, N, N],
  "scorecard:own": [Y, Y, Y, Y, N],
  "team:read": [Y, Y, N, N, Y],
  "dashboards:read": [Y, Y, Y, N, Y],
  "score-quality:read": [Y, Y, N, N, N],
  "expansion:read": [Y, Y, Y, Y, Y],
  "whitespace:read": [Y, Y, Y, Y, Y],
  "products:manage": [Y, N, N, N, N],
  "voice:read": [Y, Y, Y, Y, Y],
  "feedback:manage": [Y, Y, N, N, N],
  "my-day:read": [Y, Y, Y, Y, N],
  "onboarding:read": [Y, Y, Y, N, Y],
};

/** [on an account the actor owns (as its CSM or AE), on an account someone else owns]. */
const ACCOUNT: Record<AccountAction, [own: Row, other: Row]> = {
  "account:read": [
    [Y, Y, Y, Y, Y],
    [Y, Y, Y, Y, Y],
  ],
  "account:edit": [
    [Y, Y, Y, N, N],
    [Y, Y, N, N, N],
  ],
  "account:set-stage": [
    [Y, Y, Y, N, N],
    [Y, Y, N, N, N],
  ],
  "account:terminate": [
    [Y, Y, N, N, N],
    [Y, Y, N, N, N],
  ],
  "account:reactivate": [
    [Y, Y, N, N, N],
    [Y, Y, N, N, N],
  ],
  "renewal:edit": [
    [Y, Y, N, Y, N],
    [Y, Y, N, N, N],
  ],
  "expansion:edit": [
    [Y, Y, N, Y, N],
    [Y, Y, N, N, N],
  ],
  "whitespace:edit": [
    [Y, Y, Y, Y, N],
    [Y, Y, N, N, N],
  ],
  "advocacy:log": [
    [Y, Y, Y, Y, N],
    [Y, Y, N, N, N],
  ],
  "account-plan:edit": [
    [Y, Y, Y, Y, N],
    [Y, Y, N, N, N],
  ],
};

/** Tasks: [their own task, someone else's]. */
const TASK_WORK: [own: Row, other: Row] = [
  [Y, Y, Y, Y, N],
  [Y, Y, N, N, N],
];

const ORDER: Role[] = ["admin", "manager", "csm", "ae", "executive"];

describe("the authorization policy", () => {
  it("covers every role", () => {
    expect([...ROLES].sort()).toEqual([...ORDER].sort());
  });

  describe.each(Object.entries(GLOBAL) as [GlobalAction, Row][])("%s", (action, row) => {
    it.each(ORDER.map((role, i) => [role, row[i]] as const))("%s → %s", (role, expected) => {
      expect(can(actor(role), action)).toBe(expected);
    });
  });

  describe.each(Object.entries(ACCOUNT) as [AccountAction, [Row, Row]][])("%s", (action, [own, other]) => {
    // The actor owns the account as its CSM and as its AE: whichever field the role owns by.
    const mine = { csmId: ME, aeId: ME };
    const theirs = { csmId: SOMEONE_ELSE, aeId: SOMEONE_ELSE };
    it.each(ORDER.map((role, i) => [role, own[i], other[i]] as const))(
      "%s → own %s, other %s",
      (role, onOwn, onOther) => {
        expect(can(actor(role), action, mine)).toBe(onOwn);
        expect(can(actor(role), action, theirs)).toBe(onOther);
        // Without a resource: may the role do it to some account at all (the first filter).
        expect(can(actor(role), action)).toBe(onOwn || onOther);
      },
    );
  });

  it("ownership is by the right field: a CSM owns by csmId, an AE by aeId", () => {
    const csmOnly = { csmId: ME, aeId: SOMEONE_ELSE };
    const aeOnly = { csmId: SOMEONE_ELSE, aeId: ME };
    expect(can(actor("csm"), "account:edit", csmOnly)).toBe(true);
    expect(can(actor("csm"), "account:edit", aeOnly)).toBe(false);
    expect(can(actor("ae"), "renewal:edit", aeOnly)).toBe(true);
    expect(can(actor("ae"), "renewal:edit", csmOnly)).toBe(false);
    expect(can(actor("csm"), "account:edit", { csmId: null, aeId: null })).toBe(false);
  });

  it.each(ORDER.map((role, i) => [role, TASK_WORK[0][i], TASK_WORK[1][i]] as const))(
    "task:work as %s → own %s, other %s",
    (role, onOwn, onOther) => {
      expect(can(actor(role), "task:work", { ownerId: ME })).toBe(onOwn);
      expect(can(actor(role), "task:work", { ownerId: SOMEONE_ELSE })).toBe(onOther);
    },
  );

  it.each(ORDER)("navigation for %s shows exactly the pages the policy opens", (role) => {
    const hrefs = navFor(role).map((n) => n.href);
    const opens: Record<string, GlobalAction> = {
      "/home": "my-day:read",
      "/accounts": "accounts:list",
      "/tasks": "tasks:use",
      "/renewals": "renewals:read",
      "/expansion": "expansion:read",
      "/whitespace": "whitespace:read",
      "/voice": "voice:read",
      "/scorecard": "scorecard:read",
      "/dashboard": "portfolio:read",
      "/dashboards": "dashboards:read",
      "/onboarding": "onboarding:read",
      "/former-customers": "former-customers:read",
      "/score-quality": "score-quality:read",
      "/settings": "settings:manage",
    };
    expect(hrefs).toEqual(Object.keys(opens).filter((href) => GLOBAL[opens[href]][ORDER.indexOf(role)]));
  });
});
