-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'manager', 'csm', 'ae', 'executive');

-- CreateEnum
CREATE TYPE "Segment" AS ENUM ('enterprise', 'mid_market', 'smb');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('active', 'churned');

-- CreateEnum
CREATE TYPE "LifecycleStage" AS ENUM ('onboarding', 'adoption', 'value_realization', 'expansion', 'renewal', 'churned');

-- CreateEnum
CREATE TYPE "Band" AS ENUM ('red', 'yellow', 'green', 'purple');

-- CreateEnum
CREATE TYPE "TicketPriority" AS ENUM ('low', 'normal', 'high', 'urgent');

-- CreateEnum
CREATE TYPE "Sentiment" AS ENUM ('positive', 'neutral', 'negative');

-- CreateEnum
CREATE TYPE "SurveyType" AS ENUM ('nps', 'csat');

-- CreateEnum
CREATE TYPE "TouchpointType" AS ENUM ('check_in', 'qbr', 'ebr', 'call', 'email', 'meeting');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('open', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "TaskPriority" AS ENUM ('low', 'normal', 'high', 'urgent');

-- CreateEnum
CREATE TYPE "TaskSource" AS ENUM ('playbook', 'manual');

-- CreateEnum
CREATE TYPE "RenewalStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "RenewalForecast" AS ENUM ('commit', 'likely', 'at_risk', 'lost');

-- CreateEnum
CREATE TYPE "RenewalOutcome" AS ENUM ('renewed', 'expanded', 'downgraded', 'churned');

-- CreateEnum
CREATE TYPE "ExpansionType" AS ENUM ('seats', 'tier', 'add_on', 'services', 'training');

-- CreateEnum
CREATE TYPE "OpportunityStatus" AS ENUM ('open', 'won', 'lost');

-- CreateEnum
CREATE TYPE "ArrMovementType" AS ENUM ('new', 'expansion', 'contraction', 'churn', 'reactivation');

-- CreateEnum
CREATE TYPE "QbrStatus" AS ENUM ('scheduled', 'held', 'cancelled');

-- CreateEnum
CREATE TYPE "FeedbackType" AS ENUM ('feature_request', 'bug', 'complaint', 'churn_reason');

-- CreateEnum
CREATE TYPE "FeedbackStatus" AS ENUM ('open', 'planned', 'done', 'declined');

-- CreateEnum
CREATE TYPE "RockStatus" AS ENUM ('on_track', 'off_track', 'done');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "industry" TEXT,
    "segment" "Segment" NOT NULL,
    "plan" TEXT,
    "seats" INTEGER NOT NULL,
    "arr" DECIMAL(14,2) NOT NULL,
    "contractStart" DATE NOT NULL,
    "renewalDate" DATE NOT NULL,
    "lifecycleStage" "LifecycleStage" NOT NULL DEFAULT 'onboarding',
    "stageOverride" "LifecycleStage",
    "status" "AccountStatus" NOT NULL DEFAULT 'active',
    "churnedAt" DATE,
    "purchasedFeatures" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "csmId" INTEGER,
    "aeId" INTEGER,
    "lastTouchAt" DATE,
    "healthScore" INTEGER,
    "healthBand" "Band",
    "healthTrend" INTEGER,
    "healthInsufficient" BOOLEAN NOT NULL DEFAULT false,
    "healthDetractor" TEXT,
    "healthAsOf" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "title" TEXT,
    "execSponsor" BOOLEAN NOT NULL DEFAULT false,
    "champion" BOOLEAN NOT NULL DEFAULT false,
    "decisionMaker" BOOLEAN NOT NULL DEFAULT false,
    "referenceWilling" BOOLEAN NOT NULL DEFAULT false,
    "lastTouchAt" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractLine" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "product" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "price" DECIMAL(14,2) NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageDay" (
    "accountId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "activeUsers" INTEGER NOT NULL DEFAULT 0,
    "logins" INTEGER NOT NULL DEFAULT 0,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "sessionMinutes" INTEGER NOT NULL DEFAULT 0,
    "featuresUsed" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "workflowsStarted" INTEGER NOT NULL DEFAULT 0,
    "workflowsCompleted" INTEGER NOT NULL DEFAULT 0,
    "integrationsActive" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dataQuality" DOUBLE PRECISION,

    CONSTRAINT "UsageDay_pkey" PRIMARY KEY ("accountId","date")
);

-- CreateTable
CREATE TABLE "SupportTicket" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "subject" TEXT,
    "openedAt" DATE NOT NULL,
    "closedAt" DATE,
    "priority" "TicketPriority" NOT NULL DEFAULT 'normal',
    "sentiment" "Sentiment",

    CONSTRAINT "SupportTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "contactId" INTEGER,
    "type" "SurveyType" NOT NULL,
    "score" INTEGER NOT NULL,
    "respondedAt" DATE NOT NULL,
    "comment" TEXT,
    "externalId" TEXT,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Touchpoint" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "type" "TouchpointType" NOT NULL,
    "occurredAt" DATE NOT NULL,
    "attended" BOOLEAN,
    "notes" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Touchpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TouchpointContact" (
    "touchpointId" INTEGER NOT NULL,
    "contactId" INTEGER NOT NULL,

    CONSTRAINT "TouchpointContact_pkey" PRIMARY KEY ("touchpointId","contactId")
);

-- CreateTable
CREATE TABLE "HealthSnapshot" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "score" INTEGER,
    "band" "Band",
    "insufficientData" BOOLEAN NOT NULL DEFAULT false,
    "components" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SentimentOverride" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "band" "Band" NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMP(3),

    CONSTRAINT "SentimentOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthModel" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "config" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "HealthModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER,
    "ownerId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "kind" TEXT,
    "dueDate" DATE NOT NULL,
    "priority" "TaskPriority" NOT NULL DEFAULT 'normal',
    "source" "TaskSource" NOT NULL DEFAULT 'manual',
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuccessOutcome" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "achieved" BOOLEAN NOT NULL DEFAULT false,
    "achievedAt" DATE,

    CONSTRAINT "SuccessOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnboardingMilestone" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "targetDate" DATE NOT NULL,
    "reachedAt" DATE,
    "challenges" TEXT,
    "issues" TEXT,

    CONSTRAINT "OnboardingMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Renewal" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "renewalDate" DATE NOT NULL,
    "status" "RenewalStatus" NOT NULL DEFAULT 'open',
    "forecast" "RenewalForecast",
    "arr" DECIMAL(14,2) NOT NULL,
    "processStartedAt" DATE,
    "outcome" "RenewalOutcome",
    "newArr" DECIMAL(14,2),
    "signedAt" DATE,
    "churnReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Renewal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpansionOpportunity" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT,
    "type" "ExpansionType" NOT NULL,
    "arr" DECIMAL(14,2) NOT NULL,
    "status" "OpportunityStatus" NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATE,

    CONSTRAINT "ExpansionOpportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrMovement" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "type" "ArrMovementType" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "date" DATE NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArrMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Qbr" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "kind" "TouchpointType" NOT NULL DEFAULT 'qbr',
    "scheduledFor" DATE NOT NULL,
    "status" "QbrStatus" NOT NULL DEFAULT 'scheduled',
    "checklist" JSONB NOT NULL DEFAULT '{}',
    "touchpointId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Qbr_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offboarding" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accessOffDate" DATE,
    "churnReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "churnNotes" TEXT,
    "exitInterview" TEXT,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Offboarding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OffboardingItem" (
    "id" SERIAL NOT NULL,
    "offboardingId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" INTEGER,
    "dueDate" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "OffboardingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackItem" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER,
    "type" "FeedbackType" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageChange" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "fromStage" "LifecycleStage",
    "toStage" "LifecycleStage" NOT NULL,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScorecardMeasurable" (
    "id" SERIAL NOT NULL,
    "metricKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" INTEGER,
    "goal" DOUBLE PRECISION NOT NULL,
    "direction" TEXT NOT NULL DEFAULT 'gte',
    "unit" TEXT NOT NULL DEFAULT 'number',
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScorecardMeasurable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScorecardValue" (
    "measurableId" INTEGER NOT NULL,
    "weekStart" DATE NOT NULL,
    "value" DOUBLE PRECISION,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScorecardValue_pkey" PRIMARY KEY ("measurableId","weekStart")
);

-- CreateTable
CREATE TABLE "Rock" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" INTEGER,
    "dueDate" DATE NOT NULL,
    "status" "RockStatus" NOT NULL DEFAULT 'on_track',
    "metricKey" TEXT,
    "startValue" DOUBLE PRECISION,
    "targetValue" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CsCost" (
    "id" SERIAL NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "grossMarginPct" DOUBLE PRECISION NOT NULL DEFAULT 80,

    CONSTRAINT "CsCost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "apiKeyId" INTEGER,
    "accountId" INTEGER,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "Account_externalId_key" ON "Account"("externalId");

-- CreateIndex
CREATE INDEX "Account_csmId_healthScore_idx" ON "Account"("csmId", "healthScore");

-- CreateIndex
CREATE INDEX "Account_healthBand_healthScore_idx" ON "Account"("healthBand", "healthScore");

-- CreateIndex
CREATE INDEX "Account_healthScore_idx" ON "Account"("healthScore");

-- CreateIndex
CREATE INDEX "Account_segment_idx" ON "Account"("segment");

-- CreateIndex
CREATE INDEX "Account_lifecycleStage_idx" ON "Account"("lifecycleStage");

-- CreateIndex
CREATE INDEX "Account_renewalDate_idx" ON "Account"("renewalDate");

-- CreateIndex
CREATE INDEX "Account_aeId_renewalDate_idx" ON "Account"("aeId", "renewalDate");

-- CreateIndex
CREATE INDEX "Account_status_idx" ON "Account"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_accountId_email_key" ON "Contact"("accountId", "email");

-- CreateIndex
CREATE INDEX "ContractLine_accountId_startDate_idx" ON "ContractLine"("accountId", "startDate");

-- CreateIndex
CREATE INDEX "SupportTicket_accountId_openedAt_idx" ON "SupportTicket"("accountId", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupportTicket_accountId_externalId_key" ON "SupportTicket"("accountId", "externalId");

-- CreateIndex
CREATE INDEX "SurveyResponse_accountId_type_respondedAt_idx" ON "SurveyResponse"("accountId", "type", "respondedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_accountId_externalId_key" ON "SurveyResponse"("accountId", "externalId");

-- CreateIndex
CREATE INDEX "Touchpoint_accountId_occurredAt_idx" ON "Touchpoint"("accountId", "occurredAt");

-- CreateIndex
CREATE INDEX "TouchpointContact_contactId_idx" ON "TouchpointContact"("contactId");

-- CreateIndex
CREATE INDEX "HealthSnapshot_asOf_idx" ON "HealthSnapshot"("asOf");

-- CreateIndex
CREATE UNIQUE INDEX "HealthSnapshot_accountId_asOf_key" ON "HealthSnapshot"("accountId", "asOf");

-- CreateIndex
CREATE INDEX "SentimentOverride_accountId_createdAt_idx" ON "SentimentOverride"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Task_ownerId_status_dueDate_idx" ON "Task"("ownerId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Task_accountId_status_idx" ON "Task"("accountId", "status");

-- CreateIndex
CREATE INDEX "SuccessOutcome_accountId_dueDate_idx" ON "SuccessOutcome"("accountId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "SuccessOutcome_accountId_key_key" ON "SuccessOutcome"("accountId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingMilestone_accountId_key_key" ON "OnboardingMilestone"("accountId", "key");

-- CreateIndex
CREATE INDEX "Renewal_status_renewalDate_idx" ON "Renewal"("status", "renewalDate");

-- CreateIndex
CREATE INDEX "Renewal_accountId_status_idx" ON "Renewal"("accountId", "status");

-- CreateIndex
CREATE INDEX "ExpansionOpportunity_status_idx" ON "ExpansionOpportunity"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ExpansionOpportunity_accountId_key_key" ON "ExpansionOpportunity"("accountId", "key");

-- CreateIndex
CREATE INDEX "ArrMovement_date_idx" ON "ArrMovement"("date");

-- CreateIndex
CREATE INDEX "ArrMovement_accountId_date_idx" ON "ArrMovement"("accountId", "date");

-- CreateIndex
CREATE INDEX "Qbr_accountId_scheduledFor_idx" ON "Qbr"("accountId", "scheduledFor");

-- CreateIndex
CREATE INDEX "Offboarding_accountId_idx" ON "Offboarding"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "OffboardingItem_offboardingId_key_key" ON "OffboardingItem"("offboardingId", "key");

-- CreateIndex
CREATE INDEX "FeedbackItem_type_status_idx" ON "FeedbackItem"("type", "status");

-- CreateIndex
CREATE INDEX "StageChange_accountId_changedAt_idx" ON "StageChange"("accountId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CsCost_periodStart_periodEnd_key" ON "CsCost"("periodStart", "periodEnd");

-- CreateIndex
CREATE INDEX "AuditLog_accountId_at_idx" ON "AuditLog"("accountId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_csmId_fkey" FOREIGN KEY ("csmId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_aeId_fkey" FOREIGN KEY ("aeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractLine" ADD CONSTRAINT "ContractLine_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageDay" ADD CONSTRAINT "UsageDay_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TouchpointContact" ADD CONSTRAINT "TouchpointContact_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TouchpointContact" ADD CONSTRAINT "TouchpointContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthSnapshot" ADD CONSTRAINT "HealthSnapshot_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SentimentOverride" ADD CONSTRAINT "SentimentOverride_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SentimentOverride" ADD CONSTRAINT "SentimentOverride_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuccessOutcome" ADD CONSTRAINT "SuccessOutcome_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingMilestone" ADD CONSTRAINT "OnboardingMilestone_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Renewal" ADD CONSTRAINT "Renewal_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpansionOpportunity" ADD CONSTRAINT "ExpansionOpportunity_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrMovement" ADD CONSTRAINT "ArrMovement_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Qbr" ADD CONSTRAINT "Qbr_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offboarding" ADD CONSTRAINT "Offboarding_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OffboardingItem" ADD CONSTRAINT "OffboardingItem_offboardingId_fkey" FOREIGN KEY ("offboardingId") REFERENCES "Offboarding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OffboardingItem" ADD CONSTRAINT "OffboardingItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackItem" ADD CONSTRAINT "FeedbackItem_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardMeasurable" ADD CONSTRAINT "ScorecardMeasurable_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardValue" ADD CONSTRAINT "ScorecardValue_measurableId_fkey" FOREIGN KEY ("measurableId") REFERENCES "ScorecardMeasurable"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rock" ADD CONSTRAINT "Rock_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Partial unique indexes Prisma's schema language cannot express (keep them when authoring
-- new migrations: `migrate dev` proposes dropping them).
-- A playbook never opens the same task twice for one account.
CREATE UNIQUE INDEX "Task_open_kind_key" ON "Task"("accountId", "kind") WHERE "status" = 'open' AND "kind" IS NOT NULL;
-- Every account has at most one open renewal.
CREATE UNIQUE INDEX "Renewal_open_account_key" ON "Renewal"("accountId") WHERE "status" = 'open';
-- Triage search by name or domain prefix, case-insensitive.
CREATE INDEX "Account_lower_name_idx" ON "Account"(lower("name") text_pattern_ops);
CREATE INDEX "Account_lower_domain_idx" ON "Account"(lower("domain") text_pattern_ops);
