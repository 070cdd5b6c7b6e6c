import "server-only";
import type { ColumnType } from "../platform/bulk-insert";

// Kept apart from usage.ts so the seed can use it without importing the app's database client.
/** UsageDay's columns as set-based writes send them (the API's upsert and the demo seed). */
export const USAGE_DAY_COLUMNS = {
  accountId: "int",
  date: "date",
  activeUsers: "int",
  logins: "int",
  sessions: "int",
  sessionMinutes: "int",
  featuresUsed: "text[]",
  workflowsStarted: "int",
  workflowsCompleted: "int",
  integrationsActive: "text[]",
  dataQuality: "float",
} as const satisfies Record<string, ColumnType>;
