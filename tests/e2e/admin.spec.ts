import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, snap } from "./helpers";

// The administration a team needs (users, reassignment, read-only and team views) and the
// account page's renewal, score movement and danger actions, each as the role that uses it.

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const NEW_USER = { name: "Tess Temp", email: "tess.temp@bowtie.demo" };

async function both(page: Page, name: string) {
  await snap(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
});

test("an admin adds a user, resets their password, and deactivating them ends their session at once", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@bowtie.demo");
  await page.goto("/settings");
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row", { name: /Ada Lindqvist/ })).not.toContainText("Never"); // signed in just now
  await page.getByLabel("Name").fill(NEW_USER.name);
  await page.getByLabel("Email").fill(NEW_USER.email);
  await page.getByLabel("Role", { exact: true }).selectOption("csm");
  await page.getByLabel("Initial password").fill("a long initial passphrase");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added ${NEW_USER.name}.` })).toBeVisible();
  const row = users.getByRole("row", { name: new RegExp(NEW_USER.name) });
  await expect(row).toContainText("Never");

  // A typed password the policy refuses, then a generated one shown once.
  await row.getByText("Reset password").first().click();
  await row.getByLabel("Temporary password").fill("password1234");
  await row.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByText("That password is too common")).toBeVisible();
  await row.getByLabel("Temporary password").fill("");
  await row.getByRole("button", { name: "Reset password" }).click();
  const generated = (await row.getByTestId("generated-password").innerText()).trim();
  expect(generated).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  await both(page, "settings-users");

  // The new CSM signs in with it in another browser.
  const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const theirs = await other.newPage();
  await signIn(theirs, NEW_USER.email, generated);
  await expect(theirs.getByRole("heading", { level: 1, name: "My day" })).toBeVisible();

  // Deactivated: their open session ends on the next request, and they cannot sign in again.
  await row.getByRole("button", { name: `Deactivate ${NEW_USER.name}` }).click();
  await expect(row).toContainText("Deactivated");
  await theirs.goto("/tasks");
  await expect(theirs).toHaveURL(/\/sign-in/);
  await theirs.getByLabel("Email").fill(NEW_USER.email);
  await theirs.getByLabel("Password").fill(generated);
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await expect(theirs.getByTestId("current-user")).toHaveCount(0);

  // Reactivated for the reassignment test; the admin cannot demote the last admin (themselves).
  await row.getByRole("button", { name: `Reactivate ${NEW_USER.name}` }).click();
  await expect(row).toContainText("Active");
  await other.close();
});

test("a manager reassigns one account on its page, then moves the whole book back", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  await page.goto("/accounts?sort=name");
  const first = page.getByRole("table", { name: "Accounts" }).getByRole("row").nth(1).getByRole("link").first();
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const facts = page.locator("dl").first();
  const csm = (await facts.locator("div", { hasText: /^CSM/ }).locator("dd").innerText()).trim();

  await page.getByText("Reassign CSM or AE").click();
  await page.getByLabel("New CSM").selectOption({ label: NEW_USER.name });
  await page.getByRole("button", { name: "Change CSM" }).click();
  await expect(page.getByRole("status").filter({ hasText: `to ${NEW_USER.name}.` })).toBeVisible();
  await expect(facts).toContainText(NEW_USER.name);

  await page.goto("/accounts");
  await page.getByRole("link", { name: "Reassign accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reassign accounts" })).toBeVisible();
  await page.getByLabel("From CSM").selectOption({ label: `${NEW_USER.name} · 1 account` });
  await page.getByLabel("To CSM").selectOption({ label: csm });
  await both(page, "reassign");
  await page.getByRole("button", { name: "Move the book" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: new RegExp(`^Moved 1 account and \\d+ open tasks? to ${csm}\\.$`) }),
  ).toBeVisible();
  await page.goto("/accounts?sort=name");
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page.locator("dl").first()).toContainText(csm);
});

test("a manager sees the team's open tasks by owner, the most overdue first", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  await nav(page).getByRole("link", { name: "Tasks", exact: true }).click();
  await page.getByRole("navigation", { name: "Task views" }).getByRole("link", { name: /^Team/ }).click();
  await expect(page).toHaveURL(/\/tasks\/team/);
  const groups = page.locator("main section[aria-labelledby^=owner-]");
  await expect(groups.first()).toBeVisible();
  const overdue = await groups.evaluateAll((sections) =>
    sections.map((s) => Number(/(\d+) overdue/.exec(s.querySelector("header")?.textContent ?? "")?.[1] ?? 0)),
  );
  expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
  await expect(groups.first().getByRole("list").getByRole("listitem").first()).toBeVisible();
  await both(page, "tasks-team");
});

test("an executive reads the account list without write actions, and the breadcrumb leads back to it", async ({
  page,
}) => {
  await signIn(page, "erin@bowtie.demo");
  await nav(page).getByRole("link", { name: "My accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "All accounts" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Reassign accounts" })).toHaveCount(0);
  await both(page, "accounts-executive");
  await page.getByRole("table", { name: "Accounts" }).getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Why this score" })).toBeVisible();
  await expect(page.getByLabel("Account actions")).toHaveCount(0);
  await expect(page.getByTestId("account-renewal").getByRole("button")).toHaveCount(0);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "All accounts" })).toBeVisible();
});

test("an AE filters to their own book, forecasts a renewal on the account page and sees the score move", async ({
  page,
}) => {
  await signIn(page, "sam@bowtie.demo");
  await page.goto("/accounts");
  await expect(page.getByRole("heading", { level: 1, name: "My accounts" })).toBeVisible();
  await expect(page.getByLabel("AE", { exact: true })).toHaveValue("");
  const mine = Number((await page.getByText(/^[\d,]+ accounts$/).innerText()).replace(/\D/g, ""));
  await page.getByLabel("AE", { exact: true }).selectOption("all");
  await expect(page.getByRole("heading", { level: 1, name: "All accounts" })).toBeVisible();
  const all = Number((await page.getByText(/^[\d,]+ accounts$/).innerText()).replace(/\D/g, ""));
  expect(mine).toBeGreaterThan(0);
  expect(all).toBeGreaterThan(mine);

  await page.goto("/accounts");
  await page.getByRole("table", { name: "Accounts" }).getByRole("row").nth(1).getByRole("link").first().click();
  const renewal = page.getByTestId("account-renewal");
  await expect(renewal.getByRole("group", { name: /^Forecast for/ })).toBeVisible();
  const forecasts = renewal.getByRole("group", { name: /^Forecast for/ }).getByRole("button");
  const current = await forecasts.evaluateAll((bs) => bs.findIndex((b) => b.getAttribute("aria-pressed") === "true"));
  await forecasts.nth(current === 0 ? 1 : 0).click();
  await expect(renewal.getByRole("status")).toHaveText(
    /^Forecast saved\. (Score unchanged at \d+|[+−]\d+: renewal likelihood)/,
  );
  await expect(renewal.getByText("Record outcome")).toBeVisible();
  await both(page, "account-ae");
});

test("termination is a danger action that needs the account's name typed", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  await page.goto("/accounts?sort=name");
  await page.getByRole("table", { name: "Accounts" }).getByRole("row").nth(2).getByRole("link").first().click();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeVisible();
  const name = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  await page.getByText("Record termination").click();
  const churn = page.getByRole("button", { name: "Churn this account" });
  await expect(churn).toBeDisabled();
  await page.getByLabel(`Type ${name} to confirm`).fill(name.toUpperCase() + "x");
  await expect(churn).toBeDisabled();
  await page.getByLabel(`Type ${name} to confirm`).fill(name);
  await expect(churn).toBeEnabled();
  await both(page, "account-termination");
  await signOut(page);
});
