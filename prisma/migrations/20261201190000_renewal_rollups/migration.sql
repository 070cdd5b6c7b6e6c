-- Renewal rollups (issue 16): the renewal pipeline and forecast pages read their aggregates from
-- "RenewalRollup" (built by the daily job for today and tomorrow, lib/data/renewals/rollup.ts)
-- plus the facts changed since, which the triggers below append to "RenewalRollupChange" in the
-- same transaction as the write (a forecast edit, an outcome, a rescore that moves a band, an
-- owner change). The rules (windows, weights, at risk) stay in TypeScript: the triggers copy
-- facts only, and the readers classify the base and the changes with the same SQL.
CREATE TABLE "RenewalRollup" (
    "id" BIGSERIAL NOT NULL,
    "asOf" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "aeId" INTEGER,
    "csmId" INTEGER,
    "segment" "Segment",
    "healthBand" "Band",
    "bucket" TEXT,
    "inQuarter" BOOLEAN,
    "forecast" "RenewalForecast",
    "days" INTEGER,
    "n" INTEGER NOT NULL DEFAULT 0,
    "cents" BIGINT NOT NULL DEFAULT 0,
    "expectedCents" BIGINT NOT NULL DEFAULT 0,
    "lostCents" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "RenewalRollup_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RenewalRollup_asOf_kind_idx" ON "RenewalRollup"("asOf", "kind");

CREATE TABLE "RenewalRollupChange" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "sign" SMALLINT NOT NULL,
    "aeId" INTEGER,
    "csmId" INTEGER,
    "segment" "Segment" NOT NULL,
    "healthBand" "Band",
    "accountStatus" "AccountStatus" NOT NULL,
    "status" "RenewalStatus",
    "forecast" "RenewalForecast",
    "renewalDate" DATE,
    "processStartedAt" DATE,
    "signedAt" DATE,
    "movementType" "ArrMovementType",
    "movementDate" DATE,
    "cents" BIGINT NOT NULL,
    CONSTRAINT "RenewalRollupChange_pkey" PRIMARY KEY ("id")
);

-- A renewal's facts as they were (sign -1) and as they are (sign +1), with its account's owners,
-- segment, band and status at that moment.
CREATE FUNCTION bowtie_renewal_rollup_renewal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "status", "forecast", "renewalDate", "processStartedAt", "signedAt", "cents")
    SELECT 'renewal', -1, a."aeId", a."csmId", a."segment", a."healthBand", a."status", OLD."status", OLD."forecast", OLD."renewalDate", OLD."processStartedAt", OLD."signedAt", round(OLD."arr" * 100)
    FROM "Account" a WHERE a."id" = OLD."accountId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "status", "forecast", "renewalDate", "processStartedAt", "signedAt", "cents")
    SELECT 'renewal', 1, a."aeId", a."csmId", a."segment", a."healthBand", a."status", NEW."status", NEW."forecast", NEW."renewalDate", NEW."processStartedAt", NEW."signedAt", round(NEW."arr" * 100)
    FROM "Account" a WHERE a."id" = NEW."accountId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Renewal_rollup_insert_delete" AFTER INSERT OR DELETE ON "Renewal"
  FOR EACH ROW EXECUTE FUNCTION bowtie_renewal_rollup_renewal();
CREATE TRIGGER "Renewal_rollup_update" AFTER UPDATE ON "Renewal"
  FOR EACH ROW WHEN ((OLD."accountId", OLD."renewalDate", OLD."status", OLD."forecast", OLD."arr", OLD."processStartedAt", OLD."signedAt")
    IS DISTINCT FROM (NEW."accountId", NEW."renewalDate", NEW."status", NEW."forecast", NEW."arr", NEW."processStartedAt", NEW."signedAt"))
  EXECUTE FUNCTION bowtie_renewal_rollup_renewal();

-- An ARR movement's facts (the forecast's quarter ledger), as for renewals.
CREATE FUNCTION bowtie_renewal_rollup_movement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "movementType", "movementDate", "cents")
    SELECT 'movement', -1, a."aeId", a."csmId", a."segment", a."healthBand", a."status", OLD."type", OLD."date", round(OLD."amount" * 100)
    FROM "Account" a WHERE a."id" = OLD."accountId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "movementType", "movementDate", "cents")
    SELECT 'movement', 1, a."aeId", a."csmId", a."segment", a."healthBand", a."status", NEW."type", NEW."date", round(NEW."amount" * 100)
    FROM "Account" a WHERE a."id" = NEW."accountId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ArrMovement_rollup_insert_delete" AFTER INSERT OR DELETE ON "ArrMovement"
  FOR EACH ROW EXECUTE FUNCTION bowtie_renewal_rollup_movement();
CREATE TRIGGER "ArrMovement_rollup_update" AFTER UPDATE ON "ArrMovement"
  FOR EACH ROW WHEN ((OLD."accountId", OLD."type", OLD."amount", OLD."date") IS DISTINCT FROM (NEW."accountId", NEW."type", NEW."amount", NEW."date"))
  EXECUTE FUNCTION bowtie_renewal_rollup_movement();

-- An account whose owners, segment, band or status change moves its renewals and movements from
-- the old grouping to the new one. On delete (before its rows go) they leave the rollup.
CREATE FUNCTION bowtie_renewal_rollup_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "status", "forecast", "renewalDate", "processStartedAt", "signedAt", "cents")
  SELECT 'renewal', -1, OLD."aeId", OLD."csmId", OLD."segment", OLD."healthBand", OLD."status", r."status", r."forecast", r."renewalDate", r."processStartedAt", r."signedAt", round(r."arr" * 100)
  FROM "Renewal" r WHERE r."accountId" = OLD."id";
  INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "movementType", "movementDate", "cents")
  SELECT 'movement', -1, OLD."aeId", OLD."csmId", OLD."segment", OLD."healthBand", OLD."status", m."type", m."date", round(m."amount" * 100)
  FROM "ArrMovement" m WHERE m."accountId" = OLD."id";
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "status", "forecast", "renewalDate", "processStartedAt", "signedAt", "cents")
  SELECT 'renewal', 1, NEW."aeId", NEW."csmId", NEW."segment", NEW."healthBand", NEW."status", r."status", r."forecast", r."renewalDate", r."processStartedAt", r."signedAt", round(r."arr" * 100)
  FROM "Renewal" r WHERE r."accountId" = NEW."id";
  INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "movementType", "movementDate", "cents")
  SELECT 'movement', 1, NEW."aeId", NEW."csmId", NEW."segment", NEW."healthBand", NEW."status", m."type", m."date", round(m."amount" * 100)
  FROM "ArrMovement" m WHERE m."accountId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Account_rollup_update" AFTER UPDATE ON "Account"
  FOR EACH ROW WHEN ((OLD."aeId", OLD."csmId", OLD."segment", OLD."healthBand", OLD."status")
    IS DISTINCT FROM (NEW."aeId", NEW."csmId", NEW."segment", NEW."healthBand", NEW."status"))
  EXECUTE FUNCTION bowtie_renewal_rollup_account();
CREATE TRIGGER "Account_rollup_delete" BEFORE DELETE ON "Account"
  FOR EACH ROW EXECUTE FUNCTION bowtie_renewal_rollup_account();

-- The open renewals of an account's largest ARR first: the forecast page's at-risk list.
CREATE INDEX "Renewal_open_arr_idx" ON "Renewal"("arr" DESC, "id") WHERE "status" = 'open';
