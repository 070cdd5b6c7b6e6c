import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/users";
import { snap } from "./helpers";

// Issue 12, first slice: the app works on a phone (390 × 844) and keeps its sidebar on a laptop.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const menuButton = (page: Page) => page.getByRole("button", { name: "Menu" });
const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** Signs in on a phone-sized screen, where the user's name sits in the (closed) menu. */
async function signInOnPhone(page: Page, email: string) {
  await page.goto("/sign-in");
  await expectNoSidewaysScroll(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(menuButton(page)).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(overflow.scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(overflow.innerWidth + 1);
}

async function openMenu(page: Page) {
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
  await menuButton(page).click();
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
  await expect(mainNav(page)).toBeVisible();
}

/** Opens the menu, follows a link, and checks the menu closed and the page fits the screen. */
async function navigate(page: Page, link: string, path: RegExp, heading: string | RegExp) {
  await openMenu(page);
  await mainNav(page).getByRole("link", { name: link }).click();
  await expect(page).toHaveURL(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
  await expect(mainNav(page)).toBeHidden();
  await expectNoSidewaysScroll(page);
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("a CSM uses the menu and no page scrolls sideways", async ({ page }) => {
    await signInOnPhone(page, "priya@bowtie.demo");
    await expect(page).toHaveURL(/\/home$/);
    await expect(mainNav(page)).toBeHidden();
    await expectNoSidewaysScroll(page);
    await snap(page, "responsive-accounts-390");

    // The signed-in user is shown once, inside the menu.
    await openMenu(page);
    await expect(page.getByTestId("current-user")).toHaveText("Priya Shah");
    await expect(page.getByTestId("current-role")).toHaveText("CSM");
    await snap(page, "responsive-menu-390");

    // Escape closes the menu and gives focus back to the button.
    await page.keyboard.press("Escape");
    await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
    await expect(menuButton(page)).toBeFocused();
    await expect(mainNav(page)).toBeHidden();

    // The keyboard opens it too, and Tab moves from the button into the menu.
    await page.keyboard.press("Enter");
    await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab");
    await expect(mainNav(page).getByRole("link").first()).toBeFocused();
    await page.keyboard.press("Escape");

    await navigate(page, "Tasks", /\/tasks$/, /Tasks/);
    await navigate(page, "My accounts", /\/accounts$/, "My accounts");

    // An account page: the wide tables scroll in their own box, not the page.
    await page.getByRole("table", { name: "Accounts" }).getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/accounts\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await snap(page, "responsive-account-390");
  });

  test("an account executive's renewals fit the screen", async ({ page }) => {
    await signInOnPhone(page, "sam@bowtie.demo");
    await expect(page).toHaveURL(/\/renewals$/);
    await expect(page.getByRole("heading", { level: 1, name: "Renewal pipeline" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await snap(page, "responsive-renewals-390");
  });

  test("a manager reaches the scorecard through the menu", async ({ page }) => {
    await signInOnPhone(page, "manager@bowtie.demo");
    await navigate(page, "My accounts", /\/accounts$/, /accounts/i);
    await navigate(page, "Scorecard", /\/scorecard$/, "Team scorecard");
    // The scorecard table scrolls inside a labelled region the keyboard can reach.
    const scroller = page.getByRole("region", { name: "Weekly scorecard (scrollable)" });
    await expect(scroller).toHaveAttribute("tabindex", "0");
    await snap(page, "responsive-scorecard-390");
  });

  for (const { email, paths } of [
    { email: "admin@bowtie.demo", paths: ["/settings", "/settings/health", "/settings/import", "/former-customers"] },
    { email: "erin@bowtie.demo", paths: ["/dashboard", "/dashboards", "/renewals/forecast"] },
  ]) {
    test(`${email}'s other pages fit the screen too`, async ({ page }) => {
      await signInOnPhone(page, email);
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSidewaysScroll(page);
      }
    });
  }

  test("the skip link is the first stop and moves focus to the content", async ({ page }) => {
    await signInOnPhone(page, "priya@bowtie.demo");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });
});

test.describe("on a laptop", () => {
  test.use({ viewport: DESKTOP });

  test("the sidebar is always shown and there is no menu button", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("priya@bowtie.demo");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    await expect(mainNav(page)).toBeVisible();
    await expect(menuButton(page)).toBeHidden();
    await expectNoSidewaysScroll(page);
    await snap(page, "responsive-accounts-1440");
  });
});
