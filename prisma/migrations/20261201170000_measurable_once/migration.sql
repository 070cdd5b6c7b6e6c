-- The same measurable can't be on the scorecard twice: an active measurable's title is unique
-- (ignoring case and surrounding spaces). Existing duplicates keep their oldest row active.
UPDATE "ScorecardMeasurable" m SET active = false
WHERE m.active AND EXISTS (
  SELECT 1 FROM "ScorecardMeasurable" o
  WHERE o.active AND o.id < m.id AND lower(trim(o.title)) = lower(trim(m.title))
);

CREATE UNIQUE INDEX "ScorecardMeasurable_active_title_key" ON "ScorecardMeasurable" (lower(trim(title))) WHERE active;
