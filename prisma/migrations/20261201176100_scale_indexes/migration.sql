-- The expansion dashboard's table sums each account's open deals: one index lookup per account
-- (partial, like Renewal_open_account_key, which schema.prisma cannot express).
CREATE INDEX "ExpansionOpportunity_open_account_idx" ON "ExpansionOpportunity" ("accountId") INCLUDE (arr) WHERE status = 'open';
