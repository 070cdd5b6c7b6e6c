// The layer boundaries are lint rules (eslint.config.mjs). This proves they bite: the same
// import is an error in one layer and fine in another.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

// Loading ESLint and the TypeScript parser takes seconds on a busy machine.
describe("layer boundaries", { timeout: 60_000 }, () => {
  it("the domain may not import the database", async () => {
    const code = `import { db } from "@/lib/db";\nexport const n = () => db;\n`;
    expect(await ruleIds(code, "lib/domain/example.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(code, "lib/data/example.ts")).not.toContain("no-restricted-imports");
  });

  it("the domain may not read the clock or import the framework", async () => {
    expect(
      await ruleIds(
        `import { clock } from "@/lib/clock";\nexport const t = () => clock.today();\n`,
        "lib/domain/example.ts",
      ),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds(
        `import { redirect } from "next/navigation";\nexport const r = () => redirect("/");\n`,
        "lib/domain/example.ts",
      ),
    ).toContain("no-restricted-imports");
  });

  it("components may not import data modules (types are fine)", async () => {
    expect(
      await ruleIds(
        `import { listTriage } from "@/lib/data/accounts/triage";\nexport const f = listTriage;\n`,
        "components/example.tsx",
      ),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds(
        `import type { TriagePage } from "@/lib/data/accounts/triage";\nexport type P = TriagePage;\n`,
        "components/example.tsx",
      ),
    ).not.toContain("no-restricted-imports");
  });

  it("only the bulk-insert helper may build SQL text", async () => {
    const code = `import { db } from "@/lib/db";\nexport const q = (t: string) => db.$queryRawUnsafe(t);\n`;
    expect(await ruleIds(code, "lib/data/example.ts")).toContain("no-restricted-syntax");
    expect(await ruleIds(code, "lib/data/platform/bulk-insert.ts")).not.toContain("no-restricted-syntax");
  });
});
