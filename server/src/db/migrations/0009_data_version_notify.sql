-- The data version is also announced: bump_data_version() sends NOTIFY data_version with the new
-- `epoch.version` as payload. PostgreSQL delivers a notification only when the writing transaction
-- commits (never for a rollback), in commit order, to every session that LISTENs. PGlite is one
-- session, so there the server learns of each write before that write's own call returns and keeps
-- the version in memory instead of reading it per request (lib/data-version.ts). Servers on
-- PostgreSQL still read the version per request, so "the next request sees the edit" stays exact.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v text;
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = now()
    RETURNING epoch || '.' || version::text INTO v;
  PERFORM pg_notify('data_version', v);
  RETURN NULL;
END
$$;
