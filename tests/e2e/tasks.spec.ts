import { expect, test, type Page } from "@playwright/test";
import { signIn, snap } from "./helpers";

const taskList = (page: Page) => page.getByRole("list", { name: "Tasks" });

async function openInbox(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
}

test("a CSM works a playbook task from the inbox and finds it under Done with its outcome", async ({ page }) => {
  await signIn(page, "priya@bowtie.demo");
  await openInbox(page);
  const list = taskList(page);
  await expect(list.getByText("CSM action plan").first()).toBeVisible();
  await expect(list.getByText("Playbook").first()).toBeVisible();
  await snap(page, "tasks");

  const item = list.getByRole("listitem").first();
  const account = await item.getByRole("link").first().innerText();
  const title = await item.locator("p").first().innerText();
  const sameTask = (scope: typeof list) =>
    scope
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: account, exact: true }) })
      .filter({ hasText: title });
  await item.getByRole("button", { name: /^Complete/ }).click();
  await item.getByLabel("Outcome").fill("Booked a recovery call with the champion for Tuesday.");
  await item.getByRole("button", { name: "Mark done" }).click();
  // That task leaves the open inbox (the account may have other open tasks).
  await expect(sameTask(list)).toHaveCount(0);

  await page.getByRole("navigation", { name: "Task views" }).getByRole("link", { name: /^Done/ }).click();
  await expect(page).toHaveURL(/view=done/);
  const done = taskList(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: account, exact: true }) });
  await expect(done).toContainText("Booked a recovery call with the champion for Tuesday.");
  await snap(page, "tasks-done");
});

test("a manager finds the playbook's save plans and executive escalations in their inbox", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  await openInbox(page);
  const list = taskList(page);
  await expect(list.getByText("Executive involvement").first()).toBeVisible();
  await expect(list.getByText(/^Playbook: /).first()).toBeVisible();
  await expect(list.getByText(/^Why: Health \d+ \(red\)/).first()).toBeVisible();
});

test("an executive has no task inbox", async ({ page }) => {
  await signIn(page, "erin@bowtie.demo");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks", exact: true }),
  ).toHaveCount(0);
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
