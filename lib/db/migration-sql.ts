import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The SQL of every migration in prisma/migrations, in order. Tests apply these files
 * directly to throw-away databases (the app and CI apply them through `prisma migrate deploy`).
 */
export function migrationScripts(dir = join(process.cwd(), "prisma", "migrations")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(join(dir, name, "migration.sql"), "utf8"));
}
