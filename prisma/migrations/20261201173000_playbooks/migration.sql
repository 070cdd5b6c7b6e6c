-- The playbook engine: stored rules, and tasks that say which rule raised them and why.
ALTER TABLE "Task" ADD COLUMN "ruleKey" TEXT,
  ADD COLUMN "step" TEXT,
  ADD COLUMN "cycle" TEXT,
  ADD COLUMN "reason" TEXT,
  ADD COLUMN "snoozedUntil" DATE,
  ADD COLUMN "dismissReason" TEXT;

-- The escalation and renewal-stage tasks raised before the engine become its rules' steps.
UPDATE "Task" t SET "ruleKey" = m.rule_key, step = m.step, kind = NULL,
  cycle = CASE WHEN m.rule_key = 'renewal_preparation'
    THEN 'renewal ' || to_char(a."renewalDate", 'YYYY-MM-DD') END,
  reason = CASE WHEN t.source = 'playbook' THEN split_part(t.description, '. ', 1) || '.' END
FROM (VALUES
  ('low_engagement_yellow', 'low_engagement', 'action_plan'),
  ('low_engagement_red', 'low_engagement', 'save_plan'),
  ('churn_prevention_exec', 'churn_prevention', 'executive'),
  ('renewal_90', 'renewal_preparation', 'initial_conversation'),
  ('renewal_90_csm', 'renewal_preparation', 'value_summary'),
  ('renewal_60', 'renewal_preparation', 'proposal'),
  ('renewal_30', 'renewal_preparation', 'contract')
) AS m(kind, rule_key, step), "Account" a
WHERE t.kind = m.kind AND a.id = t."accountId";

-- One open task per rule step and account, and one task per occurrence of a periodic step.
CREATE UNIQUE INDEX "Task_open_rule_step_key" ON "Task"("ruleKey", "accountId", "step")
  WHERE "status" = 'open' AND "ruleKey" IS NOT NULL;
CREATE UNIQUE INDEX "Task_rule_cycle_key" ON "Task"("ruleKey", "accountId", "step", "cycle")
  WHERE "ruleKey" IS NOT NULL AND "cycle" IS NOT NULL;
CREATE INDEX "Task_ruleKey_createdAt_idx" ON "Task"("ruleKey", "createdAt");

CREATE TABLE "PlaybookRule" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaybookRule_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PlaybookRule_key_key" ON "PlaybookRule"("key");
