import { csvResponse } from "@/lib/api/csv";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { listTriageAll } from "@/lib/data/accounts/triage";

import { ZTriageQuery } from "@/lib/validation/triage";

const FIELDS = [
  "external_id", "name", "domain", "segment", "health_score", "band", "insufficient_data", "trend_30d",
  "biggest_detractor", "arr", "renewal_date", "days_to_renewal", "stage", "csm", "last_touch", "open_tasks",
];

// CSV of the triage view the user is looking at: same filters, same order, every page.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user, "accounts:export")) return new Response("Not allowed.", { status: 403 });
  const query = ZTriageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listTriageAll(user, query);
  return csvResponse("accounts", FIELDS, [
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
  ]);
}
