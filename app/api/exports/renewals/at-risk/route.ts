import { exportRoute } from "@/lib/api/export-route";
import { listAtRiskRenewals } from "@/lib/data/renewals/forecast";
import { ZPipelineQuery } from "@/lib/validation/renewals";

// CSV of the renewal forecast's at-risk list: every at-risk renewal of the filtered book (the
// page shows the largest 25), largest ARR first. Same roles and filters as the forecast page.
const FIELDS = ["external_id", "name", "arr", "renewal_date", "days_until", "band", "health_score", "forecast"];

export const GET = exportRoute({
  action: "renewals:read",
  query: ZPipelineQuery,
  build: async ({ user, query }) => {
    const rows = await listAtRiskRenewals(user, query);
    return {
      name: "at-risk-renewals",
      fields: FIELDS,
      rows: [
        rows.map((r) => [
          r.externalId,
          r.name,
          r.arr.toFixed(2),
          r.renewalDate,
          r.daysUntil,
          r.band ?? "",
          r.score ?? "",
          r.forecast ?? "",
        ]),
      ],
    };
  },
});
