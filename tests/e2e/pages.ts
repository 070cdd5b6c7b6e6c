// Every page of the app, as one list: the accessibility and layout suite (a11y.spec.ts) visits
// each page as every role allowed to open it. A new page is one more line here.
import type { Page } from "@playwright/test";
import { can, type Actor, type GlobalAction } from "../../lib/auth/policy";
import { DASHBOARD_STAGES, STAGE_SLUGS } from "../../lib/domain/dashboards";
import type { Role } from "../../lib/auth/roles";

export interface AppPage {
  /** A short name for reports and screenshots. */
  name: string;
  /** Who may open it: a policy action, or every signed-in user. */
  action: GlobalAction | "signed-in";
  /** The path, or how to find it from the running app (an account's page, say). */
  path: string | ((page: Page, role: Role) => Promise<string>);
}

/** The first account in the triage list (the user's own book for a CSM); an executive opens a fixed one. */
async function anAccount(page: Page, role: Role): Promise<string> {
  if (!can(actorOf(role), "accounts:list")) return "/accounts/CRM-000001";
  await page.goto("/accounts");
  const href = await page
    .getByRole("table", { name: "Accounts" })
    .getByRole("row")
    .nth(1)
    .getByRole("link")
    .first()
    .getAttribute("href");
  return href ?? "/accounts";
}

/** The offboarding page of a former customer. */
async function anOffboarding(page: Page): Promise<string> {
  await page.goto("/former-customers");
  const href = await page.getByRole("table").getByRole("row").nth(1).getByRole("link").first().getAttribute("href");
  return `${href ?? "/accounts/CRM-000001"}/offboarding`;
}

export const APP_PAGES: readonly AppPage[] = [
  { name: "accounts", action: "accounts:list", path: "/accounts" },
  { name: "account", action: "signed-in", path: anAccount },
  { name: "offboarding", action: "former-customers:read", path: anOffboarding },
  { name: "tasks", action: "tasks:use", path: "/tasks" },
  { name: "renewals", action: "renewals:read", path: "/renewals" },
  { name: "forecast", action: "renewals:read", path: "/renewals/forecast" },
  { name: "scorecard", action: "scorecard:read", path: "/scorecard" },
  { name: "portfolio", action: "portfolio:read", path: "/dashboard" },
  { name: "dashboards", action: "dashboards:read", path: "/dashboards" },
  ...DASHBOARD_STAGES.map((stage) => ({
    name: `dashboard-${STAGE_SLUGS[stage]}`,
    action: "dashboards:read" as const,
    path: `/dashboards/${STAGE_SLUGS[stage]}`,
  })),
  { name: "former-customers", action: "former-customers:read", path: "/former-customers" },
  { name: "settings-users", action: "settings:manage", path: "/settings" },
  { name: "settings-health", action: "settings:manage", path: "/settings/health" },
  { name: "settings-api-keys", action: "settings:manage", path: "/settings/api-keys" },
  { name: "settings-import", action: "settings:manage", path: "/settings/import" },
  { name: "settings-security", action: "settings:manage", path: "/settings/security" },
  { name: "password", action: "signed-in", path: "/password" },
  // Work pages: My day, onboarding, growth, advocacy, score quality, administration.
  { name: "my-day", action: "my-day:read", path: "/home" },
  { name: "account-plan", action: "signed-in", path: async (page, role) => `${await anAccount(page, role)}/plan` },
  { name: "onboarding", action: "onboarding:read", path: "/onboarding" },
  { name: "expansion", action: "expansion:read", path: "/expansion" },
  { name: "whitespace", action: "whitespace:read", path: "/whitespace" },
  { name: "voice", action: "voice:read", path: "/voice" },
  { name: "score-quality", action: "score-quality:read", path: "/score-quality" },
  { name: "tasks-team", action: "tasks:team", path: "/tasks/team" },
  { name: "reassign", action: "accounts:reassign", path: "/reassign" },
  { name: "settings-playbooks", action: "playbooks:manage", path: "/settings/playbooks" },
  { name: "settings-jobs", action: "jobs:view", path: "/settings/jobs" },
  { name: "settings-outbox", action: "settings:manage", path: "/settings/outbox" },
];

function actorOf(role: Role): Actor {
  return { id: 0, role };
}

/** The pages a role can open (A11Y_PAGES=name,name… narrows a local run to those pages). */
export function pagesFor(role: Role): AppPage[] {
  const only = process.env.A11Y_PAGES?.split(",");
  return APP_PAGES.filter(
    (p) => (p.action === "signed-in" || can(actorOf(role), p.action)) && (!only || only.includes(p.name)),
  );
}
