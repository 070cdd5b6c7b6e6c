-- The expansion dashboard's table sums each account's open deals: one index lookup per account
-- (partial, as Renewal_open_account_key; not expressible in schema.prisma).
CREATE INDEX "ExpansionOpportunity_open_account_idx" ON "ExpansionOpportunity" ("accountId") INCLUDE (arr) WHERE status = 'open';
