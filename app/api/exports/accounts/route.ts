import Papa from "papaparse";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { listTriageAll } from "@/lib/data/accounts/triage";

import { ZTriageQuery } from "@/lib/validation/triage";
import { clock } from "@/lib/clock";

// CSV of the triage view the user is looking at: same filters, same order, every page.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user, "accounts:export")) return new Response("Not allowed.", { status: 403 });
  const query = ZTriageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listTriageAll(user, query);
  const csv = Papa.unparse(
    rows.map((r) => ({
      external_id: r.externalId,
      name: r.name,
      domain: r.domain ?? "",
      segment: r.segment,
      health_score: r.healthScore ?? "",
      band: r.healthBand ?? "",
      insufficient_data: r.healthInsufficient,
      trend_30d: r.healthTrend ?? "",
      biggest_detractor: r.biggestDetractor ?? "",
      arr: r.arr.toFixed(2),
      renewal_date: r.renewalDate,
      days_to_renewal: r.daysToRenewal,
      stage: r.stage,
      csm: r.csmName ?? "",
      last_touch: r.lastTouchAt ?? "",
      open_tasks: r.openTasks,
    })),
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="bowtie-accounts-${clock.today()}.csv"`,
    },
  });
}
