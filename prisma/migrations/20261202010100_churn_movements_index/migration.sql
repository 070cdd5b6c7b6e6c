-- The portfolio's and the scorecard's "churned in the last 12 months" read the year's churn
-- movements only: an index-only scan of them instead of every movement of the year (issue 16).
CREATE INDEX "ArrMovement_churn_date_idx" ON "ArrMovement"("date") INCLUDE ("accountId", "amount") WHERE "type" = 'churn';
