-- Issue 15 (health backtest): the model's version, and stored backtest runs.

-- AlterTable
ALTER TABLE "HealthModel" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "HealthBacktest" (
    "id" SERIAL NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "asOf" DATE NOT NULL,
    "modelVersion" INTEGER NOT NULL,
    "renewals" INTEGER NOT NULL,
    "result" JSONB NOT NULL,

    CONSTRAINT "HealthBacktest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HealthBacktest_computedAt_idx" ON "HealthBacktest"("computedAt");
