import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../lib/demo/users";
import { signIn, signOut, snap } from "./helpers";

const HOMES = [
  { email: "priya@bowtie.demo", name: "Priya Shah", path: "/accounts", heading: "My accounts" },
  { email: "manager@bowtie.demo", name: "Morgan Reyes", path: "/scorecard", heading: "Team scorecard" },
  { email: "sam@bowtie.demo", name: "Sam Okafor", path: "/renewals", heading: "Renewal pipeline" },
  { email: "admin@bowtie.demo", name: "Ada Lindqvist", path: "/settings", heading: "Settings" },
  { email: "erin@bowtie.demo", name: "Erin Blake", path: "/dashboard", heading: "Portfolio" },
];

test("the sign-in page offers the demo users", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to your workspace" })).toBeVisible();
  for (const user of DEMO_USERS) await expect(page.getByText(user.email)).toBeVisible();
  await snap(page, "sign-in");
});

for (const home of HOMES) {
  test(`${home.email} signs in and lands on ${home.path}`, async ({ page }) => {
    await signIn(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
    await expect(page.getByTestId("current-user")).toHaveText(home.name);
    await snap(page, `home-${home.path.slice(1)}`);
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("priya@bowtie.demo");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/don't match/);
  await expect(page).toHaveURL(/\/sign-in/);
});

for (const path of ["/accounts", "/renewals", "/scorecard", "/settings", "/dashboard", "/accounts/anything"]) {
  test(`a signed-out visitor to ${path} is sent to sign-in`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await expect(page.getByRole("heading", { name: "Sign in to your workspace" })).toBeVisible();
  });
}

test("after signing in, the visitor returns to the page they asked for", async ({ page }) => {
  await page.goto("/renewals");
  await page.getByLabel("Email").fill("manager@bowtie.demo");
  await page.getByLabel("Password").fill("bowtie-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/renewals$/);
  await expect(page.getByRole("heading", { level: 1, name: "Renewal pipeline" })).toBeVisible();
});

test("a CSM who opens an admin page gets a clear 'not allowed' page", async ({ page }) => {
  await signIn(page, "diego@bowtie.demo");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to my home" })).toBeVisible();
  await snap(page, "forbidden");
});

test("an unknown page shows the 404 page", async ({ page }) => {
  await signIn(page, "priya@bowtie.demo");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "june@bowtie.demo");
  await signOut(page);
  await page.goto("/renewals");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});
