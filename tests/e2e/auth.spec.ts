import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../lib/demo/users";
import { signIn, signOut, snap } from "./helpers";

const HOMES = [
  { email: "priya@bowtie.demo", name: "Priya Shah", path: "/home", heading: "My day" },
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

test("a CSM who opens an admin page gets a clear 'not allowed' page, with a 403", async ({ page }) => {
  await signIn(page, "diego@bowtie.demo");
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(403);
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

// Access and existence are decided before a page streams (layouts above the loading
// boundaries), so browsers, crawlers and monitors see honest statuses, not a 200 for every page.
test("role-gated pages answer 403 to roles without access", async ({ page }) => {
  await signIn(page, "erin@bowtie.demo");
  for (const path of ["/tasks", "/reassign", "/settings/api-keys"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  const allowed = await page.goto("/renewals");
  expect(allowed?.status()).toBe(200);
});

test("an unknown account, its offboarding page and an unknown dashboard answer 404", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  for (const path of [
    "/accounts/no-such-account",
    "/accounts/no-such-account/offboarding",
    "/dashboards/no-such-stage",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  }
  // A known account still streams its page with a 200.
  await page.goto("/accounts");
  const link = page.getByRole("main").getByRole("table").getByRole("link").first();
  const href = await link.getAttribute("href");
  const known = await page.goto(href ?? "/accounts");
  expect(known?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a malformed percent-encoded URL is a 400, not a server error", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  // "100%" encoded properly is just an unknown account.
  expect((await page.request.get("/accounts/100%25")).status()).toBe(404);
  const raw = await page.request.get("/accounts/%E0%A4%A");
  expect(raw.status()).toBe(400);
  const api = await page.request.get("/api/v1/accounts/100%");
  expect(api.status()).toBe(400);
  expect((await api.json()).error.code).toBe("invalid_input");
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "june@bowtie.demo");
  await signOut(page);
  await page.goto("/renewals");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});
