import { expect, test } from "@playwright/test";
import { signIn, snap } from "./helpers";

// The admin sees the background job queue: today's daily update ran (once) with its results,
// and the recurring schedules. Nobody else reaches the page.
test("an admin sees today's daily update done under Settings → Jobs", async ({ page }) => {
  await signIn(page, "admin@bowtie.demo");
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Jobs" }).click();
  // The daily update's own row (not the quarter-hourly "Daily update check" that queues it).
  const dailyDone = () =>
    page
      .getByTestId("job-row")
      .filter({ has: page.getByRole("cell", { name: "Daily update", exact: true }) })
      .filter({ hasText: "Done" });
  await expect(page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
  // The server queued the daily update when it started; it may still be running.
  await expect(async () => {
    await page.reload();
    await expect(dailyDone()).toHaveCount(1);
  }).toPass({ timeout: 90_000 });
  await expect(dailyDone()).toContainText("rescored:");
  await expect(page.getByText("Every 15 minutes: queues today's daily update")).toBeVisible();
  await snap(page, "jobs-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await snap(page, "jobs-390");
});

test("a manager cannot open the jobs page", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  const response = await page.goto("/settings/jobs");
  expect(response?.status()).toBe(403);
});
