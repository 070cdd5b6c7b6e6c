-- The union of tsvectors over rows, for the batch rescore (lib/data/health/inputs.sql.ts): the
-- distinct features and integrations of an account's usage window come out of the same single
-- pass over its usage rows as the sums. Built on PostgreSQL's own tsvector concatenation, so it
-- runs as native code on PostgreSQL and PGlite alike.
CREATE AGGREGATE tsvector_union(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector);
