// CSV formula injection: a cell a spreadsheet would run as a formula is written as text by
// every export, which all go through the one CSV writer (lib/api/csv.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import Papa from "papaparse";

type SessionUser = { id: number; email: string; name: string; role: "manager"; active: boolean };
const session = vi.hoisted(() => ({ user: null as null | SessionUser }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

import { db } from "@/lib/db";
import * as accountsExport from "@/app/api/exports/accounts/route";
import * as stageExport from "@/app/api/exports/stage/[stage]/route";
import { createTestUser } from "@/tests/factories/api";
import { makeAccount } from "@/tests/factories/tasks";
import { clock } from "@/lib/clock";

const EVIL = '=HYPERLINK("http://evil.example","x")';
const request = (path: string) => new Request(`http://localhost${path}`);

async function rowsOf(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  return Papa.parse<string[]>((await response.text()).trim()).data;
}

beforeAll(async () => {
  const manager = await createTestUser("manager");
  session.user = { id: manager.id, email: manager.email, name: manager.name, role: "manager", active: true };
  const account = await makeAccount({ asOf: clock.today() });
  await db.account.update({
    where: { id: account.id },
    data: { name: EVIL, domain: "@evil.example", lifecycleStage: "onboarding" },
  });
  const plain = await makeAccount({ asOf: clock.today() });
  await db.account.update({ where: { id: plain.id }, data: { name: "Plain Co", lifecycleStage: "onboarding" } });
});

describe("CSV exports neutralise formulas", () => {
  it("/api/exports/accounts writes the account name as text, and leaves ordinary names alone", async () => {
    const [header, ...rows] = await rowsOf(await accountsExport.GET(request("/api/exports/accounts")));
    const name = header.indexOf("name");
    const names = rows.map((r) => r[name]);
    expect(names).toContain(`'${EVIL}`);
    expect(names).not.toContain(EVIL);
    expect(names).toContain("Plain Co");
    expect(rows.map((r) => r[header.indexOf("domain")])).toContain("'@evil.example");
  });

  it("/api/exports/stage/* does the same", async () => {
    const [header, ...rows] = await rowsOf(
      await stageExport.GET(request("/api/exports/stage/onboarding"), {
        params: Promise.resolve({ stage: "onboarding" }),
      }),
    );
    const names = rows.map((r) => r[header.indexOf("name")]);
    expect(names).toContain(`'${EVIL}`);
    expect(names.some((n) => /^[=+\-@\t\r]/.test(n))).toBe(false);
  });

  it("every export route goes through the one export helper, which writes with the shared CSV writer", () => {
    const routes = readdirSync("app/api/exports", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("route.ts"))
      .map((f) => join("app/api/exports", f));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const file of routes) {
      const source = readFileSync(file, "utf8");
      expect(source, file).toMatch(/exportRoute(<[^>]*>)?\(/);
      expect(source, file).not.toMatch(/papaparse|Papa\./);
    }
  });
});
