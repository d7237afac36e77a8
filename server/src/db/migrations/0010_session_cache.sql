-- Sessions cached in each server process (features/auth/session-cache.ts), exact across processes:
-- `data_version.auth_version` is bumped whenever a live session ends or may change meaning (sign-out,
-- sign-out everywhere, passwd, disable, role / jurisdiction / name change, a shortened session, a
-- new idle limit), in the writing transaction. A process uses a cached session only while the
-- auth_version it reads with the data version (one read per request on PostgreSQL, in memory from
-- the notification on PGlite) is unchanged. A new sign-in does not bump it (a new session is a
-- cache miss), and auth changes never bump `version`, so tile caches survive sign-ins and -outs.
-- Idle timeout: `user_session.last_seen_at` (written at most once a minute per session) and the
-- setting `session_idle_minutes`.
ALTER TABLE data_version ADD COLUMN auth_version bigint NOT NULL DEFAULT 1;

-- Both bumps announce `epoch.version.auth_version` on the data_version channel.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v text;
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = now()
    RETURNING epoch || '.' || version::text || '.' || auth_version::text INTO v;
  PERFORM pg_notify('data_version', v);
  RETURN NULL;
END
$$;

CREATE FUNCTION bump_auth_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v text;
BEGIN
  UPDATE data_version SET auth_version = auth_version + 1
    RETURNING epoch || '.' || version::text || '.' || auth_version::text INTO v;
  PERFORM pg_notify('data_version', v);
  RETURN NULL;
END
$$;

-- A live session deleted (sign-out, passwd, disable, a deleted account). The sweep of sessions past
-- their absolute expiry at each sign-in deletes only dead ones and bumps nothing.
CREATE TRIGGER user_session_deleted_auth_version AFTER DELETE ON user_session
  FOR EACH ROW WHEN (OLD.expires_at > now()) EXECUTE FUNCTION bump_auth_version();
-- A session shortened or moved (last_seen_at moving forward is the idle clock and bumps nothing).
CREATE TRIGGER user_session_changed_auth_version AFTER UPDATE ON user_session
  FOR EACH ROW WHEN (NEW.expires_at < OLD.expires_at OR NEW.last_seen_at < OLD.last_seen_at
    OR NEW.user_id <> OLD.user_id OR NEW.csrf_token <> OLD.csrf_token)
  EXECUTE FUNCTION bump_auth_version();
CREATE TRIGGER user_session_truncated_auth_version AFTER TRUNCATE ON user_session
  FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_version();
-- What a cached session carries about its account (failed_count and locked_until do not bump).
CREATE TRIGGER app_user_changed_auth_version AFTER UPDATE ON app_user
  FOR EACH ROW WHEN (NEW.role IS DISTINCT FROM OLD.role
    OR NEW.jurisdiction_area_id IS DISTINCT FROM OLD.jurisdiction_area_id
    OR NEW.disabled IS DISTINCT FROM OLD.disabled
    OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
    OR NEW.username IS DISTINCT FROM OLD.username
    OR NEW.display_name IS DISTINCT FROM OLD.display_name)
  EXECUTE FUNCTION bump_auth_version();
-- A new idle limit applies to cached sessions at once.
CREATE TRIGGER app_setting_idle_auth_version AFTER INSERT OR UPDATE ON app_setting
  FOR EACH ROW WHEN (NEW.key = 'session_idle_minutes') EXECUTE FUNCTION bump_auth_version();
CREATE TRIGGER app_setting_idle_deleted_auth_version AFTER DELETE ON app_setting
  FOR EACH ROW WHEN (OLD.key = 'session_idle_minutes') EXECUTE FUNCTION bump_auth_version();

INSERT INTO app_setting (key, value, description) VALUES
  ('session_idle_minutes', '30', 'minutes without a request after which a session ends (sign in again)');
