-- The numbers the health backtest reads from each snapshot, in one array computed by the database
-- from the compact snapshot (version 2): the four component scores, then the 15 measure scores,
-- in the model's order (COMPONENT_KEYS, COMPONENT_MEASURES). Reading one small array instead of
-- 19 paths into each snapshot's document makes the backtest's read of 800,000 scores cheap.
-- Null for the old snapshot format and for a component or measure without data.
ALTER TABLE "HealthSnapshot" ADD COLUMN "readings" DOUBLE PRECISION[] GENERATED ALWAYS AS (
  CASE WHEN components ->> 'v' = '2' THEN ARRAY[
      (components #>> '{components,engagement,2}')::float8,
      (components #>> '{components,product,2}')::float8,
      (components #>> '{components,relationship,2}')::float8,
      (components #>> '{components,business,2}')::float8,
      (components #>> '{components,engagement,3,0,1}')::float8,
      (components #>> '{components,engagement,3,1,1}')::float8,
      (components #>> '{components,engagement,3,2,1}')::float8,
      (components #>> '{components,engagement,3,3,1}')::float8,
      (components #>> '{components,engagement,3,4,1}')::float8,
      (components #>> '{components,product,3,0,1}')::float8,
      (components #>> '{components,product,3,1,1}')::float8,
      (components #>> '{components,product,3,2,1}')::float8,
      (components #>> '{components,product,3,3,1}')::float8,
      (components #>> '{components,relationship,3,0,1}')::float8,
      (components #>> '{components,relationship,3,1,1}')::float8,
      (components #>> '{components,relationship,3,2,1}')::float8,
      (components #>> '{components,business,3,0,1}')::float8,
      (components #>> '{components,business,3,1,1}')::float8,
      (components #>> '{components,business,3,2,1}')::float8
  ] END
) STORED;
