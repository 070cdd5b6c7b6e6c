import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/users";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Longer than other waits: a spec's first sign-in can queue behind the daily update the fresh
  // server starts with (embedded PGlite serves one statement at a time).
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 45_000 });
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Screenshots for reviewing how pages look (git-ignored folder). */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}
