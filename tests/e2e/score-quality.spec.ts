import { expect, test, type Page } from "@playwright/test";
import { signIn, snap } from "./helpers";

// Score quality: a manager reads how well the health score predicted the demo's closed renewals
// (the demo seed runs the first backtest), at two widths; an account page says what its band has
// meant; an admin applies the suggested weights as a new model version.

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth + 1);
}

test("a manager reads the score's backtest by horizon and segment, and an account's band meaning", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "manager@bowtie.demo");
  await page.getByRole("link", { name: "Score quality" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Score quality" })).toBeVisible();
  // The server runs the first backtest when it starts; run one now so this test need not wait for it.
  await page.getByRole("button", { name: "Run backtest now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible({ timeout: 90_000 });
  // The model's version: 0 for the shipped weights, more if an earlier spec saved the model.
  await expect(page.getByText(/closed renewals, health model version \d+/)).toBeVisible();

  // Headline figures and the charts of the 90-day horizon over all segments.
  const auc = page.locator("dt", { hasText: /^AUC$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(auc).toHaveText(/^0\.\d\d$/);
  await expect(page.getByText(/95% interval 0\.\d\d–[01]\.\d\d/)).toBeVisible();
  await expect(page.getByRole("img", { name: /ROC curve, AUC 0\.\d\d/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Red: \d+%, Yellow: \d+%/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Measures ranked by AUC" }).getByRole("row")).toHaveCount(16);
  await expect(page.getByRole("img", { name: "AUC by quarter of renewal" })).toBeVisible();
  await expect(page.getByRole("table", { name: "AUC by segment" }).getByRole("row")).toHaveCount(5);
  // A manager sees the suggestion but cannot apply it.
  await expect(page.getByRole("heading", { name: "Suggested weights" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply suggested weights" })).toHaveCount(0);
  await snap(page, "score-quality-1440");

  // Enterprise renewals alone are few: the page says the figures are fragile.
  await page.getByRole("navigation", { name: "Segment" }).getByRole("link", { name: "Enterprise" }).click();
  await expect(page).toHaveURL(/segment=enterprise/);
  await expect(page.getByRole("note").filter({ hasText: "Small sample." })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Days before renewal" })
    .getByRole("link", { name: "30 days before" })
    .click();
  await expect(page).toHaveURL(/horizon=30&segment=enterprise/);
  await expect(
    page.getByRole("navigation", { name: "Days before renewal" }).getByRole("link", { name: "30 days before" }),
  ).toHaveAttribute("aria-current", "true");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/score-quality");
  await expect(page.getByRole("heading", { level: 1, name: "Score quality" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await snap(page, "score-quality-390");

  // The reddest account says how often red accounts were lost.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/accounts?band=red");
  await page.getByRole("table", { name: "Accounts" }).getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByTestId("band-meaning")).toHaveText(
    /^Red accounts churned or downgraded \d+% of the time at 90 days before renewal \(\d+ past (Enterprise |Mid-Market |SMB )?renewals\)\.$/,
  );
  await snap(page, "account-band-meaning");
});

test("an admin applies the suggested weights as a new model version", async ({ page }) => {
  await signIn(page, "admin@bowtie.demo");
  await page.goto("/score-quality");
  const card = page.locator("#suggested-weights");
  const versionLine = await page
    .getByText(/health model version \d+/)
    .first()
    .innerText();
  const version = Number(/health model version (\d+)/.exec(versionLine)?.[1]);
  await expect(card.getByTestId("auc-current")).toHaveText(/^0\.\d\d$/);
  await expect(card.getByTestId("auc-suggested")).toHaveText(/^0\.\d\d$/);
  const suggested = Number(await card.getByTestId("suggested-engagement").innerText());

  // Not without confirming.
  await card.getByRole("button", { name: "Apply suggested weights" }).click();
  await expect(card.getByRole("alert")).toContainText("Tick the box to confirm the new weights.");
  await card.getByRole("checkbox").check();
  await card.getByRole("button", { name: "Apply suggested weights" }).click();
  await expect(card.getByRole("status")).toContainText("Applied as a new model version", { timeout: 60_000 });
  await snap(page, "score-quality-applied");

  await page.goto("/settings/health");
  await expect(page.getByLabel("Engagement weight")).toHaveValue(String(suggested));

  // The next run judges the new version, and finds the model already uses the suggestion.
  await page.goto("/score-quality");
  await page.getByRole("button", { name: "Run backtest now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible({ timeout: 60_000 });
  await page.reload();
  await expect(page.getByText(new RegExp(`health model version ${version + 1}\\b`))).toBeVisible();
  await expect(page.locator("#suggested-weights")).toContainText("The model already uses these weights.");

  // Back to the shipped weights, so later specs see the model they expect.
  await page.goto("/settings/health");
  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await page.getByRole("button", { name: "Save and rescore all accounts" }).click();
  await expect(page.getByRole("status").filter({ hasText: /./ }).last()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel("Engagement weight")).toHaveValue("40");
});

test("an admin gives SMB its own model, and Score quality compares it with the default model", async ({ page }) => {
  await signIn(page, "admin@bowtie.demo");
  await page.goto("/settings/health");
  const smbTab = page.getByRole("group", { name: "Model to edit" }).getByRole("button", { name: /^SMB/ });
  await expect(smbTab).toContainText("default");
  await smbTab.click();
  await expect(page.getByText("SMB accounts are scored with the default model.")).toBeVisible();
  await page.getByRole("button", { name: "Give SMB its own model" }).click();
  await expect(smbTab).toContainText("own model");
  for (const [label, value] of [
    ["Engagement weight", "70"],
    ["Product weight", "10"],
    ["Relationship weight", "10"],
    ["Business weight", "10"],
  ])
    await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Save and rescore all accounts" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved\. \d+ accounts rescored\.$/ })).toBeVisible({
    timeout: 60_000,
  });
  // The default model keeps its weights.
  await page.getByRole("group", { name: "Model to edit" }).getByRole("button", { name: "Default model" }).click();
  await expect(page.getByLabel("Engagement weight")).toHaveValue("40");
  await snap(page, "health-model-segments");

  await page.goto("/score-quality?segment=smb");
  await page.getByRole("button", { name: "Run backtest now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible({ timeout: 90_000 });
  await page.reload();
  const comparison = page.getByRole("table", { name: "Segment model against the default model" });
  await expect(comparison.getByRole("row")).toHaveCount(2);
  await expect(comparison.getByRole("row").nth(1)).toContainText(/SMB\s*\d+ \(\d+ lost\)/);
  await expect(page.getByTestId("model-difference-smb")).toHaveText(/^[+−]0\.\d\d$/);
  await expect(page.getByRole("button", { name: "Apply to SMB" })).toBeVisible();
  await snap(page, "score-quality-segment-model");

  // Back to one model, so later specs see the model they expect.
  await page.goto("/settings/health");
  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await page.getByRole("button", { name: "Save and rescore all accounts" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved\./ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("group", { name: "Model to edit" }).getByRole("button", { name: /^SMB/ })).toContainText(
    "default",
  );
});
