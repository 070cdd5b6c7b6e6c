-- Issue 13: the onboarding board lists customers in their first year, newest first.
CREATE INDEX "Account_contractStart_idx" ON "Account"("contractStart");
