import { z } from "zod";
import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { getMetricsReport } from "@/lib/data/dashboards/metrics";
import { ZIsoDate } from "@/lib/validation/api";

const ZMetricsQuery = z
  .object({ from: ZIsoDate, to: ZIsoDate })
  .refine((period) => period.from <= period.to, { path: ["to"], message: "Must be on or after from." });

// GET /api/v1/metrics?from=YYYY-MM-DD&to=YYYY-MM-DD — every SPEC §5 metric for the period (both days included).
export const GET = apiRoute({
  query: ZMetricsQuery,
  handler: async ({ query }) => ok(await getMetricsReport(query)),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
