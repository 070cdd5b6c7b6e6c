import { expect, test } from "@playwright/test";
import { signIn, signOut, snap } from "./helpers";

test("a CSM sees only their own book and can open an account", async ({ page }) => {
  await signIn(page, "priya@bowtie.demo");
  // A CSM lands on "My day"; the book is one click away.
  await page.goto("/accounts");
  const table = page.getByRole("table", { name: "Accounts" });
  await expect(table).toBeVisible();
  // A CSM's own book has no CSM column: every row is theirs.
  await expect(table.getByRole("columnheader", { name: "CSM" })).toHaveCount(0);
  const first = table.getByRole("row").nth(1).getByRole("link").first();
  const name = await first.innerText();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Contacts", { exact: true })).toBeVisible();
  await snap(page, "account");
});

test("a manager sees every CSM's accounts and the team's books", async ({ page }) => {
  await signIn(page, "manager@bowtie.demo");
  const team = page.getByRole("table", { name: "Books by CSM" });
  for (const csm of ["Priya Shah", "Diego Alvarez", "Lena Kowalski"])
    await expect(team.getByRole("cell", { name: csm })).toBeVisible();
  await page.getByRole("link", { name: "My accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "All accounts" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Accounts" }).getByRole("columnheader", { name: "CSM" })).toBeVisible();
});

test("an AE sees renewals bucketed into the 30/60/90-day windows", async ({ page }) => {
  await signIn(page, "sam@bowtie.demo");
  for (const window of ["0–30 days · contract", "31–60 days · proposal", "61–90 days · initial conversation"]) {
    await expect(page.getByRole("list", { name: window }).getByRole("listitem").first()).toBeVisible();
  }
});

test("an admin adds a user who can then sign in", async ({ page }) => {
  await signIn(page, "admin@bowtie.demo");
  await page.getByLabel("Name").fill("Nora Quinn");
  await page.getByLabel("Email").fill("nora@bowtie.demo");
  await page.getByLabel("Role", { exact: true }).selectOption("csm");
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  // The most common passwords are refused, however long (NIST 800-63B).
  await page.getByLabel("Initial password").fill("password1234");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("That password is too common. Choose something less guessable.")).toBeVisible();
  await page.getByLabel("Initial password").fill("nora-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toHaveText("Added Nora Quinn.");
  await expect(
    page.getByRole("table", { name: "Users" }).getByRole("cell", { name: "nora@bowtie.demo" }),
  ).toBeVisible();
  await signOut(page);
  await signIn(page, "nora@bowtie.demo", "nora-password-1");
  await expect(page).toHaveURL(/\/home$/);
});
