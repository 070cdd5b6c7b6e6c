import { expect, test } from "@playwright/test";
import { signIn, snap } from "./helpers";

// The manager's weekly scorecard: 13 weeks of actuals, a new measurable whose goal the figures
// miss (marked off goal), a rock linked to a metric with its progress, CSV export and printing.
// Adds its own measurable and rock (names unique to this spec) and changes nothing else.

test("a manager reviews the weekly scorecard, adds an off-goal measurable and a metric-linked rock", async ({
  page,
}) => {
  await signIn(page, "manager@bowtie.demo");
  await expect(page).toHaveURL(/\/scorecard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Team scorecard" })).toBeVisible();

  const table = page.getByRole("table", { name: "Weekly scorecard" });
  const headers = table.getByRole("columnheader");
  // Measurable (with its goal and owner), 13 weeks (the last "This week"), trend.
  await expect(headers).toHaveCount(15);
  await expect(headers.nth(13)).toHaveText("This week so far");
  await expect(table.getByRole("row").filter({ hasText: "Unhealthy share (red + yellow)" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "NRR, trailing 12 months" }).getByRole("cell")).toHaveCount(15);
  await snap(page, "scorecard");

  // A stretch goal nobody meets: at least 100,000 accounts touched in a week.
  const title = `Accounts touched, stretch ${Date.now() % 100000}`;
  await page.getByLabel("Metric", { exact: true }).selectOption("accountsTouched");
  await page.getByLabel("Title (optional)").fill(title);
  await page.getByLabel("Goal (percent for % metrics)").fill("100000");
  await page.getByLabel("On goal when the value is", { exact: true }).last().selectOption("gte");
  await page.getByRole("button", { name: "Add measurable" }).click();
  await expect(page.getByText("Added to the scorecard.")).toBeVisible();

  const row = table.getByRole("row").filter({ hasText: title });
  await expect(row).toBeVisible();
  // The week under way is partial: shown, but not judged against a full week's goal.
  const thisWeek = row.getByRole("cell").nth(13);
  await expect(thisWeek).toHaveAttribute("data-goal", "partial");
  await expect(thisWeek).toContainText("(partial week)");
  const lastWeek = row.getByRole("cell").nth(12);
  await expect(lastWeek).toHaveAttribute("data-goal", "off");
  await expect(lastWeek).toContainText("(off goal)");
  await expect(row.getByTestId("measurable-goal")).toHaveText("Goal ≥ 100,000");

  // A rock linked to the unhealthy share, from 100% to 0%: progress is 1 − the share now.
  await page.getByText("Add a rock").click();
  const rockTitle = `Halve the unhealthy share ${Date.now() % 100000}`;
  await page.getByLabel("Rock", { exact: true }).last().fill(rockTitle);
  await page.getByLabel("Linked metric (optional)").last().selectOption("unhealthyShare");
  await page.getByLabel("Start value").last().fill("100");
  await page.getByLabel("Target value").last().fill("0");
  await page.getByRole("button", { name: "Add rock" }).click();
  await expect(page.getByText("Rock added.")).toBeVisible();

  const rock = page.getByRole("table", { name: "Rocks" }).getByRole("row").filter({ hasText: rockTitle });
  await expect(rock).toBeVisible();
  await expect(rock.getByTestId("rock-status")).toHaveText(/On track/);
  await expect(rock).toContainText("Unhealthy share (red + yellow): 100% → 0%, now");
  const bar = rock.getByRole("progressbar", { name: `${rockTitle}: progress` });
  const progress = Number(await bar.getAttribute("aria-valuenow"));
  expect(progress).toBeGreaterThan(0);
  expect(progress).toBeLessThan(100);
  await snap(page, "scorecard-rocks");

  // The table as CSV, and a print layout without navigation or controls.
  const csv = await page.request.get("/api/exports/scorecard");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\n")[0]).toMatch(/^measurable,metric,unit,window,owner,direction,goal,\d{4}-\d{2}-\d{2},/);
  expect(text).toContain(title);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Export CSV", exact: true })).toBeHidden();
  await expect(page.getByRole("button", { name: "Add measurable" })).toBeHidden();
  await expect(table).toBeVisible();
  await snap(page, "scorecard-print");
});

test("a manager sets an account's lifecycle stage by hand, then goes back to the derived one", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  await page.goto("/accounts");
  // The last account on the first page: other specs work the first rows.
  const link = page.getByRole("table", { name: "Accounts" }).getByRole("row").last().getByRole("link").first();
  const name = await link.innerText();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const stage = page.getByTestId("lifecycle-stage");
  const derived = (await stage.innerText()).trim();
  expect(derived).not.toContain("(manual)");
  const manual = derived === "Expansion" ? "adoption" : "expansion";
  const manualLabel = manual === "expansion" ? "Expansion" : "Adoption";

  await page.getByText("Set lifecycle stage").click();
  // The stage form (expansion deals on the page have stage selects too).
  const stageForm = page.locator("form", { has: page.locator("#stage-override") });
  await stageForm.getByLabel("Stage", { exact: true }).selectOption(manual);
  await stageForm.getByLabel("Reason", { exact: true }).fill("Signed the add-on ahead of the renewal");
  await page.getByRole("button", { name: "Save stage" }).click();
  await expect(stage).toHaveText(`${manualLabel} (manual)`);
  await expect(page.getByTestId("stage-override-note")).toContainText("Signed the add-on ahead of the renewal");
  await snap(page, "account-manual-stage");

  await stageForm.getByLabel("Stage", { exact: true }).selectOption("");
  await stageForm.getByLabel("Reason", { exact: true }).fill("Back to the rules");
  await page.getByRole("button", { name: "Save stage" }).click();
  await expect(stage).toHaveText(derived);
  await expect(page.getByTestId("stage-override-note")).toHaveCount(0);
});
