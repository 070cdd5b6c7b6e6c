import type { Role } from "@/lib/generated/prisma/enums";

export type { Role };

export const ROLES = ["admin", "manager", "csm", "ae", "executive"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  manager: "CS manager",
  csm: "CSM",
  ae: "Account executive",
  executive: "Executive",
};

/** Who may open the triage list (executives read portfolio views instead). */
export const TRIAGE_ROLES: readonly Role[] = ["csm", "manager", "admin", "ae"];
/** Who may open the renewal pipeline and forecast. */
export const RENEWAL_ROLES: readonly Role[] = ["ae", "manager", "admin", "executive"];

/** Where each role lands after signing in (SPEC §1: where each role lives). */
export const ROLE_HOME: Record<Role, string> = {
  csm: "/accounts",
  manager: "/scorecard",
  ae: "/renewals",
  admin: "/settings",
  executive: "/dashboard",
};

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const EVERYONE = ROLES;

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/accounts", label: "My accounts", roles: ["csm", "manager", "admin", "ae"] },
  { href: "/tasks", label: "Tasks", roles: ["csm", "manager", "admin", "ae"] },
  { href: "/renewals", label: "Renewals", roles: ["ae", "manager", "admin", "executive"] },
  { href: "/scorecard", label: "Scorecard", roles: ["manager", "admin", "executive"] },
  { href: "/dashboard", label: "Portfolio", roles: EVERYONE },
  { href: "/dashboards", label: "Dashboards", roles: ["manager", "executive", "csm", "admin"] },
  { href: "/former-customers", label: "Former customers", roles: EVERYONE },
  { href: "/settings", label: "Settings", roles: ["admin"] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
