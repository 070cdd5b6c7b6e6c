import { expect, test } from "@playwright/test";
import pg from "pg";
import { signIn } from "./helpers";

// The database going away is an outage, not a bug: pages say "temporarily unavailable" and the
// API answers 503 with Retry-After. Needs PostgreSQL (TEST_DATABASE_URL), where the test can close
// the e2e database to connections and open it again afterwards.
const serverUrl = process.env.TEST_DATABASE_URL;

test("with the database closed to connections, pages say 'temporarily unavailable' and the API answers 503", async ({
  page,
}) => {
  test.skip(!serverUrl, "needs TEST_DATABASE_URL (PostgreSQL)");
  const url = new URL(serverUrl ?? "");
  const name = `${url.pathname.slice(1) || "postgres"}_e2e`;
  await signIn(page, "manager@bowtie.demo");
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );
    await page.goto("/accounts");
    await expect(page.getByRole("heading", { name: "Temporarily unavailable" })).toBeVisible();
    const api = await page.request.get("/api/v1/accounts", { headers: { authorization: "Bearer bt_any" } });
    expect(api.status()).toBe(503);
    expect(Number(api.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await api.json()).error.code).toBe("unavailable");
  } finally {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await admin.end();
  }
  // Back again: the same page loads.
  await page.goto("/accounts");
  await expect(page.getByRole("heading", { level: 1, name: "All accounts" })).toBeVisible();
});
