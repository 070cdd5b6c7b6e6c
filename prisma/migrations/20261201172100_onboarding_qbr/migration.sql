-- Issue 13: onboarding plans (checklist, milestone owners), success plans (metric, baseline,
-- target, value) and QBRs (quarter, start time, document, attendees).

-- AlterTable
ALTER TABLE "OnboardingMilestone" ADD COLUMN "ownerId" INTEGER;

-- AlterTable
ALTER TABLE "SuccessOutcome" ADD COLUMN "metric" TEXT,
ADD COLUMN "baseline" DOUBLE PRECISION,
ADD COLUMN "target" DOUBLE PRECISION,
ADD COLUMN "current" DOUBLE PRECISION,
ADD COLUMN "annualValue" DECIMAL(14,2);

-- AlterTable
ALTER TABLE "Qbr" ADD COLUMN "quarter" TEXT,
ADD COLUMN "scheduledAt" TIMESTAMP(3),
ADD COLUMN "document" JSONB,
ADD COLUMN "attendeeEmails" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "OnboardingChecklistItem" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "doneAt" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnboardingChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingChecklistItem_accountId_key_key" ON "OnboardingChecklistItem"("accountId", "key");
CREATE INDEX "OnboardingMilestone_targetDate_idx" ON "OnboardingMilestone"("targetDate");
CREATE UNIQUE INDEX "Qbr_accountId_quarter_key" ON "Qbr"("accountId", "quarter");
CREATE INDEX "Qbr_scheduledFor_idx" ON "Qbr"("scheduledFor");

-- AddForeignKey
ALTER TABLE "OnboardingMilestone" ADD CONSTRAINT "OnboardingMilestone_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "OnboardingChecklistItem" ADD CONSTRAINT "OnboardingChecklistItem_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
