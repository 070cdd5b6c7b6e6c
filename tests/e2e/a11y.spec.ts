import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ROLE_HOME } from "../../lib/auth/roles";
import { DEMO_PASSWORD, DEMO_USERS } from "../../lib/demo/users";
import { signIn, snap } from "./helpers";
import { pagesFor } from "./pages";

// Issue 12, "Must show": every page, as every role, on a laptop (1440 px) and on a phone (390 px):
// nothing scrolls sideways and axe-core finds no serious or critical WCAG 2 A/AA violation.
// One sign-in per role and width; each page's problems are a soft failure, so one run lists them all.
// A11Y_SCOPE=smoke narrows the run to the manager on a phone. CI sets it for its second
// database (PostgreSQL): the pages are the same code on both, and the full run takes a quarter
// of an hour, so the whole matrix runs once (PGlite) and the second run shows they render there.
const SMOKE = process.env.A11Y_SCOPE === "smoke";

const WIDTHS = [
  { label: "1440", width: 1440, height: 900 },
  { label: "390", width: 390, height: 844 },
].filter((w) => !SMOKE || w.label === "390");

const ROLE_USERS = (["admin", "manager", "csm", "ae", "executive"] as const)
  .filter((role) => !SMOKE || role === "manager")
  .map((role) => DEMO_USERS.find((u) => u.role === role)!);

async function problemsOn(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) problems.push(`scrolls sideways: ${scrollWidth} px in ${clientWidth} px`);
  // Violations only: axe then skips recording every passing node, much of its time on big tables.
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa"])
    .options({ resultTypes: ["violations"] })
    .analyze();
  for (const v of axe.violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" "));
    problems.push(`${v.id} (${v.impact}, ${v.nodes.length}×): ${targets.join(" | ")}`);
  }
  return problems;
}

for (const user of ROLE_USERS) {
  for (const size of WIDTHS) {
    test(`every page a ${user.role} opens fits ${size.label} px and passes axe`, async ({ page }) => {
      test.setTimeout(600_000);
      await page.setViewportSize(size);
      await signInAt(page, user.email, size.width);
      await expect(page).toHaveURL(new RegExp(`${ROLE_HOME[user.role]}$`));
      for (const p of pagesFor(user.role)) {
        const path = typeof p.path === "string" ? p.path : await p.path(page, user.role);
        const response = await page.goto(path);
        expect(response?.status(), `${user.role} opens ${path}`).toBeLessThan(400);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.getByRole("heading", { level: 1 }), `${path} renders`).not.toHaveText(
          /went wrong|not found/i,
        );
        expect.soft(await problemsOn(page), `${size.label} px ${path}`).toEqual([]);
        if (path === ROLE_HOME[user.role] || p.name === "account")
          await snap(page, `a11y-${user.role}-${p.name}-${size.label}`);
      }
    });
  }
}

/** Signs in; on a phone the signed-in user sits in the closed menu, so wait for the menu button. */
async function signInAt(page: Page, email: string, width: number) {
  if (width >= 768) return signIn(page, email);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
}
