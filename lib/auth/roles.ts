import type { Role } from "@/lib/generated/prisma/enums";
import { can, type GlobalAction } from "./policy";

export type { Role };

export const ROLES = ["admin", "manager", "csm", "ae", "executive"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  manager: "CS manager",
  csm: "CSM",
  ae: "Account executive",
  executive: "Executive",
};

/** Where each role lands after signing in (SPEC §1: where each role lives). */
export const ROLE_HOME: Record<Role, string> = {
  csm: "/home",
  manager: "/scorecard",
  ae: "/renewals",
  admin: "/settings",
  executive: "/dashboard",
};

export interface NavItem {
  href: string;
  label: string;
  /** The policy action that opens the page (lib/auth/policy.ts). */
  action: GlobalAction;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/home", label: "My day", action: "my-day:read" },
  { href: "/accounts", label: "My accounts", action: "accounts:list" },
  { href: "/tasks", label: "Tasks", action: "tasks:use" },
  { href: "/renewals", label: "Renewals", action: "renewals:read" },
  { href: "/expansion", label: "Expansion", action: "expansion:read" },
  { href: "/whitespace", label: "Whitespace", action: "whitespace:read" },
  { href: "/voice", label: "Advocacy & voice", action: "voice:read" },
  { href: "/scorecard", label: "Scorecard", action: "scorecard:read" },
  { href: "/dashboard", label: "Portfolio", action: "portfolio:read" },
  { href: "/dashboards", label: "Dashboards", action: "dashboards:read" },
  { href: "/onboarding", label: "Onboarding", action: "onboarding:read" },
  { href: "/former-customers", label: "Former customers", action: "former-customers:read" },
  { href: "/score-quality", label: "Score quality", action: "score-quality:read" },
  { href: "/settings", label: "Settings", action: "settings:manage" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can({ id: 0, role }, item.action));
}
