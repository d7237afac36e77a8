import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'

export const ROLES = ['admin', 'planner', 'leader', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export interface Jurisdiction {
  id: string
  name: string
  level: string
}

/** Who makes a request, as every route and the policy see it. */
export interface AuthUser {
  id: number
  username: string
  displayName: string
  role: Role
  /** null = the whole city (and always for admins, who ignore it). */
  jurisdiction: Jurisdiction | null
}

export interface UserRow extends AuthUser {
  passwordHash: string | null
  disabled: boolean
  failedCount: number
  lockedUntil: string | null
  /** Seconds until the lock ends; 0 when not locked. */
  lockedForS: number
}

const userColumns = sql`u.id, u.username, u.display_name AS "displayName", u.role,
  CASE WHEN u.role = 'admin' OR a.id IS NULL THEN NULL
    ELSE json_build_object('id', a.id, 'name', a.name, 'level', a.level) END AS jurisdiction`

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(sql`
    SELECT ${userColumns}, u.password_hash AS "passwordHash", u.disabled,
      u.failed_count AS "failedCount", u.locked_until::text AS "lockedUntil",
      greatest(0, ceil(extract(epoch FROM (u.locked_until - now()))))::int AS "lockedForS"
    FROM app_user u LEFT JOIN area a ON a.id = u.jurisdiction_area_id
    WHERE u.username = ${username}`)
  return row
}

export async function listUsers(db: Db) {
  return db.query<
    AuthUser & { disabled: boolean; lockedUntil: string | null; sessions: number }
  >(sql`
    SELECT ${userColumns}, u.disabled, u.locked_until::text AS "lockedUntil",
      (SELECT count(*)::int FROM user_session s WHERE s.user_id = u.id AND s.expires_at > now()) AS sessions
    FROM app_user u LEFT JOIN area a ON a.id = u.jurisdiction_area_id
    ORDER BY u.id`)
}

export interface NewUser {
  username: string
  displayName: string
  passwordHash: string | null
  role: Role
  jurisdictionAreaId: string | null
  oidcSubject?: string | null
}

export async function insertUser(db: Db, u: NewUser): Promise<number> {
  const [row] = await db.query<{ id: number }>(sql`
    INSERT INTO app_user (username, display_name, password_hash, role, jurisdiction_area_id,
      oidc_subject, password_changed_at)
    VALUES (${u.username}, ${u.displayName}, ${u.passwordHash}, ${u.role},
      ${u.role === 'admin' ? null : u.jurisdictionAreaId}, ${u.oidcSubject ?? null},
      ${u.passwordHash ? sql`now()` : null})
    RETURNING id`)
  return row!.id
}

/** Sets a new password, clears the lock and ends every session of the account. */
export async function setPassword(db: Db, username: string, passwordHash: string) {
  return db.tx(async (t) => {
    const rows = await t.query<{ id: number }>(sql`
      UPDATE app_user SET password_hash = ${passwordHash}, password_changed_at = now(),
        failed_count = 0, locked_until = NULL
      WHERE username = ${username} RETURNING id`)
    if (rows[0]) await t.query(sql`DELETE FROM user_session WHERE user_id = ${rows[0].id}`)
    return rows.length > 0
  })
}

/** Disables (or re-enables) an account; disabling ends its sessions. */
export async function setDisabled(db: Db, username: string, disabled: boolean) {
  return db.tx(async (t) => {
    const rows = await t.query<{ id: number }>(sql`
      UPDATE app_user SET disabled = ${disabled} WHERE username = ${username} RETURNING id`)
    if (rows[0] && disabled)
      await t.query(sql`DELETE FROM user_session WHERE user_id = ${rows[0].id}`)
    return rows.length > 0
  })
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM app_user`)
  return row!.n
}

/** Records one failed sign-in; locks the account when it reaches `maxFailures`. True when locked now. */
export async function recordFailure(
  db: Db,
  userId: number,
  maxFailures: number,
  lockMinutes: number,
): Promise<boolean> {
  const [row] = await db.query<{ locked: boolean }>(sql`
    UPDATE app_user SET
      failed_count = CASE WHEN failed_count + 1 >= ${maxFailures} THEN 0 ELSE failed_count + 1 END,
      locked_until = CASE WHEN failed_count + 1 >= ${maxFailures}
        THEN now() + make_interval(mins => ${lockMinutes}::int) ELSE locked_until END
    WHERE id = ${userId}
    RETURNING failed_count = 0 AND locked_until > now() AS locked`)
  return row?.locked ?? false
}

export async function clearFailures(db: Db, userId: number) {
  await db.query(
    sql`UPDATE app_user SET failed_count = 0, locked_until = NULL WHERE id = ${userId}`,
  )
}

export interface LoginSettings {
  maxFailures: number
  lockMinutes: number
}

export async function loginSettings(db: Db): Promise<LoginSettings> {
  const rows = await db.query<{ key: string; value: unknown }>(sql`
    SELECT key, value FROM app_setting WHERE key IN ('login_max_failures', 'login_lock_minutes')`)
  const get = (k: string, d: number) => {
    const v = Number(rows.find((r) => r.key === k)?.value)
    return Number.isFinite(v) && v > 0 ? v : d
  }
  return { maxFailures: get('login_max_failures', 5), lockMinutes: get('login_lock_minutes', 15) }
}

// ---- sessions -------------------------------------------------------------------------------

/** Hours a session lives after sign-in. */
export const SESSION_HOURS = 12

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

/** Starts a session: returns the cookie token (never stored) and the CSRF token. */
export async function createSession(
  db: Db,
  userId: number,
  meta: { ip: string; userAgent: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(32).toString('base64url')
  await db.query(sql`
    INSERT INTO user_session (id, user_id, csrf_token, expires_at, ip, user_agent)
    VALUES (${tokenHash(token)}, ${userId}, ${csrfToken},
      now() + make_interval(hours => ${SESSION_HOURS}), ${meta.ip.slice(0, 100)},
      ${meta.userAgent.slice(0, 300)})`)
  // Expired sessions are of no use to anyone; sweep them at each sign-in.
  await db.query(sql`DELETE FROM user_session WHERE expires_at < now()`)
  return { token, csrfToken }
}

export interface SessionUser {
  user: AuthUser
  sessionId: string
  csrfToken: string
}

/** Minutes without a request after which a session ends, when app_setting has no valid value. */
export const DEFAULT_IDLE_MINUTES = 30
/** last_seen_at is written at most this often per session. */
export const TOUCH_MS = 60_000

/** A session as the database sees it now: durations are relative to the database's clock. */
export type SessionLookup =
  | {
      state: 'live'
      session: SessionUser
      expiresInMs: number
      idleForMs: number
      idleLimitMs: number
    }
  | { state: 'idle' }

/**
 * The session behind a cookie token with its (enabled) account: live, timed out (no request for
 * `session_idle_minutes`), or undefined (unknown, signed out, past its absolute expiry, disabled).
 * A live session whose last_seen_at is older than a minute is touched (now).
 */
export async function lookupSession(db: Db, token: string): Promise<SessionLookup | undefined> {
  const id = tokenHash(token)
  const [row] = await db.query<
    AuthUser & { csrfToken: string; expiresInMs: number; idleForMs: number; idleMinutes: unknown }
  >(sql`
    SELECT ${userColumns}, s.csrf_token AS "csrfToken",
      (extract(epoch FROM s.expires_at - now()) * 1000)::float8 AS "expiresInMs",
      greatest(0, extract(epoch FROM now() - s.last_seen_at) * 1000)::float8 AS "idleForMs",
      (SELECT value FROM app_setting WHERE key = 'session_idle_minutes') AS "idleMinutes"
    FROM user_session s JOIN app_user u ON u.id = s.user_id
      LEFT JOIN area a ON a.id = u.jurisdiction_area_id
    WHERE s.id = ${id} AND s.expires_at > now() AND NOT u.disabled`)
  if (!row) return undefined
  const { csrfToken, expiresInMs, idleForMs, idleMinutes, ...user } = row
  const minutes = Number(idleMinutes)
  const idleLimitMs =
    (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_IDLE_MINUTES) * 60_000
  if (idleForMs > idleLimitMs) return { state: 'idle' }
  if (idleForMs >= TOUCH_MS) await touchSession(db, id)
  return {
    state: 'live',
    session: { user, sessionId: id, csrfToken },
    expiresInMs,
    idleForMs: idleForMs >= TOUCH_MS ? 0 : idleForMs,
    idleLimitMs,
  }
}

/** Records a request of the session (the idle clock); at most once a minute per session. */
export async function touchSession(db: Db, sessionId: string) {
  await db.query(
    sql`UPDATE user_session SET last_seen_at = greatest(last_seen_at, now()) WHERE id = ${sessionId}`,
  )
}

/**
 * touchSession for a cached session: records the request only while the database still counts the
 * session live (another process may have found it idle meanwhile); false when it does not.
 */
export async function touchLiveSession(db: Db, sessionId: string, idleLimitMs: number) {
  const rows = await db.query(sql`
    UPDATE user_session SET last_seen_at = greatest(last_seen_at, now())
    WHERE id = ${sessionId} AND expires_at > now()
      AND (extract(epoch FROM now() - last_seen_at) * 1000)::float8 <= ${idleLimitMs}::float8
    RETURNING id`)
  return rows.length > 0
}

export async function endSession(db: Db, sessionId: string) {
  await db.query(sql`DELETE FROM user_session WHERE id = ${sessionId}`)
}

export async function endAllSessions(db: Db, userId: number): Promise<number> {
  const rows = await db.query(sql`DELETE FROM user_session WHERE user_id = ${userId} RETURNING id`)
  return rows.length
}

// ---- audit ----------------------------------------------------------------------------------

/** One sign-in event in audit_log (entity app_user). Never holds a password or a token. */
export async function auditAuth(
  db: Db,
  action: 'login' | 'login_failed' | 'lockout' | 'logout' | 'logout_all' | 'throttled',
  actor: string,
  userId: number | null,
  detail: Record<string, unknown>,
) {
  await db.query(sql`
    INSERT INTO audit_log (actor, action, entity, entity_id, detail)
    VALUES (${actor.slice(0, 100)}, ${'auth.' + action}, 'app_user',
      ${userId === null ? null : String(userId)}, ${JSON.stringify(detail)}::jsonb)`)
}
