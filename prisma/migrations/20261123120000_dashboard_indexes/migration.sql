-- Dashboards (issue 5). The weekly health mix counts snapshots per (asOf, band) with an
-- index-only scan. Stage dashboards select active accounts by their effective stage,
-- coalesce(stageOverride, lifecycleStage): an expression index, which the Prisma schema cannot declare.
CREATE INDEX "HealthSnapshot_asOf_band_idx" ON "HealthSnapshot"("asOf", "band");

CREATE INDEX "Account_effective_stage_idx" ON "Account"((coalesce("stageOverride", "lifecycleStage")), "healthScore") WHERE status = 'active';
