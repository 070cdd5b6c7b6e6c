import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn, snap } from "./helpers";

const bucket = (page: Page, label: string) => page.getByRole("list", { name: label });
const expectedTotal = (page: Page, label: string) =>
  page.getByRole("definition").and(page.locator(`dl[aria-label="${label} totals"] div:nth-child(3) dd`));
const scoreOf = async (card: Locator) => Number((await card.getByTestId(/^health-/).innerText()).split("·")[0].trim());

test("an AE works the pipeline: buckets, a one-click forecast that moves totals and health, an outcome", async ({
  page,
}) => {
  await signIn(page, "sam@bowtie.demo");
  await expect(page.getByRole("heading", { level: 1, name: "Renewal pipeline" })).toBeVisible();
  for (const label of ["0–30 days · contract", "31–60 days · proposal", "61–90 days · initial conversation"]) {
    await expect(bucket(page, label).getByRole("listitem").first()).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Later" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Overdue" })).toBeVisible();
  // AEs see their own book by default.
  for (const owner of await page.getByText(/^AE /).allInnerTexts()) expect(owner).toContain("Sam");
  await snap(page, "renewals-pipeline");

  // A forecast flip that moves the renewal-likelihood measure by 75 points either way.
  const label = "0–30 days · contract";
  const card = bucket(page, label)
    .getByRole("article")
    .filter({ has: page.getByRole("button", { pressed: true }) })
    .first();
  const name = await card.getByRole("link").first().innerText();
  const mine = bucket(page, label).getByRole("article", { name });
  const current = await mine.getByRole("button", { pressed: true }).innerText();
  const next = current === "Commit" || current === "Likely" ? "Lost" : "Commit";
  const totalBefore = await expectedTotal(page, label).innerText();
  const scoreBefore = await scoreOf(mine);
  await mine.getByRole("button", { name: next }).click();
  await expect(mine.getByRole("button", { name: next })).toHaveAttribute("aria-pressed", "true");
  await expect(expectedTotal(page, label)).not.toHaveText(totalBefore);
  await expect.poll(() => scoreOf(mine)).not.toBe(scoreBefore);

  // Record a flat renewal on another card: it leaves the pipeline for next year's.
  const other = bucket(page, label)
    .getByRole("article")
    .filter({ hasNot: page.getByRole("link", { name, exact: true }) })
    .first();
  const otherName = await other.getByRole("link").first().innerText();
  const target = bucket(page, label).getByRole("article", { name: otherName });
  await target.getByText("Record outcome").click();
  await target.getByLabel("Outcome").selectOption("renewed");
  await target.getByRole("button", { name: "Save outcome" }).click();
  await expect(bucket(page, label).getByRole("article", { name: otherName })).toHaveCount(0);
  await snap(page, "renewals-after-outcome");
});
