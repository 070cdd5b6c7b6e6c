import { describe, expect, it } from "vitest";
import { can, can as canOnAccount, type AccountAction, type Actor } from "@/lib/auth/policy";
import { navFor, ROLE_HOME } from "@/lib/auth/roles";

const account = { csmId: 10, aeId: 20 };
const csmOwner: Actor = { id: 10, role: "csm" };
const csmOther: Actor = { id: 11, role: "csm" };
const aeOwner: Actor = { id: 20, role: "ae" };
const aeOther: Actor = { id: 21, role: "ae" };
const manager: Actor = { id: 1, role: "manager" };
const admin: Actor = { id: 2, role: "admin" };
const exec: Actor = { id: 3, role: "executive" };

describe("canOnAccount", () => {
  it.each<[string, Actor, AccountAction, boolean]>([
    ["owner CSM edits", csmOwner, "account:edit", true],
    ["other CSM cannot edit", csmOther, "account:edit", false],
    ["other CSM still reads", csmOther, "account:read", true],
    ["CSM cannot edit the renewal", csmOwner, "renewal:edit", false],
    ["AE edits the renewal on their account", aeOwner, "renewal:edit", true],
    ["AE edits expansion on their account", aeOwner, "expansion:edit", true],
    ["AE cannot edit account facts", aeOwner, "account:edit", false],
    ["other AE cannot edit the renewal", aeOther, "renewal:edit", false],
    ["manager edits any account", manager, "account:edit", true],
    ["admin edits renewals", admin, "renewal:edit", true],
    ["executive reads", exec, "account:read", true],
    ["executive cannot edit", exec, "account:edit", false],
    ["executive cannot edit renewals", exec, "renewal:edit", false],
  ])("%s", (_label, actor, action, expected) => {
    expect(canOnAccount(actor, action, account)).toBe(expected);
  });

  it("treats an unowned account as nobody's for CSMs and AEs", () => {
    expect(canOnAccount(csmOwner, "account:edit", { csmId: null, aeId: null })).toBe(false);
    expect(canOnAccount(aeOwner, "renewal:edit", { csmId: null, aeId: null })).toBe(false);
  });
});

describe("can (global actions)", () => {
  it("lets only admins manage settings", () => {
    expect([admin, manager, csmOwner, aeOwner, exec].map((a) => can(a, "settings:manage"))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
  it("lets managers and admins manage the scorecard and executives read it", () => {
    expect(can(manager, "scorecard:manage")).toBe(true);
    expect(can(exec, "scorecard:manage")).toBe(false);
    expect(can(exec, "scorecard:read")).toBe(true);
    expect(can(csmOwner, "scorecard:read")).toBe(false);
  });
  it("shows the lifecycle-stage dashboards to everyone but AEs, in the nav too", () => {
    expect([admin, manager, csmOwner, aeOwner, exec].map((a) => can(a, "dashboards:read"))).toEqual([
      true,
      true,
      true,
      false,
      true,
    ]);
    for (const a of [admin, manager, csmOwner, aeOwner, exec]) {
      expect(navFor(a.role).some((n) => n.href === "/dashboards")).toBe(can(a, "dashboards:read"));
    }
  });
});

describe("role homes and navigation", () => {
  it("sends each role to the home SPEC §1 gives it", () => {
    expect(ROLE_HOME).toEqual({
      csm: "/home",
      manager: "/scorecard",
      ae: "/renewals",
      admin: "/settings",
      executive: "/dashboard",
    });
  });
  it("shows every role its own home in the sidebar, and settings only to admins", () => {
    for (const role of ["admin", "manager", "csm", "ae", "executive"] as const) {
      const hrefs = navFor(role).map((n) => n.href);
      expect(hrefs).toContain(ROLE_HOME[role]);
      expect(hrefs.includes("/settings")).toBe(role === "admin");
    }
  });
});
