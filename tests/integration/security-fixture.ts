// Shared set-up of the security suites: the tiny city (street A) plus a second street B with a
// compound, organisation, station, funding record, plan and staged import; one account per role;
// an app in 'required' mode and helpers that sign in and send authenticated requests.
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { insertUser, type Role } from '../../server/src/features/auth/users.queries.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { loadTinyCity, TINY } from '../fixtures/tiny-city.ts'

export const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }
export const STREET_B = '510104002'
export const COMMUNITY_B = '510104002001'
export const PASSWORD = 'correct horse battery'
export const SECRET_PHONE = '13912345678'
export const SECRET_NAME = '李秘书'

export interface World {
  /** Compound ids by code of the tiny city (street A) and Z (street B). */
  compounds: Record<string, number>
  orgA: number
  orgB: number
  stationA: number
  stationB: number
  fundingA: number
  fundingB: number
  importA: number
  importB: number
  planA: number | null
  planB: number | null
}

const square = (x: number) =>
  `MULTIPOLYGON(((${104 + x} 30, ${104 + x + 0.001} 30, ${104 + x + 0.001} 30.001, ${104 + x} 30.001, ${104 + x} 30)))`

async function stagedImport(db: Db, community: string, compoundId: number): Promise<number> {
  const [imp] = await db.query<{ id: number }>(sql`
    INSERT INTO ledger_import (actor, file_names, format, layer, source_crs, crs, mapping, counts, report)
    VALUES ('fixture', ARRAY['x.csv'], 'csv', 'x', 'EPSG:4326', '{}', '{}',
      '{"total":1,"new":0,"changed":1,"unchanged":0,"rejected":0,"repaired":0,"noBoundary":1}', '{}')
    RETURNING id`)
  await db.query(sql`
    INSERT INTO ledger_import_row (import_id, row_number, code, fields, community_id, geometry_kind,
      compound_id, base_version, action, changes)
    SELECT ${imp!.id}, 2, c.code, '{"households": 7}', ${community}, 'none', c.id, c.version,
      'changed', ARRAY['households'] FROM compound c WHERE c.id = ${compoundId}`)
  return imp!.id
}

/** Loads the tiny city, street B and its records, and one account per role (password PASSWORD). */
export async function loadWorld(db: Db): Promise<World> {
  const compounds = await loadTinyCity(db)
  await db.query(sql`INSERT INTO area (id, level, name, parent_id, geom) VALUES
    (${STREET_B}, 'street', '书院街街道', ${TINY.district}, ST_GeomFromText(${square(0.03)}, 4326)),
    (${COMMUNITY_B}, 'community', '三号社区', ${STREET_B}, ST_GeomFromText(${square(0.03)}, 4326))`)
  const [z] = await db.query<{ id: number }>(sql`
    INSERT INTO compound (code, name, community_id, year_built, is_old, households, residents,
      members_full, boundary, location)
    VALUES ('Z', '小区Z', ${COMMUNITY_B}, 1990, true, 80, 200, 6,
      ST_GeomFromText(${square(0.03)}, 4326), ST_SetSRID(ST_MakePoint(104.0305, 30.0005), 4326))
    RETURNING id`)
  compounds.Z = z!.id
  const [orgB] = await db.query<{ id: number }>(sql`
    INSERT INTO party_org (kind, name, community_id, secretary_name, secretary_phone)
    VALUES ('standalone', '小区Z党支部', ${COMMUNITY_B}, ${SECRET_NAME}, ${SECRET_PHONE}) RETURNING id`)
  await db.query(sql`INSERT INTO org_compound (org_id, org_kind, org_status, compound_id)
    VALUES (${orgB!.id}, 'standalone', 'active', ${z!.id})`)
  const [stationB] = await db.query<{ id: number }>(sql`
    INSERT INTO station (name, compound_id, location) VALUES ('Z站', ${z!.id},
      ST_SetSRID(ST_MakePoint(104.0305, 30.0005), 4326)) RETURNING id`)
  const [orgA] = await db.query<{ id: number }>(
    sql`SELECT org_id AS id FROM org_compound WHERE compound_id = ${compounds.A}`,
  )
  const [stationA] = await db.query<{ id: number }>(sql`SELECT id FROM station WHERE name = 'A站'`)
  const funding = async (org: number) => {
    const [f] = await db.query<{ id: number }>(sql`
      INSERT INTO funding (org_id, year, source, amount_yuan) VALUES (${org}, 2024, 'org_dept', 1200)
      RETURNING id`)
    return f!.id
  }
  const plan = async (area: string) => {
    const [exists] = await db.query<{ t: string | null }>(
      sql`SELECT to_regclass('plan')::text AS t`,
    )
    if (!exists?.t) return null
    const [p] = await db.query<{ id: number }>(sql`
      INSERT INTO plan (name, area_id, created_by, updated_by) VALUES ('方案', ${area}, 'f', 'f')
      RETURNING id`)
    return p!.id
  }
  const world: World = {
    compounds,
    orgA: orgA!.id,
    orgB: orgB!.id,
    stationA: stationA!.id,
    stationB: stationB!.id,
    fundingA: await funding(orgA!.id),
    fundingB: await funding(orgB!.id),
    importA: await stagedImport(db, TINY.community1, compounds.D!),
    importB: await stagedImport(db, COMMUNITY_B, z!.id),
    planA: await plan(TINY.street),
    planB: await plan(STREET_B),
  }
  const hash = await hashPassword(PASSWORD)
  const users: [string, Role, string | null][] = [
    ['admin', 'admin', null],
    ['plannerA', 'planner', TINY.street],
    ['leader', 'leader', TINY.district],
    ['viewer', 'viewer', null],
    ['viewerA', 'viewer', TINY.street],
  ]
  for (const [username, role, area] of users)
    await insertUser(db, {
      username,
      displayName: username,
      role,
      passwordHash: hash,
      jurisdictionAreaId: area,
    })
  return world
}

export const requiredApp = (db: Db, opts: { trustProxy?: boolean } = {}) => {
  const log = memoryLogger()
  const app = createApp({ db, env, log }, { auth: 'required', ...opts })
  return Object.assign(app, { log })
}
export type RequiredApp = ReturnType<typeof requiredApp>

export interface Session {
  cookie: string
  csrf: string
  setCookie: string
}

/** Signs in through the API; throws unless it answers 200. */
export async function signIn(app: RequiredApp, username: string, password = PASSWORD) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200)
    throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`)
  const setCookie = res.headers.get('set-cookie') ?? ''
  const body = (await res.json()) as { csrfToken: string }
  return { cookie: setCookie.split(';')[0]!, csrf: body.csrfToken, setCookie } satisfies Session
}

/** Sends a request as `session` (cookie + CSRF token unless `csrf: false`). */
export async function call(
  app: RequiredApp,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
  opts: { csrf?: boolean; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...opts.headers }
  if (session) headers.cookie = session.cookie
  if (session && opts.csrf !== false) headers['x-csrf-token'] = session.csrf
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await app.request(path, {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  return {
    status: res.status,
    text,
    json: json as Record<string, unknown> | null,
    headers: res.headers,
  }
}

/** Served API routes (`METHOD /api/path/:param`), as app.routes lists them. */
export function apiRoutes(app: RequiredApp): { method: string; path: string; key: string }[] {
  const seen = new Set<string>()
  const out: { method: string; path: string; key: string }[] = []
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue
    const key = `${r.method} ${r.path}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ method: r.method, path: r.path, key })
  }
  return out
}

/** A fingerprint of every ledger table: equal before and after means nothing was written. */
export async function ledgerFingerprint(db: Db): Promise<string> {
  const tables = ['area', 'compound', 'party_org', 'org_compound', 'station', 'funding', 'app_user']
  const parts: string[] = []
  for (const t of tables) {
    const [row] = await db.query<{ h: string }>({
      text: `SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h
        FROM ${t} x`,
      values: [],
    })
    parts.push(`${t}=${row!.h}`)
  }
  return parts.join(' ')
}
