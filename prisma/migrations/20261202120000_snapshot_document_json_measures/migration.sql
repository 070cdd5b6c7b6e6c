-- The rescore's writes, cheaper again (docs/benchmarks.md, "Snapshots as json").
--
-- 1. HealthSnapshot.measures: each measure's raw value and target (and the nps and csat parts'),
--    the numbers that set-based SQL reads out of a snapshot (upsell triggers, playbook rules),
--    as a typed array the rescore writes from the numbers it has (lib/domain/health-snapshot.ts,
--    snapshotMeasures: its order is this list's). Filled here from the version 2 documents
--    stored so far; NULL in older ones, which hold no such layout.
ALTER TABLE "HealthSnapshot" ADD COLUMN "measures" double precision[];
UPDATE "HealthSnapshot" SET "measures" = ARRAY[
    (components #>> '{components,engagement,3,0,0}')::float8,
    (components #>> '{components,engagement,3,0,3}')::float8,
    (components #>> '{components,engagement,3,1,0}')::float8,
    (components #>> '{components,engagement,3,1,3}')::float8,
    (components #>> '{components,engagement,3,2,0}')::float8,
    (components #>> '{components,engagement,3,2,3}')::float8,
    (components #>> '{components,engagement,3,3,0}')::float8,
    (components #>> '{components,engagement,3,3,3}')::float8,
    (components #>> '{components,engagement,3,4,0}')::float8,
    (components #>> '{components,engagement,3,4,3}')::float8,
    (components #>> '{components,product,3,0,0}')::float8,
    (components #>> '{components,product,3,0,3}')::float8,
    (components #>> '{components,product,3,1,0}')::float8,
    (components #>> '{components,product,3,1,3}')::float8,
    (components #>> '{components,product,3,2,0}')::float8,
    (components #>> '{components,product,3,2,3}')::float8,
    (components #>> '{components,product,3,3,0}')::float8,
    (components #>> '{components,product,3,3,3}')::float8,
    (components #>> '{components,relationship,3,0,0}')::float8,
    (components #>> '{components,relationship,3,0,3}')::float8,
    (components #>> '{components,relationship,3,1,0}')::float8,
    (components #>> '{components,relationship,3,1,3}')::float8,
    (components #>> '{components,relationship,3,2,0}')::float8,
    (components #>> '{components,relationship,3,2,3}')::float8,
    (components #>> '{components,business,3,0,0}')::float8,
    (components #>> '{components,business,3,0,3}')::float8,
    (components #>> '{components,business,3,1,0}')::float8,
    (components #>> '{components,business,3,1,3}')::float8,
    (components #>> '{components,business,3,2,0}')::float8,
    (components #>> '{components,business,3,2,3}')::float8,
    (components #>> '{components,relationship,3,2,7,0,0}')::float8,
    (components #>> '{components,relationship,3,2,7,0,3}')::float8,
    (components #>> '{components,relationship,3,2,7,1,0}')::float8,
    (components #>> '{components,relationship,3,2,7,1,3}')::float8
  ]
WHERE components ->> 'v' = '2';

-- 2. The document itself becomes json: kept as the text written, and read whole by Node only.
--    As jsonb, every number in it was parsed into a numeric on the way in (2,000 snapshots: ~170
--    ms of a slice's write, against ~20 ms as json) and printed again on the way out.
ALTER TABLE "HealthSnapshot" ALTER COLUMN "components" TYPE json USING "components"::json;
