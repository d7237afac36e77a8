-- Accounts, sessions and sign-in settings (issue 8). Passwords are argon2id PHC strings; a session's
-- id is the SHA-256 of the random token in the cookie, so a copy of this table opens no session.

CREATE TABLE app_user (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9_.@-]{1,64}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  -- NULL for accounts that only sign in through single sign-on.
  password_hash text CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%'),
  role text NOT NULL CHECK (role IN ('admin', 'planner', 'leader', 'viewer')),
  -- The area the account may read (and, for planners, edit); NULL = the whole city. Admins ignore it.
  jurisdiction_area_id text REFERENCES area (id),
  disabled boolean NOT NULL DEFAULT false,
  failed_count integer NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
  locked_until timestamptz,
  -- The subject of the account at the single sign-on issuer, when linked.
  oidc_subject text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz
);

CREATE TABLE user_session (
  -- hex SHA-256 of the cookie's 256-bit token.
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);
CREATE INDEX user_session_expires_idx ON user_session (expires_at);

-- Sign-in events are read by account and time.
CREATE INDEX audit_log_auth_idx ON audit_log (action, at) WHERE action LIKE 'auth.%';

INSERT INTO app_setting (key, value, description) VALUES
  ('login_max_failures', '5', 'failed sign-ins in a row that lock an account'),
  ('login_lock_minutes', '15', 'minutes an account stays locked after too many failed sign-ins');
