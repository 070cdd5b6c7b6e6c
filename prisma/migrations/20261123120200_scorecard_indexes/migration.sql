-- The scorecard counts the accounts touched in a week across all accounts.
CREATE INDEX "Touchpoint_occurredAt_idx" ON "Touchpoint"("occurredAt");
