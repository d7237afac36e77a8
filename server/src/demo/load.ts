import type { Db } from '../db/db.ts'
import { sql } from '../db/sql.ts'
import { generateDemoCity } from './generate.ts'
import type { DemoCityOptions } from './generate.ts'
import type { DemoCity } from './types.ts'

/** Rows inserted per table, and how long the load took (ms). */
export interface LoadSummary {
  areas: number
  compounds: number
  orgs: number
  orgCompounds: number
  stations: number
  funding: number
  ms: number
}

// Rows per statement: large enough to amortise the round trip, small enough to keep each JSON parameter
// to a few MB (compound rows with their polygons are about 1 KB each).
const BATCH = 2500
const LEVEL_ORDER = { city: 0, district: 1, street: 2, community: 3 } as const

/** Runs `insert` over `rows` in batches, each batch one statement with the rows as one JSON parameter. */
async function batched<T>(
  rows: readonly T[],
  insert: (json: string) => Promise<number>,
): Promise<number> {
  let n = 0
  for (let i = 0; i < rows.length; i += BATCH)
    n += await insert(JSON.stringify(rows.slice(i, i + BATCH)))
  return n
}

const count = async (db: Db, q: ReturnType<typeof sql>) =>
  (await db.query<{ n: number }>(q))[0]?.n ?? 0

/**
 * Inserts a generated city in one transaction: areas, compounds (location = point on surface of the
 * boundary), organisations and their compounds, stations and funding. Ids come from the database's serials;
 * rows refer to each other by compound code and by (community, organisation name), joined in SQL.
 */
export async function loadDemoCity(db: Db, city: DemoCity): Promise<LoadSummary> {
  const t0 = performance.now()
  return db.tx(async (t) => {
    const areas = city.areas
      .slice()
      .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
      .map((a) => ({
        id: a.id,
        level: a.level,
        name: a.name,
        parent_id: a.parentId,
        geom: a.geometry,
      }))
    const nAreas = await batched(areas, (json) =>
      count(
        t,
        sql`
      WITH ins AS (
        INSERT INTO area (id, level, name, parent_id, geom)
        SELECT r.id, r.level, r.name, r.parent_id, ST_SetSRID(ST_GeomFromGeoJSON(r.geom), 4326)
        FROM jsonb_to_recordset(${json}::jsonb) AS r(id text, level text, name text, parent_id text, geom jsonb)
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
      ),
    )

    const compounds = city.compounds.map((c) => ({
      code: c.code,
      name: c.name,
      address: c.address,
      community_id: c.communityId,
      grid: c.grid,
      year_built: c.yearBuilt,
      is_old: c.isOld,
      site_area_m2: c.siteAreaM2,
      households: c.households,
      residents: c.residents,
      elderly_share: c.elderlyShare,
      buildings: c.buildings,
      tenure: c.tenure,
      property_mgmt: c.propertyMgmt,
      renovation_status: c.renovationStatus,
      members_full: c.membersFull,
      members_probationary: c.membersProbationary,
      members_registered: c.membersRegistered,
      members_in_service: c.membersInService,
      members_retired: c.membersRetired,
      members_floating_in: c.membersFloatingIn,
      members_floating_out: c.membersFloatingOut,
      vanguard_team: c.vanguardTeam,
      vanguard_size: c.vanguardSize,
      self_governance: c.selfGovernance,
      consultations: c.consultations,
      problems_logged: c.problemsLogged,
      problems_closed: c.problemsClosed,
      boundary: c.boundary,
    }))
    const nCompounds = await batched(compounds, (json) =>
      count(
        t,
        sql`
      WITH ins AS (
        INSERT INTO compound (code, name, address, community_id, grid, year_built, is_old, site_area_m2,
          households, residents, elderly_share, buildings, tenure, property_mgmt, renovation_status,
          members_full, members_probationary, members_registered, members_in_service, members_retired,
          members_floating_in, members_floating_out, vanguard_team, vanguard_size, self_governance,
          consultations, problems_logged, problems_closed, boundary, location)
        SELECT r.code, r.name, r.address, r.community_id, r.grid, r.year_built, r.is_old, r.site_area_m2,
          r.households, r.residents, r.elderly_share, r.buildings, r.tenure, r.property_mgmt, r.renovation_status,
          r.members_full, r.members_probationary, r.members_registered, r.members_in_service, r.members_retired,
          r.members_floating_in, r.members_floating_out, r.vanguard_team, r.vanguard_size, r.self_governance,
          r.consultations, r.problems_logged, r.problems_closed, g.geom, ST_PointOnSurface(g.geom)
        FROM jsonb_to_recordset(${json}::jsonb) AS r(code text, name text, address text, community_id text,
          grid text, year_built int, is_old boolean, site_area_m2 real, households int, residents int,
          elderly_share real, buildings int, tenure text, property_mgmt text, renovation_status text,
          members_full int, members_probationary int, members_registered int, members_in_service int,
          members_retired int, members_floating_in int, members_floating_out int, vanguard_team text,
          vanguard_size int, self_governance text[], consultations int, problems_logged int,
          problems_closed int, boundary jsonb)
        CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(r.boundary), 4326) AS geom) AS g
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
      ),
    )

    const orgs = city.orgs.map((o) => ({
      kind: o.kind,
      status: o.status,
      name: o.name,
      community_id: o.communityId,
      founded: o.founded,
      secretary_name: o.secretaryName,
      secretary_phone: o.secretaryPhone,
      secretary_role: o.secretaryRole,
      committee_size: o.committeeSize,
    }))
    const nOrgs = await batched(orgs, (json) =>
      count(
        t,
        sql`
      WITH ins AS (
        INSERT INTO party_org (kind, status, name, community_id, founded, secretary_name, secretary_phone,
          secretary_role, committee_size)
        SELECT r.kind, r.status, r.name, r.community_id, r.founded, r.secretary_name, r.secretary_phone,
          r.secretary_role, r.committee_size
        FROM jsonb_to_recordset(${json}::jsonb) AS r(kind text, status text, name text, community_id text,
          founded date, secretary_name text, secretary_phone text, secretary_role text, committee_size int)
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
      ),
    )

    // Organisations are found again by (community, name), which the generator keeps unique.
    const links = city.orgs.flatMap((o) =>
      o.compoundCodes.map((code) => ({ community_id: o.communityId, name: o.name, code })),
    )
    const nLinks = await batched(links, (json) =>
      count(
        t,
        sql`
      WITH ins AS (
        INSERT INTO org_compound (org_id, org_kind, org_status, compound_id)
        SELECT o.id, o.kind, o.status, c.id
        FROM jsonb_to_recordset(${json}::jsonb) AS r(community_id text, name text, code text)
        JOIN party_org o ON o.community_id = r.community_id AND o.name = r.name
        JOIN compound c ON c.code = r.code
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
      ),
    )

    const stations = city.stations.map((s) => ({
      name: s.name,
      code: s.compoundCode,
      lng: s.location[0],
      lat: s.location[1],
      area_m2: s.areaM2,
      origin: s.origin,
      opened: s.opened,
      opening_hours: s.openingHours,
    }))
    const nStations = await batched(stations, (json) =>
      count(
        t,
        sql`
      WITH ins AS (
        INSERT INTO station (name, compound_id, location, area_m2, origin, opened, opening_hours)
        SELECT r.name, c.id, ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326), r.area_m2, r.origin, r.opened, r.opening_hours
        FROM jsonb_to_recordset(${json}::jsonb) AS r(name text, code text, lng float8, lat float8, area_m2 real,
          origin text, opened date, opening_hours text)
        LEFT JOIN compound c ON c.code = r.code
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
      ),
    )

    const orgByKey = new Map(city.orgs.map((o) => [o.key, o]))
    const funding = city.funding.map((f) => {
      const org = orgByKey.get(f.orgKey)
      if (!org) throw new Error(`funding row refers to unknown organisation ${f.orgKey}`)
      return {
        community_id: org.communityId,
        name: org.name,
        year: f.year,
        source: f.source,
        amount_yuan: f.amountYuan,
      }
    })
    const nFunding = await batched(funding, (json) =>
      count(
        t,
        sql`
      WITH ins AS (
        INSERT INTO funding (org_id, year, source, amount_yuan)
        SELECT o.id, r.year, r.source, r.amount_yuan
        FROM jsonb_to_recordset(${json}::jsonb) AS r(community_id text, name text, year int, source text,
          amount_yuan numeric)
        JOIN party_org o ON o.community_id = r.community_id AND o.name = r.name
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
      ),
    )

    return {
      areas: nAreas,
      compounds: nCompounds,
      orgs: nOrgs,
      orgCompounds: nLinks,
      stations: nStations,
      funding: nFunding,
      ms: Math.round(performance.now() - t0),
    }
  })
}

/** Loads the demo city when the database has no areas yet (first start); resolves to whether it loaded. */
export async function ensureDemoCity(db: Db, options: DemoCityOptions = {}): Promise<boolean> {
  const [row] = await db.query<{ empty: boolean }>(
    sql`SELECT NOT EXISTS (SELECT 1 FROM area) AS empty`,
  )
  if (!row?.empty) return false
  await loadDemoCity(db, generateDemoCity(options))
  // Fresh planner statistics: without them the planner guesses tiny tables and picks nested loops
  // that make area roll-ups seconds slower (PGlite runs no autovacuum to do this by itself).
  await db.exec('ANALYZE')
  return true
}
