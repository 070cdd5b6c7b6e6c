-- CreateIndex
CREATE INDEX "Account_status_churnedAt_idx" ON "Account"("status", "churnedAt");
