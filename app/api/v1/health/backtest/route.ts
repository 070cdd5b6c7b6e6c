import { apiRoute, notAllowed, ok, saved } from "@/lib/api/handler";
import { getBacktestSummary, runBacktestNow } from "@/lib/data/health/backtest";
import { ZBacktestQuery } from "@/lib/validation/api";

// POST /api/v1/health/backtest — runs the backtest now and stores it.
export const POST = apiRoute({
  handler: async () => saved({ created: true, record: await runBacktestNow() }),
});

// GET /api/v1/health/backtest?horizon=90&segment=smb — the latest run's figures for one horizon
// and segment (all segments without one).
export const GET = apiRoute({
  query: ZBacktestQuery,
  handler: async ({ query }) => ok(await getBacktestSummary(query.horizon, query.segment ?? "all")),
});

export const { PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET", "POST");
