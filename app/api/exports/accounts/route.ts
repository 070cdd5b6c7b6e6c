import { exportRoute } from "@/lib/api/export-route";
import { listTriageAll } from "@/lib/data/accounts/triage";

import { ZTriageQuery } from "@/lib/validation/triage";

const FIELDS = [
  "external_id",
  "name",
  "domain",
  "segment",
  "health_score",
  "band",
  "insufficient_data",
  "trend_30d",
  "biggest_detractor",
  "arr",
  "renewal_date",
  "days_to_renewal",
  "stage",
  "csm",
  "last_touch",
  "open_tasks",
];

// CSV of the triage view the user is looking at: same filters, same order, every page.
export const GET = exportRoute({
  action: "accounts:export",
  query: ZTriageQuery,
  build: async ({ user, query }) => {
    const rows = await listTriageAll(user, query);
    return {
      name: "accounts",
      fields: FIELDS,
      rows: [
        rows.map((r) => [
          r.externalId,
          r.name,
          r.domain ?? "",
          r.segment,
          r.healthScore ?? "",
          r.healthBand ?? "",
          r.healthInsufficient,
          r.healthTrend ?? "",
          r.biggestDetractor ?? "",
          r.arr.toFixed(2),
          r.renewalDate,
          r.daysToRenewal,
          r.stage,
          r.csmName ?? "",
          r.lastTouchAt ?? "",
          r.openTasks,
        ]),
      ],
    };
  },
});
