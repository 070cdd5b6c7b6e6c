import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn, signOut, snap } from "./helpers";

// The playbook engine end to end: usage data arriving through the API drops a CSM's account,
// the churn-prevention playbook fires once (not again on the next data change) and every
// task says why; a CSM dismisses a task and the admin's noise report shows it.

interface AccountItem {
  externalId: string;
  name: string;
  csmEmail: string | null;
  health: { score: number; band: string; trend: number | null } | null;
}
interface ApiTask {
  title: string;
  rule: { key: string; name: string } | null;
  reason: string | null;
  status: string;
}

async function createApiKey(page: Page): Promise<string> {
  await signIn(page, "admin@bowtie.demo");
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill("Playbooks e2e");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").innerText()).trim();
  await signOut(page);
  return key;
}

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Thirty days with nobody using the product. */
const silentDays = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    date: isoDay(from + i),
    activeUsers: 0,
    logins: 0,
    sessions: 0,
    sessionMinutes: 0,
    featuresUsed: [],
    workflowsStarted: 0,
    workflowsCompleted: 0,
    integrationsActive: [],
  }));

async function executiveTasks(request: APIRequestContext, auth: Record<string, string>, externalId: string) {
  const res = await request.get(`/api/v1/tasks?account=${encodeURIComponent(externalId)}&open=true`, {
    headers: auth,
  });
  expect(res.status()).toBe(200);
  const { data } = (await res.json()) as { data: ApiTask[] };
  return data.filter((t) => t.rule?.key === "churn_prevention" && t.title === "Executive involvement");
}

test("a score drop fires the churn-prevention playbook once, not twice, and the CSM reads why", async ({ page }) => {
  const key = await createApiKey(page);
  const auth = { authorization: `Bearer ${key}` };

  // A healthy, steady account of Priya's.
  const list = await page.request.get("/api/v1/accounts?band=green&limit=500", { headers: auth });
  const accounts = ((await list.json()) as { data: AccountItem[] }).data;
  const account = accounts.find(
    (a) => a.csmEmail === "priya@bowtie.demo" && a.health?.trend != null && a.health.trend > -5,
  );
  if (!account) throw new Error("the demo has no steady green account for priya");
  expect(await executiveTasks(page.request, auth, account.externalId)).toEqual([]);

  // Nobody has logged in for 30 days: the rescore on arrival drops the score far below a month ago.
  const put = (days: ReturnType<typeof silentDays>) =>
    page.request.put(`/api/v1/accounts/${encodeURIComponent(account.externalId)}/usage`, {
      headers: auth,
      data: { days },
    });
  expect((await put(silentDays(-29, 0))).status()).toBe(200);
  const first = await executiveTasks(page.request, auth, account.externalId);
  expect(first).toHaveLength(1);
  expect(first[0].reason).toMatch(/health fell \d+ points in 30 days\./i);

  // More data arrives and the account is rescored again: still one executive task.
  expect((await put(silentDays(0, 0))).status()).toBe(200);
  expect(await executiveTasks(page.request, auth, account.externalId)).toHaveLength(1);

  // Priya opens the account and reads why the playbook fired.
  await signIn(page, "priya@bowtie.demo");
  await page.goto(`/accounts/${encodeURIComponent(account.externalId)}`);
  const openTasks = page.locator("section").filter({ has: page.getByRole("heading", { name: "Open tasks" }) });
  const executive = openTasks.getByRole("listitem").filter({ hasText: "Executive involvement" });
  await expect(executive).toHaveCount(1);
  await expect(executive).toContainText(/health fell \d+ points in 30 days/i);
  await snap(page, "playbooks-account-drop");
});

test("a CSM snoozes and dismisses playbook tasks, and the admin's noise report counts the dismissal", async ({
  page,
}) => {
  await signIn(page, "priya@bowtie.demo");
  await page.goto("/tasks");
  const list = page.getByRole("list", { name: "Tasks" });
  await expect(list.getByText(/^Why:/).first()).toBeVisible();
  await expect(list.getByText(/^Playbook: /).first()).toBeVisible();
  await snap(page, "playbooks-inbox");

  const first = list.getByRole("listitem").first();
  const title = await first.locator("p").first().innerText();
  await first.getByRole("button", { name: `Snooze: ${title}` }).click();
  await first.getByRole("button", { name: "Snooze", exact: true }).click();
  await page
    .getByRole("navigation", { name: "Task views" })
    .getByRole("link", { name: /^Snoozed/ })
    .click();
  await expect(page.getByRole("list", { name: "Tasks" }).getByText(title).first()).toBeVisible();
  await expect(
    page
      .getByRole("list", { name: "Tasks" })
      .getByText(/^Snoozed until/)
      .first(),
  ).toBeVisible();

  await page.getByRole("navigation", { name: "Task views" }).getByRole("link", { name: /^Mine/ }).click();
  // The first task a playbook raised (other tasks, e.g. a QBR's follow-up, may come first).
  const next = page
    .getByRole("list", { name: "Tasks" })
    .getByRole("listitem")
    .filter({ has: page.getByText(/^Playbook: /) })
    .first();
  const nextTitle = await next.locator("p").first().innerText();
  const rule = (await next.getByText(/^Playbook: /).innerText()).replace(/^Playbook: /, "");
  await next.getByRole("button", { name: `Dismiss: ${nextTitle}` }).click();
  await next.getByRole("button", { name: "Dismiss task" }).click();
  await expect(next.getByRole("alert")).toContainText("Say why this task is not needed.");
  await next.getByLabel("Why is it not needed?").fill("Handled on yesterday's call");
  await next.getByRole("button", { name: "Dismiss task" }).click();
  await page.getByRole("navigation", { name: "Task views" }).getByRole("link", { name: /^Done/ }).click();
  await expect(page.getByRole("list", { name: "Tasks" }).getByText("Handled on yesterday's call")).toBeVisible();
  await signOut(page);

  await signIn(page, "admin@bowtie.demo");
  await page.goto("/settings/playbooks");
  const report = page.getByRole("table", { name: "Noise report" });
  const row = report.getByRole("row").filter({ hasText: rule });
  await expect(row).toContainText("“Handled on yesterday's call” (1)");
  await expect(row).toContainText("%");
  await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, "playbooks-settings");

  // An admin tightens a playbook: the executive step is now due in 1 day.
  const churn = page.locator("#playbook-churn_prevention");
  await churn.getByRole("button", { name: "Edit Churn prevention" }).click();
  await churn.getByLabel("Due in (days)").first().fill("1");
  await churn.getByRole("button", { name: "Save playbook" }).click();
  await expect(churn.getByText("due 1 day after it is raised")).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "playbooks-settings-mobile");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
