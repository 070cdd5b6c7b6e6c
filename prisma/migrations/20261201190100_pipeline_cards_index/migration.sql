-- The pipeline's cards: one window's open renewals in the page's order (renewal date, then
-- account), so a page is an index walk that stops after its rows, not a sort of the window.
CREATE INDEX "Renewal_open_date_account_idx" ON "Renewal"("renewalDate", "accountId") WHERE "status" = 'open';
