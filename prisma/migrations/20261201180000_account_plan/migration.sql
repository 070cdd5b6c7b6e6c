-- Account plan: the current document per account and its numbered versions.
CREATE TABLE "AccountPlan" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AccountPlan_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AccountPlan_accountId_key" ON "AccountPlan"("accountId");
ALTER TABLE "AccountPlan" ADD CONSTRAINT "AccountPlan_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AccountPlanVersion" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "changedById" INTEGER,
    "changedByApiKeyId" INTEGER,
    "changedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AccountPlanVersion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AccountPlanVersion_planId_version_key" ON "AccountPlanVersion"("planId", "version");
CREATE INDEX "AccountPlanVersion_changedById_idx" ON "AccountPlanVersion"("changedById");
ALTER TABLE "AccountPlanVersion" ADD CONSTRAINT "AccountPlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AccountPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AccountPlanVersion" ADD CONSTRAINT "AccountPlanVersion_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AccountPlanVersion" ADD CONSTRAINT "AccountPlanVersion_changedByApiKeyId_fkey" FOREIGN KEY ("changedByApiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;
