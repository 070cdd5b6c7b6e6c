import { csvResponse } from "@/lib/api/csv";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { listAtRiskRenewals } from "@/lib/data/renewals/forecast";
import { ZPipelineQuery } from "@/lib/validation/renewals";

// CSV of the renewal forecast's at-risk list: every at-risk renewal of the filtered book (the
// page shows the largest 25), largest ARR first. Same roles and filters as the forecast page.
const FIELDS = ["external_id", "name", "arr", "renewal_date", "days_until", "band", "health_score", "forecast"];

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user, "renewals:read")) return new Response("Not allowed.", { status: 403 });
  const query = ZPipelineQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listAtRiskRenewals(user, query);
  return csvResponse("at-risk-renewals", FIELDS, [
    rows.map((r) => [r.externalId, r.name, r.arr.toFixed(2), r.renewalDate, r.daysUntil, r.band ?? "", r.score ?? "", r.forecast ?? ""]),
  ]);
}
