// Onboarding plans and QBRs as the CSM works them (issue 13): ticking onboarding items changes a
// milestone's status; a QBR is scheduled, its document generated, edited and printed to PDF; its
// .ics parses as a calendar; recording attendance raises the relationship score.
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import ICAL from "ical.js";
import { signIn, signOut, snap } from "./helpers";
import { addDays } from "../../lib/domain/dates";
import { clock } from "../../lib/clock";

const today = clock.today();
let apiKey = "";

async function createKey(page: Page): Promise<string> {
  await signIn(page, "admin@bowtie.demo");
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill("e2e onboarding");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  await signOut(page);
  return key;
}

const api = (request: APIRequestContext) => ({
  put: (path: string, data: unknown) =>
    request.put(`/api/v1${path}`, { data, headers: { authorization: `Bearer ${apiKey}` } }),
  get: (path: string) => request.get(`/api/v1${path}`, { headers: { authorization: `Bearer ${apiKey}` } }),
});

async function newAccount(
  request: APIRequestContext,
  externalId: string,
  name: string,
  segment: string,
  startedDaysAgo: number,
) {
  const res = await api(request).put(`/accounts/${externalId}`, {
    name,
    segment,
    arr: 240_000,
    seats: 80,
    contractStart: addDays(today, -startedDaysAgo),
    renewalDate: addDays(today, 300),
    purchasedFeatures: ["reports", "dashboards"],
    csmEmail: "priya@bowtie.demo",
  });
  expect(res.status()).toBeLessThan(300);
  await api(request).put(`/accounts/${externalId}/contacts/sponsor@${externalId}.test`, {
    name: "Sasha Sponsor",
    title: "VP Operations",
    execSponsor: true,
  });
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  apiKey = await createKey(page);
  await page.close();
});

/** A retry works on an account of its own, not on what the failed attempt left behind. */
function attemptKey(base: string, name: string, testInfo: TestInfo) {
  const attempt = testInfo.retry + testInfo.repeatEachIndex;
  return attempt === 0 ? { key: base, name } : { key: `${base}-${attempt}`, name: `${name} ${attempt + 1}` };
}

test("a CSM lands on My day and ticks onboarding items; a milestone's status changes", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { key, name } = attemptKey("e2e-onboard", "Northwind Onboarding", testInfo);
  await newAccount(page.request, key, name, "mid_market", 16);
  await signIn(page, "priya@bowtie.demo");
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1, name: "My day" })).toBeVisible();
  await snap(page, "my-day-1440");

  await page.goto(`/accounts/${key}`);
  const active = page.getByTestId("milestone-status-active");
  await expect(active).toHaveText("Behind"); // "Quick wins identified" was due on day 14
  await page.getByLabel("Quick wins identified").check();
  await expect(active).toHaveText("On track");
  const setup = page.getByTestId("milestone-status-technical_setup");
  await expect(setup).toHaveText("Behind");
  await page.getByTestId("milestone-technical_setup").getByRole("button", { name: "Mark reached" }).click();
  await expect(setup).toHaveText("Done");
  // Saved, not just shown: a reload derives the same statuses.
  await page.reload();
  await expect(page.getByTestId("milestone-status-active")).toHaveText("On track");
  await expect(page.getByLabel("Quick wins identified")).toBeChecked();
  await page.locator("#onboarding").scrollIntoViewIfNeeded();
  await snap(page, "onboarding-panel-1440");

  await page.goto("/onboarding");
  const board = page.getByRole("table", { name: "Onboarding board" });
  await expect(board.getByRole("row", { name: new RegExp(`${name}\\b`) })).toContainText("Done");
  await snap(page, "onboarding-board-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/accounts/${key}`);
  await expect(page.getByTestId("milestone-status-active")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await snap(page, "onboarding-account-390");
  await page.goto("/home");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await snap(page, "my-day-390");
});

test("a QBR is scheduled, its document generated, edited and printed to PDF; its .ics parses; attendance raises the relationship score", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { key, name } = attemptKey("e2e-qbr", "Contoso Enterprise", testInfo);
  await newAccount(page.request, key, name, "enterprise", 200);
  const relationship = async () => {
    const body = await (await api(page.request).get(`/accounts/${key}`)).json();
    return body.health.components.relationship.score as number | null;
  };
  await signIn(page, "priya@bowtie.demo");
  await page.goto(`/accounts/${key}`);
  const reviews = page.locator("#qbrs");
  await reviews.getByLabel("Date").fill(addDays(today, -1));
  await reviews.getByRole("button", { name: /Schedule QBR/ }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${key}/qbrs/\\d+$`));
  const id = page.url().split("/").pop();

  for (const title of [
    "Executive summary",
    "Business objectives against the success plan",
    "Product usage analysis",
    "Success stories and ROI",
    "Roadmap and next steps",
    "Q&A",
  ])
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(title.replace(/[&?]/g, ".")) })).toBeVisible();
  await expect(page.getByTestId("qbr-section-executive_summary")).toContainText("Contoso Enterprise");

  await page.getByRole("button", { name: "Edit document" }).click();
  await page.getByLabel("Q&A").fill("Sasha asked about the SSO roadmap. Owner: Priya, by Friday.");
  await page.getByRole("button", { name: "Save document" }).click();
  // The save has reached the database only when the page says so (the textarea already holds the words).
  await expect(page.getByRole("status").filter({ hasText: "Document saved" })).toBeVisible();
  await expect(page.getByTestId("qbr-section-qa")).toContainText("SSO roadmap");
  await page.reload();
  await expect(page.getByTestId("qbr-section-qa")).toContainText("SSO roadmap");
  await snap(page, "qbr-1440");

  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ path: "screenshots/qbr.pdf", format: "A4", printBackground: true });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  await page.emulateMedia({ media: "screen" });

  const ics = await page.request.get(`/api/qbrs/${id}/invite.ics`);
  expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
  expect(calendar.name).toBe("vcalendar");
  const vevent = calendar.getFirstSubcomponent("vevent");
  expect(vevent).not.toBeNull();
  const event = new ICAL.Event(vevent ?? undefined);
  expect(event.summary).toContain("Contoso Enterprise");
  expect(event.duration.toSeconds()).toBe(3600);
  expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:sponsor@${key}.test`]);

  await page.getByRole("button", { name: "Email the invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation" })).toContainText("outbox");

  const before = (await relationship()) ?? 0;
  await page.getByLabel(/Sasha Sponsor/).check();
  await page.getByRole("button", { name: "Record attendance" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Attendance recorded" })).toBeVisible();
  expect((await relationship()) ?? 0).toBeGreaterThan(before);

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await snap(page, "qbr-390");
});
