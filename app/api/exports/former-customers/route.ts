import { exportRoute } from "@/lib/api/export-route";
import { streamFormerCustomers } from "@/lib/data/offboarding/checklist";
import { churnReasonLabel } from "@/lib/domain/offboarding";

// CSV of the former-customers page: every churned account (all pages), latest churn first.
// Every signed-in role sees that page, so every signed-in role may export it.
const FIELDS = [
  "external_id",
  "name",
  "churned",
  "last_arr",
  "seats",
  "reasons",
  "offboarding",
  "offboarding_done",
  "offboarding_items",
];

async function* rows() {
  for await (const batch of streamFormerCustomers()) {
    yield batch.map((r) => [
      r.externalId,
      r.name,
      r.churnedAt ?? "",
      r.lastArr.toFixed(2),
      r.seats,
      r.reasons.map(churnReasonLabel).join("; "),
      r.statusLabel,
      r.progress?.done ?? "",
      r.progress?.total ?? "",
    ]);
  }
}

export const GET = exportRoute({
  action: "former-customers:read",
  build: () => ({ name: "former-customers", fields: FIELDS, rows: rows() }),
});
