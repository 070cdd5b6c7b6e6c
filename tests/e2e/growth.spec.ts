import { expect, test, type Page } from "@playwright/test";
import { signIn, snap } from "./helpers";

const money = (text: string) => Number(text.replace(/[^0-9.]/g, ""));
const arrFact = (page: Page) => page.locator("dt", { hasText: /^ARR$/ }).locator("xpath=following-sibling::dd[1]");
const nrrStat = (page: Page) =>
  page.locator("dt", { hasText: "NRR, trailing 12 months" }).locator("xpath=following-sibling::dd[1]");

test("an AE opens an opportunity from a trigger, moves it through the stages and wins it: ARR and NRR move", async ({
  page,
}) => {
  await signIn(page, "sam@bowtie.demo");
  await page.goto("/expansion");
  await expect(page.getByRole("heading", { level: 1, name: "Expansion pipeline" })).toBeVisible();
  const nrrBefore = await nrrStat(page).innerText();
  await snap(page, "expansion-pipeline");
  const ready = page.getByTestId("expansion-ready").getByRole("listitem").first();
  await expect(ready).toContainText("Health above 80");
  await ready.getByRole("link").click();
  await expect(page.getByTestId("upsell-triggers")).toBeVisible();
  const arrBefore = money(await arrFact(page).innerText());

  await page.getByRole("button", { name: "Open opportunity from Health above 80" }).click();
  // The deal the trigger opened (the account may hold other seat deals).
  const deal = page.locator('[data-testid="expansion-deal"][data-deal-title="Seat expansion"]');
  await expect(deal.getByTestId("deal-stage")).toHaveText("Identified");
  const dealArr = money(await deal.locator(".tabular-nums").first().innerText());
  expect(dealArr).toBeGreaterThan(0);

  for (const [value, label] of [
    ["planning", "Planning"],
    ["proposal", "Proposal"],
    ["negotiation", "Negotiation"],
    ["won", "Won"],
  ]) {
    await page.getByLabel("Stage of Seat expansion", { exact: true }).selectOption(value);
    await page.getByRole("button", { name: "Move Seat expansion", exact: true }).click();
    await expect(deal.getByTestId("deal-stage")).toHaveText(label);
  }
  await expect.poll(async () => money(await arrFact(page).innerText())).toBe(arrBefore + dealArr);
  await snap(page, "expansion-account-won");

  // The won deal is on the board; NRR is recomputed from the ARR movements on each view (a deal this
  // small on one account does not move the book's NRR at one decimal: the integration test checks it).
  await page.goto("/expansion");
  await expect(nrrStat(page)).toHaveText(/%$/);
  expect(nrrBefore).toMatch(/%$/);
  await expect(page.getByTestId("stage-won")).toContainText("Seat expansion");
});

test("a manager reads the whitespace matrix ranked as seed 002 says: impact and a critical event first", async ({
  page,
}) => {
  await signIn(page, "manager@bowtie.demo");
  await page.goto("/whitespace");
  await expect(page.getByRole("heading", { level: 1, name: "Whitespace" })).toBeVisible();
  const first = page.getByTestId("ranked-cell").first();
  await expect(first).toContainText("Workflow Automation");
  // The best account's row: B (impact and an event) above C (impact, no event) above A (no impact).
  const row = page.getByTestId("matrix-row").first();
  const score = async (key: string) => money(await row.getByTestId(`cell-${key}`).locator("span").first().innerText());
  const [a, b, c] = [await score("insights"), await score("automation"), await score("data-sync")];
  expect(b).toBeGreaterThan(c);
  expect(c).toBeGreaterThan(a);
  expect(a).toBe(0);
  await page.getByText("How the score works").click();
  await expect(page.getByTestId("whitespace-formula")).toContainText("halves every 90 days");
  await snap(page, "whitespace-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snap(page, "whitespace-390");
  await page.goto("/expansion");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snap(page, "expansion-390");
});

test("a CSM logs a reference request and is warned at the per-quarter limit", async ({ page }) => {
  await signIn(page, "priya@bowtie.demo");
  await page.goto("/accounts");
  // The first account's row (the header row holds the sort links).
  await page.getByRole("table", { name: "Accounts" }).getByRole("row").nth(1).getByRole("link").first().click();
  await page.getByText("Log a reference request or other ask").click();
  const form = page.locator("#advocacy form");
  const result = form.getByTestId("advocacy-result");
  // The limit is 2 a quarter: the second ask of the same contact warns, a third is refused.
  for (const kind of ["reference", "case_study"]) {
    await form.getByLabel("Ask").selectOption(kind);
    await form.getByRole("button", { name: "Log ask" }).click();
    await expect(result.or(form.getByRole("alert"))).toBeVisible();
    if (await form.getByRole("alert").isVisible()) break;
  }
  await expect(result.or(form.getByRole("alert"))).toContainText(/2 of 2 times this quarter|limit is 2/);
  await form.getByLabel("Ask").selectOption("speaking");
  await form.getByRole("button", { name: "Log ask" }).click();
  await expect(form.getByRole("alert")).toContainText("the limit is 2");
  await snap(page, "advocacy-limit");
});

test("a feedback theme shows its ARR at stake", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  await page.goto("/voice");
  const first = page.getByTestId("feedback-theme").first();
  await expect(first).toBeVisible();
  expect(money(await first.getByTestId("arr-at-stake").innerText())).toBeGreaterThan(0);
  await snap(page, "voice-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snap(page, "voice-390");
});
