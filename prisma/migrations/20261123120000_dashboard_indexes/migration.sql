-- Dashboards (issue 5): the weekly health mix counts snapshots per (asOf, band) with an
-- index-only scan; stage dashboards select active accounts by their effective stage
-- (coalesce(stageOverride, lifecycleStage)), an expression Prisma's schema cannot declare.
CREATE INDEX "HealthSnapshot_asOf_band_idx" ON "HealthSnapshot"("asOf", "band");

CREATE INDEX "Account_effective_stage_idx" ON "Account"((coalesce("stageOverride", "lifecycleStage")), "healthScore") WHERE status = 'active';
