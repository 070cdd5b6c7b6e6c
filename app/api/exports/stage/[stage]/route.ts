import { exportRoute } from "@/lib/api/export-route";
import { streamStageAccounts, type StageAccountRow } from "@/lib/data/dashboards/stages";

import { STAGE_SLUGS, stageFromSlug, type DashboardStage } from "@/lib/domain/dashboards";
import { ZStageTableQuery, type TStageTableQuery } from "@/lib/validation/dashboards";
import { clock } from "@/lib/clock";

// CSV of a stage dashboard's account table: every row, in the view's order, streamed a batch
// of accounts at a time so a 50,000-account stage never sits in memory at once.

/** The stage's own column in CSV form: a machine-readable value and its detail. */
const STAGE_COLUMNS: Record<DashboardStage, [value: string, detail: string | null]> = {
  onboarding: ["onboarding_day", "milestones_reached"],
  adoption: ["trend_30d", null],
  value_realization: ["outcomes_achieved_share", "outcomes_achieved_of_due"],
  expansion: ["open_expansion_arr", "open_expansion_deals"],
  renewal: ["days_to_renewal", "forecast"],
};

function csvFields(stage: DashboardStage): string[] {
  const [valueKey, detailKey] = STAGE_COLUMNS[stage];
  return [
    "external_id",
    "name",
    "segment",
    "band",
    "health_score",
    "arr",
    "csm",
    valueKey,
    ...(detailKey ? [detailKey] : []),
  ];
}

function csvRow(stage: DashboardStage, r: StageAccountRow): (string | number)[] {
  const row = [
    r.externalId,
    r.name,
    r.segment,
    r.healthBand ?? "",
    r.healthScore ?? "",
    r.arr.toFixed(2),
    r.csmName ?? "",
    r.stageValue ?? "",
  ];
  return STAGE_COLUMNS[stage][1] ? [...row, r.stageDetail ?? ""] : row;
}

async function* stageRows(stage: DashboardStage, query: TStageTableQuery) {
  for await (const batch of streamStageAccounts(stage, query, 2000, clock.today()))
    yield batch.map((r) => csvRow(stage, r));
}

export const GET = exportRoute<TStageTableQuery, { stage: string }>({
  action: "dashboards:read",
  query: ZStageTableQuery,
  build: ({ query, params }) => {
    const stage = stageFromSlug(params.stage);
    if (!stage) return null;
    return { name: `${STAGE_SLUGS[stage]}-accounts`, fields: csvFields(stage), rows: stageRows(stage, query) };
  },
});
