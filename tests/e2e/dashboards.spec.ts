import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn, snap } from "./helpers";

const STAGES = [
  ["Onboarding", "onboarding"],
  ["Adoption", "adoption"],
  ["Value realization", "value-realization"],
  ["Expansion", "expansion"],
  ["Renewal", "renewal"],
] as const;

const accountsTable = (page: Page) => page.getByRole("table", { name: "Accounts in this stage" });
const card = (page: Page, title: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
const arrOf = async (page: Page, row: number) =>
  Number(
    (await accountsTable(page).getByRole("row").nth(row).getByRole("cell").nth(2).innerText()).replace(/[$,]/g, ""),
  );

/** Clicks a download link and returns the file's first line. */
async function downloadHeader(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await download.path();
  return (await readFile(path, "utf8")).split(/\r?\n/)[0];
}

test("a manager walks the lifecycle-stage dashboards, sorts the renewal accounts and exports them", async ({
  page,
}) => {
  await signIn(page, "manager@bowtie.demo");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboards" }).click();
  await expect(page).toHaveURL(/\/dashboards\/onboarding$/);

  for (const [label, slug] of STAGES) {
    await page
      .getByRole("navigation", { name: "Lifecycle stages" })
      .getByRole("link", { name: label, exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`/dashboards/${slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: `${label} dashboard` })).toBeVisible();
    await expect(page.locator(".recharts-wrapper > svg.recharts-surface").first()).toBeVisible();
    await expect(accountsTable(page).or(page.getByText(/No accounts are in .* right now/))).toBeVisible();
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    await snap(page, `dashboard-${slug}`);
  }

  // Renewal accounts by ARR, largest first, then smallest first: sorted on the server.
  await page.getByRole("columnheader", { name: /ARR/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=arr/);
  await expect(page.getByRole("columnheader", { name: /ARR/ })).toHaveAttribute("aria-sort", "descending");
  expect(await arrOf(page, 1)).toBeGreaterThanOrEqual(await arrOf(page, 2));
  await page.getByRole("columnheader", { name: /ARR/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=arr&dir=asc/);
  await expect(page.getByRole("columnheader", { name: /ARR/ })).toHaveAttribute("aria-sort", "ascending");
  expect(await arrOf(page, 1)).toBeLessThanOrEqual(await arrOf(page, 2));

  const header = await downloadHeader(page, page.getByRole("link", { name: "Export CSV" }));
  expect(header).toBe("external_id,name,segment,band,health_score,arr,csm,days_to_renewal,forecast");
});

test("an executive reads the portfolio's four charts, downloads one, and prints a dashboard", async ({ page }) => {
  await signIn(page, "erin@bowtie.demo");
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  for (const title of ["Health mix over time", "ARR by health band", "NRR and GRR", "Churned ARR by reason"]) {
    await expect(card(page, title).locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  }
  // The stacked health mix has one area per band.
  await expect(card(page, "Health mix over time").locator(".recharts-area")).toHaveCount(4);
  await snap(page, "portfolio");

  const header = await downloadHeader(page, page.getByRole("link", { name: "Download Churned ARR by reason as CSV" }));
  expect(header).toBe("reason,accounts,churned_arr");
  expect(await downloadHeader(page, page.getByRole("link", { name: "Download Health mix over time as CSV" }))).toBe(
    "week_ending,snapshot_date,red,yellow,green,purple",
  );

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await snap(page, "portfolio-print");
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboards" }).click();
  await page.getByRole("navigation", { name: "Lifecycle stages" }).getByRole("link", { name: "Expansion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Expansion dashboard" })).toBeVisible();
  await expect(card(page, "Expansion triggers").locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  await expect(accountsTable(page)).toBeVisible();
  const header2 = await downloadHeader(page, page.getByRole("link", { name: "Export CSV" }));
  expect(header2).toBe("external_id,name,segment,band,health_score,arr,csm,open_expansion_arr,open_expansion_deals");
});

test("account executives have no stage dashboards", async ({ page }) => {
  await signIn(page, "sam@bowtie.demo");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboards" })).toHaveCount(0);
  const response = await page.request.get("/api/exports/stage/renewal");
  expect(response.status()).toBe(403);
});
