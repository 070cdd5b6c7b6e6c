import { db } from "@/lib/db";
import { seedIfEmpty } from "@/lib/data/platform/seed";
import type { IsoDate } from "@/lib/domain/dates";

/** The demo data as of a pinned day (a small book), once per test database. */
export function seedDemoAsOf(today: IsoDate, accountCount = 30): Promise<unknown> {
  return seedIfEmpty(db, {
    today: new Date(`${today}T00:00:00Z`),
    accountCount,
    log: () => {},
    env: { NODE_ENV: "test" },
  });
}
