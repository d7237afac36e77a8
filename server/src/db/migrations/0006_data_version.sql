-- The data version: one row that every write to the data tiles and API reads depend on bumps, in the
-- writing transaction itself (statement-level triggers). Caches in any server process key on
-- (epoch, version) read from here, so an edit made through one process invalidates every other
-- process's caches on its next request. The version becomes visible exactly when the data does
-- (same commit); the row lock serialises writers' commits, which is cheap for a ledger's edit rate.
-- `epoch` changes when the database is rebuilt, so ETags from an older database never match.
CREATE TABLE data_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  epoch text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text),
  version bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_version DEFAULT VALUES;

-- Attach to any later table whose rows tiles or cached reads depend on:
--   CREATE TRIGGER x_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON x
--     FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = now();
  RETURN NULL;
END
$$;

CREATE TRIGGER area_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER compound_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON compound
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER party_org_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON party_org
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER org_compound_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_compound
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER station_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON station
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER funding_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON funding
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
-- Settings change derived answers (branch_min_members decides should_build in compound_coverage).
CREATE TRIGGER app_setting_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_setting
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
-- ledger_import, ledger_import_row and ledger_mapping are staging and preferences: a dry run
-- changes no compound, so they do not bump; a commit writes compound and bumps through it.

-- Tiles and bbox reads filter on the shape the map draws (the boundary, else the point): index that
-- expression so an envelope `&&` uses GiST instead of scanning every compound.
CREATE INDEX compound_shape_idx ON compound USING gist ((coalesce(boundary, location)));
