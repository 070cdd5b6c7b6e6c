// `npm start`: build if the sources changed since the last build, apply migrations, seed an
// empty database (demo data, or only the first admin with BOWTIE_DEMO=off), then serve.
// Works the same on embedded PGlite (default) and on PostgreSQL (DATABASE_URL).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Everything this process and its children write (the embedded database, the session secret)
// is private to the user: folders 0700, files 0600.
process.umask(0o077);

const root = new URL("..", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules", ".bin", name);
const port = process.env.PORT || "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: port };

if (existsSync(join(root, ".env"))) process.loadEnvFile(join(root, ".env"));
env.NEXTAUTH_SECRET ||= process.env.NEXTAUTH_SECRET || localSecret();
env.NEXTAUTH_URL ||= process.env.NEXTAUTH_URL || `http://localhost:${port}`;

function run(label, command, args) {
  console.log(`\n▸ ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** A session-signing secret kept in the git-ignored data folder, so restarts keep sessions. */
function localSecret() {
  const dir = join(root, ".data");
  const file = join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "proxy.ts",
  "next.config.mjs",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "package.json",
  "tsconfig.json",
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function needsBuild() {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

if (needsBuild()) run("Building the app", bin("next"), ["build"]);
else console.log("▸ Build is up to date");
run("Applying database migrations", bin("prisma"), ["migrate", "deploy"]);
run("Preparing data", bin("tsx"), ["--conditions=react-server", "scripts/seed.ts", "--if-empty"]);

console.log(`\n▸ Bowtie is starting on http://localhost:${port}\n`);
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
