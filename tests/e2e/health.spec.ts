import { expect, test, type Page } from "@playwright/test";
import { signIn, snap } from "./helpers";

const scoreOf = async (page: Page) => Number((await page.getByTestId("health-score").innerText()).split("·")[0].trim());
const measureRow = (page: Page, key: string) => page.locator(`tr[data-measure="${key}"]`);

test("a CSM filters to red, reads why an account is red, and a sponsor touchpoint moves the score", async ({
  page,
}) => {
  await signIn(page, "priya@bowtie.demo");
  // A CSM lands on "My day"; the book is one click away.
  await page.goto("/accounts");
  await page.getByRole("navigation", { name: "Health bands" }).getByRole("link", { name: /^Red/ }).click();
  await expect(page).toHaveURL(/band=red/);
  const rows = page.getByRole("table", { name: "Accounts" }).getByRole("row");
  await expect(rows.nth(1)).toContainText("Red");
  await snap(page, "triage-red");

  // The reddest account whose sponsor engagement is not already perfect.
  await rows.nth(1).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Why this score" })).toBeVisible();
  for (const component of ["Engagement", "Product", "Relationship", "Business"]) {
    await expect(page.getByRole("region", { name: `${component} component` })).toBeVisible();
  }
  await expect(page.getByText(/the biggest detractor is/)).toBeVisible();
  const before = await scoreOf(page);
  expect(before).toBeLessThan(60);
  await snap(page, "account-red");

  // A new executive sponsor, then a meeting with them today.
  await page.getByText("Add or edit a contact").click();
  await page.getByLabel("Name").fill("Vera Sponsor");
  await page.getByLabel("Email", { exact: true }).fill("vera.sponsor@example.com");
  await page.getByLabel("Executive sponsor").check();
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contact saved." })).toBeVisible();

  await page.getByText("Log a touchpoint").click();
  await page.getByLabel("Type").selectOption("meeting");
  await page.getByRole("checkbox", { name: /Vera Sponsor/ }).check();
  await page.getByLabel("Notes", { exact: true }).fill("Exec alignment on the rollout plan");
  await page.getByRole("button", { name: "Log touchpoint" }).click();
  // The confirmation says how the score moved and why.
  await expect(
    page.getByRole("status").filter({ hasText: /^Touchpoint logged\. \+\d+: executive sponsor engagement \d+ → 100/ }),
  ).toBeVisible();

  await expect(measureRow(page, "exec_sponsor_engagement")).toContainText("0 days");
  await expect(measureRow(page, "exec_sponsor_engagement")).toContainText("100.0");
  await expect.poll(() => scoreOf(page)).toBeGreaterThan(before);
  await expect(page.getByText("Exec alignment on the rollout plan", { exact: true })).toBeVisible();
});

test("an admin changes the weights and scores move", async ({ page }) => {
  await signIn(page, "admin@bowtie.demo");
  const healthColumn = async () => {
    await page.goto("/accounts?sort=name");
    const cells = page.getByRole("table", { name: "Accounts" }).getByRole("row").locator("td:nth-child(2)");
    await expect(cells.first()).toBeVisible(); // the table streams in after the loading state
    return cells.allInnerTexts();
  };
  const before = await healthColumn();

  await page.goto("/settings/health");
  // A mild shift, so the rest of the suite's demo (its red accounts and their tasks) stays recognisable.
  // Both fields set explicitly, so a retry after a save starts from the same totals.
  await page.getByLabel("Engagement weight").fill("35");
  await page.getByLabel("Product weight").fill("30");
  await page.getByRole("button", { name: "Save and rescore all accounts" }).click();
  await expect(page.getByText("Weights must sum to 100")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Total 95 / 100" })).toBeVisible();
  await page.getByLabel("Product weight").fill("35");
  await page.getByRole("button", { name: "Save and rescore all accounts" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved\. \d+ accounts rescored\./ })).toBeVisible({
    timeout: 60_000,
  });
  await snap(page, "settings-health");

  const after = await healthColumn();
  expect(after).toHaveLength(before.length);
  expect(after).not.toEqual(before);
  await page.getByRole("table", { name: "Accounts" }).getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByText("Product · weight 35")).toBeVisible();

  // Put the defaults back for the tests that follow.
  await page.goto("/settings/health");
  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await page.getByRole("button", { name: "Save and rescore all accounts" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved\./ })).toBeVisible({ timeout: 60_000 });
});
