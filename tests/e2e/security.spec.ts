import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/users";
import { signIn } from "./helpers";

async function signInFromForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

for (const callbackUrl of [
  "/%5Cevil.example/x",
  "/%09/evil.example",
  "//evil.example",
  "https://evil.example/x",
  "/.//evil.example",
]) {
  test(`signing in with callbackUrl=${callbackUrl} stays on Bowtie`, async ({ page, baseURL }) => {
    // Nothing may leave for evil.example: the test fails on any request there.
    const offsite: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).hostname.endsWith("evil.example")) offsite.push(r.url());
    });
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await signInFromForm(page, "manager@bowtie.demo");
    // Signed in and sent on, to a page of Bowtie's own (a 404 page for "/evil.example").
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await page.waitForLoadState("load");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(offsite).toEqual([]);
  });
}

test("a same-origin callbackUrl is still honoured", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Frenewals%3Fwindow%3D30");
  await signInFromForm(page, "manager@bowtie.demo");
  await expect(page).toHaveURL(/\/renewals\?window=30$/);
});

test("pages carry a nonce CSP and the security headers, and still run their scripts", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Next's scripts carry this response's nonce.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const nonces = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces.every((n) => n === nonce)).toBe(true);
  // A second load gets a different nonce.
  const again = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  // Scripts run: the client-side sign-in works, and chart pages render under the policy.
  await signInFromForm(page, "erin@bowtie.demo");
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.goto("/dashboards");
  await expect(page.locator("main")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the API and the exports carry the headers too", async ({ page }) => {
  const api = await page.request.get("/api/v1/accounts");
  expect(api.status()).toBe(401);
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");

  await signIn(page, "manager@bowtie.demo");
  const csv = await page.request.get("/api/exports/accounts");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["x-content-type-options"]).toBe("nosniff");
  expect(csv.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("a session cookie copied before sign-out no longer opens anything after it", async ({ page, browser }) => {
  await signIn(page, "manager@bowtie.demo");
  await expect(page).toHaveURL(/\/scorecard$/);
  const copied = await page.context().cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/scorecard");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await expect(stolen.getByRole("heading", { name: "Sign in to your workspace" })).toBeVisible();
  await thief.close();
});

test("a cross-origin server action is refused with 403", async ({ page }) => {
  await signIn(page, "admin@bowtie.demo");
  const response = await page.request.post("/settings", {
    headers: {
      "next-action": "0123456789abcdef0123456789abcdef01234567",
      origin: "http://evil.example",
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[]",
  });
  expect(response.status()).toBe(403);
});

test("repeated wrong passwords lock the email out with a clear message and a 429", async ({ page }) => {
  const email = "lockout-target@bowtie.demo";
  await page.goto("/sign-in");
  for (let i = 0; i < 6; i++) {
    await signInFromForm(page, email, `wrong-password-${i}`);
    await expect(page.getByText("That email and password don't match an active account.")).toBeVisible();
  }
  await signInFromForm(page, email, "wrong-password-again");
  await expect(page.getByText("Too many sign-in attempts. Wait a few minutes, then try again.")).toBeVisible();

  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { email, password: "anything at all", json: "true" },
  });
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
});

test("an admin reads security events in Settings, filtered by type", async ({ page }) => {
  await signIn(page, "admin@bowtie.demo");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("table", { name: "Security events" })).toBeVisible();
  await page.getByLabel("Event", { exact: true }).selectOption("sign_in");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/type=sign_in/);
  const events = page.getByRole("table", { name: "Security events" }).locator("tbody tr");
  await expect(events.first()).toContainText("Signed in");
  await expect(page.getByRole("table", { name: "Security events" })).not.toContainText("Sign-in failed");
});
