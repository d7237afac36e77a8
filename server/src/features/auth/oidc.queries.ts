// Accounts as single sign-on sees them: found by the linked subject (`iss|sub` in
// app_user.oidc_subject) or by username, linked once, and every event in audit_log (`auth.oidc.*`).
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import type { AuthUser } from './users.queries.ts'

export interface OidcUserRow extends AuthUser {
  disabled: boolean
  lockedForS: number
  oidcSubject: string | null
}

/** The subject stored for an account: issuer and subject, since a subject is unique per issuer only. */
export const oidcSubject = (iss: string, sub: string) => `${iss}|${sub}`

const select = sql`
  SELECT u.id, u.username, u.display_name AS "displayName", u.role,
    CASE WHEN u.role = 'admin' OR a.id IS NULL THEN NULL
      ELSE json_build_object('id', a.id, 'name', a.name, 'level', a.level) END AS jurisdiction,
    u.disabled, u.oidc_subject AS "oidcSubject",
    greatest(0, ceil(extract(epoch FROM (u.locked_until - now()))))::int AS "lockedForS"
  FROM app_user u LEFT JOIN area a ON a.id = u.jurisdiction_area_id`

export async function findUserBySubject(db: Db, subject: string) {
  const [row] = await db.query<OidcUserRow>(sql`${select} WHERE u.oidc_subject = ${subject}`)
  return row
}

export async function findUserForLink(db: Db, username: string) {
  const [row] = await db.query<OidcUserRow>(sql`${select} WHERE u.username = ${username}`)
  return row
}

/** Links an account not yet linked; false when another subject got there first. */
export async function linkSubject(db: Db, userId: number, subject: string): Promise<boolean> {
  const rows = await db.query(sql`
    UPDATE app_user SET oidc_subject = ${subject}
    WHERE id = ${userId} AND oidc_subject IS NULL
      AND NOT EXISTS (SELECT 1 FROM app_user o WHERE o.oidc_subject = ${subject})
    RETURNING id`)
  return rows.length > 0
}

/** Sets (or with null clears) the subject of an account by username; false when no such user. */
export async function setSubject(db: Db, username: string, subject: string | null) {
  const rows = await db.query(sql`
    UPDATE app_user SET oidc_subject = ${subject} WHERE username = ${username} RETURNING id`)
  return rows.length > 0
}

export type OidcAction = 'login' | 'login_failed' | 'link' | 'throttled'

/** One single sign-on event in audit_log (entity app_user). Never holds a code or a token. */
export async function auditOidc(
  db: Db,
  action: OidcAction,
  actor: string,
  userId: number | null,
  detail: Record<string, unknown>,
) {
  await db.query(sql`
    INSERT INTO audit_log (actor, action, entity, entity_id, detail)
    VALUES (${actor.slice(0, 100)}, ${'auth.oidc.' + action}, 'app_user',
      ${userId === null ? null : String(userId)}, ${JSON.stringify(detail)}::jsonb)`)
}
