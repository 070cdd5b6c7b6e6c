-- Account totals in the rollup (issue 16): the scorecard's and the portfolio's active accounts and
-- ARR, the books by CSM and the triage page's band chips read the active accounts grouped by AE,
-- CSM, segment and band from "RenewalRollup" (kind 'accounts', built by the daily job) plus the
-- changes since, which the trigger below appends to "RenewalRollupChange" (kind 'account') in the
-- same transaction as the write: a new account, a rescore that moves a band, an owner, segment,
-- status or ARR change, a deletion. The old facts go in with sign -1, the new ones with +1.
CREATE FUNCTION bowtie_account_rollup_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "cents")
    VALUES ('account', -1, OLD."aeId", OLD."csmId", OLD."segment", OLD."healthBand", OLD."status", round(OLD."arr" * 100));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "RenewalRollupChange" ("kind", "sign", "aeId", "csmId", "segment", "healthBand", "accountStatus", "cents")
    VALUES ('account', 1, NEW."aeId", NEW."csmId", NEW."segment", NEW."healthBand", NEW."status", round(NEW."arr" * 100));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Account_totals_insert_delete" AFTER INSERT OR DELETE ON "Account"
  FOR EACH ROW EXECUTE FUNCTION bowtie_account_rollup_account();
CREATE TRIGGER "Account_totals_update" AFTER UPDATE ON "Account"
  FOR EACH ROW WHEN ((OLD."aeId", OLD."csmId", OLD."segment", OLD."healthBand", OLD."status", OLD."arr")
    IS DISTINCT FROM (NEW."aeId", NEW."csmId", NEW."segment", NEW."healthBand", NEW."status", NEW."arr"))
  EXECUTE FUNCTION bowtie_account_rollup_account();

-- The change log is read by kind on every page view: its rows of one kind without a scan of the others.
CREATE INDEX "RenewalRollupChange_kind_idx" ON "RenewalRollupChange"("kind");

-- The account page's advocates look up each contact's recent NPS answers by contact.
CREATE INDEX "SurveyResponse_contactId_type_respondedAt_idx" ON "SurveyResponse"("contactId", "type", "respondedAt");

-- The days built before this migration have no account groups: drop them, so the first page that
-- needs the rollup builds it once with every kind (ensureRenewalRollup), as on a new database.
DELETE FROM "RenewalRollup";
