import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../lib/demo/users";
import { signIn, signOut, snap } from "./helpers";

// One account through churn → offboarding → former customers → win-back. It is the last card of
// Sam's "Later" bucket (the renewal furthest out), which no other browser test works with.

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test("an AE's churn starts the offboarding, the CSM completes it, a manager wins the customer back", async ({
  page,
}) => {
  await signIn(page, "sam@bowtie.demo");
  const later = page.getByRole("list", { name: "Later" });
  const card = later.getByRole("article").last();
  const name = await card.getByRole("link").first().innerText();
  const href = await card.getByRole("link").first().getAttribute("href");
  const csmName = (await card.getByText(/^AE /).innerText()).match(/CSM (.+?) ·/)?.[1];
  const csm = DEMO_USERS.find((u) => u.name === csmName);
  expect(csm, `the CSM of ${name}`).toBeDefined();

  // The AE records the churn on the renewal card and lands on the checklist.
  const mine = later.getByRole("article", { name });
  await mine.getByText("Record outcome").click();
  await mine.getByLabel("Outcome").selectOption("churned");
  await mine.getByLabel("Churn reason (if churned)").selectOption("competitor");
  await mine.getByRole("button", { name: "Save outcome" }).click();
  await expect(page).toHaveURL(/\/offboarding$/);
  await expect(page.getByRole("heading", { level: 1, name: `Offboarding: ${name}` })).toBeVisible();
  await expect(page.getByTestId("account-status")).toHaveText("Offboarding");
  const checklist = page.getByRole("list", { name: "Offboarding checklist" });
  await expect(checklist.getByRole("listitem")).toHaveCount(8);
  await signOut(page);

  // The CSM who owns the account records the facts and ticks every item.
  await signIn(page, csm?.email ?? "");
  await nav(page).getByRole("link", { name: "Former customers" }).click();
  const row = page.getByRole("row", { name });
  await expect(row.getByTestId("account-status")).toHaveText("Offboarding");
  await row.getByRole("link", { name: new RegExp(`0/8 done`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Offboarding: ${name}` })).toBeVisible();
  await expect(page.getByLabel("Moved to a competitor")).toBeChecked();
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Access-off date (agreed with finance and legal)").fill(today);
  await page.getByLabel("Product gap").check();
  await page
    .getByLabel("Exit interview notes")
    .fill("Chose a cheaper tool with a native ERP connector; open to a call next year.");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Offboarding details saved." })).toBeVisible();
  await snap(page, "offboarding-checklist");

  const boxes = page.getByRole("list", { name: "Offboarding checklist" }).getByRole("checkbox");
  for (let i = 0; i < 8; i++) {
    const box = boxes.nth(i);
    await expect(box).toBeEnabled();
    await box.click();
    await expect(box).toBeChecked();
    if (i < 7) await expect(boxes.nth(7)).toBeEnabled(); // saved: the list is interactive again
  }
  await expect(page.getByTestId("account-status")).toHaveText("Churned");
  await expect(page.getByRole("list", { name: "Circulated churn reasons" }).getByRole("listitem")).toHaveText([
    "Product gap",
    "Moved to a competitor",
  ]);
  await snap(page, "offboarding-complete");

  await nav(page).getByRole("link", { name: "Former customers" }).click();
  await expect(row.getByTestId("account-status")).toHaveText("Churned");
  await expect(row).toContainText("Product gap");
  await expect(row.getByText("Reactivate")).toHaveCount(0); // a manager's call
  await snap(page, "former-customers");
  await signOut(page);

  // A manager reactivates it with a new contract: it leaves the list and is active again.
  await signIn(page, "manager@bowtie.demo");
  await nav(page).getByRole("link", { name: "Former customers" }).click();
  await row.locator("summary", { hasText: "Reactivate" }).click();
  await row.getByLabel("Seats").fill("40");
  await row.getByLabel("ARR (USD)").fill("60000");
  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("row", { name })).toHaveCount(0);

  await page.goto(href ?? "/");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("account-status")).toHaveCount(0);
  await expect(page.locator("summary", { hasText: "Record termination" })).toBeVisible(); // offered for active accounts only
  await expect(page.getByText("$60,000").first()).toBeVisible();
  await snap(page, "offboarding-reactivated");

  // The forecast tab of the renewals area.
  await nav(page).getByRole("link", { name: "Renewals" }).click();
  await page.getByRole("navigation", { name: "Renewal views" }).getByRole("link", { name: "Forecast" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Renewal forecast" })).toBeVisible();
  await expect(page.getByText(/^Forecast GRR, Q\d \d{4}$/)).toBeVisible();
  await expect(page.getByRole("table", { name: "ARR due by forecast" }).getByRole("row")).toHaveCount(7);
  await expect(page.getByRole("table", { name: "At-risk renewals" }).getByRole("row").nth(1)).toBeVisible();
  await snap(page, "renewals-forecast");
});
