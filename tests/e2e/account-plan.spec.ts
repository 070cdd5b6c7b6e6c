import { expect, test } from "@playwright/test";
import { signIn, snap } from "./helpers";

// A CSM writes the account plan of one of their accounts, changes it, and reads who changed what.
test("a CSM edits the account plan and sees its version history", async ({ page }) => {
  await signIn(page, "priya@bowtie.demo");
  await page.goto("/accounts");
  await page.getByRole("table", { name: "Accounts" }).getByRole("row").nth(1).getByRole("link").first().click();
  await page.getByRole("link", { name: "Account plan" }).click();
  await expect(page.getByRole("heading", { name: /^Account plan:/ })).toBeVisible();
  await expect(page.getByTestId("plan-status")).toHaveText("Not written yet.");

  await page.getByLabel("Impact").fill("Saves two analysts: $180,000 a year");
  await page.getByLabel("Date", { exact: true }).fill("2027-03-31");
  await page.getByLabel("Reason").fill("Audit deadline");
  await page.getByRole("button", { name: "Add stakeholder" }).click();
  const stakeholder = page.getByRole("group", { name: "Stakeholder 1" });
  await stakeholder.getByLabel("Name").fill("Dana Ruiz");
  await stakeholder.getByLabel("Role").fill("CFO");
  await stakeholder.getByLabel("Influence").selectOption("high");
  await stakeholder.getByLabel("What matters to them").fill("Audit-ready reporting");
  await page.getByRole("button", { name: "Add next step" }).click();
  const step = page.getByRole("group", { name: "Next step 1" });
  await step.getByLabel("Action").fill("Send the ROI summary");
  await step.getByLabel("Owner").fill("Priya");
  await step.getByLabel("Due date").fill("2027-01-15");
  await page.getByRole("button", { name: "Save plan" }).click();

  const history = page.getByTestId("plan-versions");
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Version 1");
  await expect(history).toContainText("by Priya Shah");
  await expect(page.getByTestId("plan-status")).toContainText("Version 1");

  await page.getByLabel("Impact").fill("Saves three analysts: $270,000 a year");
  await page.getByRole("button", { name: "Add risk" }).click();
  await page.getByRole("group", { name: "Risk 1" }).getByLabel("Risk", { exact: true }).fill("Champion may leave");
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("Changed impact, risks");
  await expect(page.getByLabel("Impact")).toHaveValue("Saves three analysts: $270,000 a year");

  // A stakeholder without a name is refused with the row named, and nothing is saved.
  await page.getByRole("button", { name: "Add stakeholder" }).click();
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Stakeholder 2, name");
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "Remove stakeholder 2" }).click();

  await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, "account-plan-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await snap(page, "account-plan-390");
});
