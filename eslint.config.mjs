// Lint: Next's rules (core web vitals, React hooks, a11y basics), typescript-eslint, and the
// layer boundaries of the architecture as import rules, so they live in the build rather than
// in people's heads (README, "Architecture"). tests/unit/lint-boundaries.test.ts proves a
// violation fails the lint.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Import patterns a layer may not use, with the reason shown in the lint message. */
const restrict = (...rules) => ({
  "no-restricted-imports": [
    "error",
    { patterns: rules.map(([group, message]) => ({ group, message, allowTypeImports: true })) },
  ],
});

const DATA = ["@/lib/data/*", "@/lib/data", "@/lib/db", "@/lib/db/*", "@/lib/generated/prisma/client"];
const NEXT = ["next", "next/*", "react", "react-dom", "next-auth", "next-auth/*"];

const UNSAFE_MESSAGE =
  "Use tagged-template SQL (lib/data/platform/sql.ts) so values are always parameters; only the bulk-insert helper may build SQL text.";
const UNSAFE_SQL = ["$queryRawUnsafe", "$executeRawUnsafe"].map((name) => ({
  selector: `MemberExpression[property.name='${name}']`,
  message: UNSAFE_MESSAGE,
}));

/** The app takes "now" and "today" from lib/clock.ts, so tests can pin time. */
const WALL_CLOCK = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "Read the time from lib/clock.ts (clock.now()).",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "Read the time from lib/clock.ts (clock.nowMs()).",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-syntax": ["error", ...UNSAFE_SQL, ...WALL_CLOCK],
    },
  },
  {
    // The domain is pure: no database, no framework, no actions, no clock.
    files: ["lib/domain/**"],
    rules: restrict(
      [DATA, "The domain is pure: pass data in from lib/data."],
      [NEXT, "The domain is pure: no framework imports."],
      [
        ["@/lib/actions/*", "@/lib/api/*", "@/lib/auth/session", "@/lib/clock", "server-only"],
        "The domain is pure: take today/now as arguments.",
      ],
    ),
  },
  {
    // Components render plain props: data arrives from pages, writes go through actions.
    files: ["components/**"],
    rules: restrict([DATA, "Components never import data modules: load data in the page and pass plain props."]),
  },
  {
    // The data layer knows nothing of Next's request cycle or of the action pipeline.
    files: ["lib/data/**"],
    rules: restrict([
      ["@/lib/actions/*", "@/lib/api/handler", "next/navigation", "next/cache"],
      "The data layer is below actions and routes.",
    ]),
  },
  {
    // Only the bulk-insert helper builds SQL text; scripts and tests may inspect the database freely.
    files: ["lib/data/platform/bulk-insert.ts", "scripts/**", "tests/**"],
    rules: { "no-restricted-syntax": ["error", ...WALL_CLOCK] },
  },
  {
    // The clock itself, and tools that measure or name things rather than date them.
    files: ["lib/clock.ts", "lib/db/pg-cli-adapter.ts", "scripts/**", "tests/**", "*.config.*"],
    rules: { "no-restricted-syntax": ["off"] },
  },
  {
    files: ["tests/**", "scripts/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "@next/next/no-assign-module-variable": "off" },
  },
]);
