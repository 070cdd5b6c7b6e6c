-- Why a CSM or manager set an account's stage by hand, shown on the account page.
ALTER TABLE "Account" ADD COLUMN "stageOverrideReason" TEXT;

-- The reason given with a manual stage change.
ALTER TABLE "StageChange" ADD COLUMN "reason" TEXT;

-- Time in stage reads the changes in date order.
CREATE INDEX "StageChange_changedAt_idx" ON "StageChange"("changedAt");
