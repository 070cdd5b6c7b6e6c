-- Heavy dashboard aggregates that change daily, computed by the daily job (lib/jobs/daily-health.ts)
-- and read by the pages: one row per aggregate and day.
CREATE TABLE "DailyRollup" (
    "key" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "value" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "DailyRollup_pkey" PRIMARY KEY ("key", "asOf")
);
