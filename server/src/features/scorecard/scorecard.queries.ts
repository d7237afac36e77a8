import type { Db } from '../../db/db.ts'
import { sql, type Sql } from '../../db/sql.ts'
import type { AreaLevel } from '../../domain/coverage.ts'
import { getSettings } from '../settings/settings.queries.ts'
import {
  emptySums,
  WEIGHT_SUM_KEYS,
  WEIGHTS,
  type Bbox,
  type RowIdentity,
  type Sums,
  type Targets,
} from './sums.ts'

/** The rule values the scorecard uses, as the API reports them. */
export interface ScorecardSettings {
  stationWalkM: number
  secondRingM: number
  fundingYuan: number
  /** Funding year: the calendar year in China (UTC+8) now, as the view computes it. */
  year: number
  hotspotBandM: number
  targets: Targets
}

const TARGET_KEYS: Record<string, keyof Targets> = {
  target_organisation: 'organisation',
  target_example: 'example',
  target_station: 'station',
  target_funding: 'funding',
  target_mechanisms: 'mechanisms',
  target_all_five: 'allFive',
}

/** Reads the scorecard's settings (shared ones through features/settings, its own here). */
export async function scorecardSettings(db: Db): Promise<ScorecardSettings> {
  const shared = await getSettings(db)
  const rows = await db.query<{ key: string; value: unknown; year: number }>(sql`
    SELECT key, value, extract(year FROM (now() AT TIME ZONE 'UTC') + interval '8 hours')::int AS year
    FROM app_setting WHERE key = 'hotspot_band_m' OR key LIKE 'target\\_%'`)
  const targets: Targets = {
    organisation: 1,
    example: 1,
    station: 1,
    funding: 1,
    mechanisms: 1,
    allFive: 1,
  }
  let hotspotBandM = 1000
  let year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
  for (const r of rows) {
    year = r.year
    const v = Number(r.value)
    if (!Number.isFinite(v)) continue
    if (r.key === 'hotspot_band_m') hotspotBandM = v
    const t = TARGET_KEYS[r.key]
    if (t) targets[t] = v
  }
  return {
    stationWalkM: shared.stationWalkM,
    secondRingM: Math.max(shared.stationWalkM, shared.stationWalkOuterM),
    fundingYuan: shared.fundingMinYuan,
    year,
    hotspotBandM,
    targets,
  }
}

/**
 * Runs `fn` in a read transaction set up for whole-area aggregates: no JIT (a costly plan estimate
 * would make PostgreSQL spend ~300 ms compiling a query that runs in 100) and no nested loops
 * unless unavoidable (the view's grouped row counts are underestimated, and a nested loop over the
 * area chain then costs seconds on the whole city; hash joins take milliseconds).
 */
export const withoutJit = <T>(db: Db, fn: (t: Db) => Promise<T>) =>
  db.tx(async (t) => {
    await t.query(sql`SET LOCAL jit = off`)
    await t.query(sql`SET LOCAL enable_nestloop = off`)
    return fn(t)
  })

/**
 * Rows of `q` as one JSON text parsed here: PGlite decodes every field of every row in JavaScript
 * (11,000 rows × 26 columns took 2.7 s), one text value takes milliseconds. Same values on both
 * drivers: float8 prints round-trip exact, integers and booleans as themselves.
 */
async function jsonRows<R>(db: Db, q: Sql): Promise<R[]> {
  const [row] = await db.query<{ j: string }>(
    sql`SELECT coalesce(json_agg(q), '[]'::json)::text AS j FROM (${q}) q`,
  )
  return JSON.parse(row!.j) as R[]
}

// The grouping keys of a scored compound, from the compound up to the city.
type Key = 'compound' | AreaLevel
const KEY_EXPR: Record<Key, Sql> = {
  compound: sql`sc.compound_id::text`,
  community: sql`com.id`,
  street: sql`com.parent_id`,
  district: sql`str.parent_id`,
  city: sql`dis.parent_id`,
}
const CHILD: Record<AreaLevel, Key> = {
  city: 'district',
  district: 'street',
  street: 'community',
  community: 'compound',
}

const passedCount = sql`(sc.organisation_pass::int + sc.example_pass::int + sc.station_pass::int
  + sc.funding_pass::int + sc.mechanisms_pass::int)`

const TEST: Record<(typeof WEIGHT_SUM_KEYS)[number], Sql> = {
  total: sql`1`,
  organisation: sql`sc.organisation_pass::int`,
  example: sql`sc.example_pass::int`,
  station: sql`sc.station_pass::int`,
  station2: sql`sc.station2_pass::int`,
  funding: sql`sc.funding_pass::int`,
  mechanisms: sql`sc.mechanisms_pass::int`,
  allFive: sql`(${passedCount} = 5)::int`,
  passed: passedCount,
}
const WEIGHT_EXPR = {
  compounds: sql`1`,
  households: sql`sc.households`,
  residents: sql`sc.residents`,
}
const WCOLS = WEIGHTS.flatMap((w) => WEIGHT_SUM_KEYS.map((k) => `${w}.${k}`))

const aggregates = sql.join([
  sql`count(*)::int AS compounds`,
  sql`count(*) FILTER (WHERE sc.is_old)::int AS "oldCompounds"`,
  sql`coalesce(sum(sc.households) FILTER (WHERE sc.is_old), 0)::float8 AS households`,
  sql`coalesce(sum(sc.residents) FILTER (WHERE sc.is_old), 0)::float8 AS residents`,
  sql`coalesce(sum(sc.elderly) FILTER (WHERE sc.is_old), 0)::float8 AS elderly`,
  sql`count(*) FILTER (WHERE sc.is_old AND sc.has_vanguard)::int AS "vanguardTeams"`,
  sql`coalesce(sum(sc.consultations) FILTER (WHERE sc.is_old), 0)::float8 AS consultations`,
  sql`coalesce(sum(sc.problems_closed) FILTER (WHERE sc.is_old), 0)::float8 AS "problemsSolved"`,
  ...WEIGHTS.flatMap((w) =>
    WEIGHT_SUM_KEYS.map(
      (k) =>
        sql`coalesce(sum(${WEIGHT_EXPR[w]} * ${TEST[k]}) FILTER (WHERE sc.is_old), 0)::float8
          AS ${sql.ident(`${w}.${k}`, WCOLS)}`,
    ),
  ),
])

const scoredWithAreas = sql`
  compound_scorecard sc
  JOIN area com ON com.id = sc.community_id
  JOIN area str ON str.id = com.parent_id
  JOIN area dis ON dis.id = str.parent_id`

type SumsRow = Record<string, number | string | null>

function sumsFrom(r: SumsRow, into: Sums = emptySums()): Sums {
  for (const k of [
    'compounds',
    'oldCompounds',
    'households',
    'residents',
    'elderly',
    'vanguardTeams',
    'consultations',
    'problemsSolved',
  ] as const)
    into[k] = Number(r[k] ?? 0)
  for (const w of WEIGHTS)
    for (const k of WEIGHT_SUM_KEYS) into.w[w][k] = Number(r[`${w}.${k}`] ?? 0)
  return into
}

const orgAggregates = (year: number) => sql`
  count(*) FILTER (WHERE o.kind = 'joint')::int AS "jointBranches",
  count(*) FILTER (WHERE o.kind = 'standalone')::int AS "standaloneBranches",
  count(*) FILTER (WHERE o.kind = 'temporary')::int AS "temporaryBranches",
  count(*) FILTER (WHERE o.kind = 'instructor')::int AS instructors,
  coalesce(sum((SELECT sum(f.amount_yuan) FROM funding f
    WHERE f.org_id = o.id AND f.year = ${year}::int)), 0)::float8 AS "fundingYuan"`

function addOrgs(s: Sums, r: SumsRow) {
  s.jointBranches = Number(r.jointBranches ?? 0)
  s.standaloneBranches = Number(r.standaloneBranches ?? 0)
  s.temporaryBranches = Number(r.temporaryBranches ?? 0)
  s.instructors = Number(r.instructors ?? 0)
  s.fundingYuan = Number(r.fundingYuan ?? 0)
}

/** Sums of an area and of each child (next level down; a community's children are its compounds). */
export async function areaSums(
  db: Db,
  area: { id: string; level: AreaLevel },
  year: number,
): Promise<{ totals: Sums; children: Map<string, Sums> }> {
  const own = KEY_EXPR[area.level]
  const child = KEY_EXPR[CHILD[area.level]]
  return withoutJit(db, async (t) => {
    const rows = await jsonRows<SumsRow & { key: string | null; total: number }>(
      t,
      sql`
      SELECT ${child} AS key, GROUPING(${child})::int AS total, ${aggregates}
      FROM ${scoredWithAreas}
      WHERE ${own} = ${area.id}
      GROUP BY GROUPING SETS ((), (${child}))`,
    )
    // Organisations belong to a community; a compound's are those covering it.
    const orgRows =
      area.level === 'community'
        ? await t.query<SumsRow & { key: string | null; total: number }>(sql`
            SELECT oc.compound_id::text AS key, 0 AS total, ${orgAggregates(year)}
            FROM org_compound oc JOIN party_org o ON o.id = oc.org_id
            JOIN compound c ON c.id = oc.compound_id
            WHERE o.status = 'active' AND c.community_id = ${area.id}
            GROUP BY oc.compound_id
            UNION ALL
            SELECT NULL, 1, ${orgAggregates(year)}
            FROM party_org o WHERE o.status = 'active' AND o.community_id = ${area.id}`)
        : await t.query<SumsRow & { key: string | null; total: number }>(sql`
            SELECT ${child} AS key, GROUPING(${child})::int AS total, ${orgAggregates(year)}
            FROM party_org o
            JOIN area com ON com.id = o.community_id
            JOIN area str ON str.id = com.parent_id
            JOIN area dis ON dis.id = str.parent_id
            WHERE o.status = 'active' AND ${own} = ${area.id}
            GROUP BY GROUPING SETS ((), (${child}))`)
    const totals = emptySums()
    const children = new Map<string, Sums>()
    for (const r of rows) {
      if (r.total === 1) sumsFrom(r, totals)
      else if (r.key !== null) children.set(r.key, sumsFrom(r))
    }
    for (const r of orgRows) {
      if (r.total === 1) addOrgs(totals, r)
      else if (r.key !== null) {
        const s = children.get(r.key) ?? emptySums()
        addOrgs(s, r)
        children.set(r.key, s)
      }
    }
    return { totals, children }
  })
}

/** Sums of every area of every level at once (for snapshots): area id → level and sums. */
export async function allAreaSums(db: Db, year: number) {
  const levels: AreaLevel[] = ['city', 'district', 'street', 'community']
  const sets = sql.join(levels.map((l) => sql`(${KEY_EXPR[l]})`))
  const which = sql`CASE ${sql.join(
    levels.map((l) => sql`WHEN GROUPING(${KEY_EXPR[l]}) = 0 THEN ${l}`),
    ' ',
  )} END`
  const key = sql`coalesce(${sql.join(levels.map((l) => KEY_EXPR[l]))})`
  return withoutJit(db, async (t) => {
    const rows = await jsonRows<SumsRow & { key: string; level: AreaLevel }>(
      t,
      sql`
      SELECT ${which} AS level, ${key} AS key, ${aggregates}
      FROM ${scoredWithAreas}
      GROUP BY GROUPING SETS (${sets})`,
    )
    const orgRows = await jsonRows<SumsRow & { key: string }>(
      t,
      sql`
      SELECT ${key} AS key, ${orgAggregates(year)}
      FROM party_org o
      JOIN area com ON com.id = o.community_id
      JOIN area str ON str.id = com.parent_id
      JOIN area dis ON dis.id = str.parent_id
      WHERE o.status = 'active'
      GROUP BY GROUPING SETS (${sets})`,
    )
    const areas = await t.query<{ id: string; level: AreaLevel }>(sql`SELECT id, level FROM area`)
    const out = new Map<string, { level: AreaLevel; sums: Sums }>()
    for (const a of areas) out.set(a.id, { level: a.level, sums: emptySums() })
    for (const r of rows) {
      const entry = out.get(r.key)
      if (entry) sumsFrom(r, entry.sums)
    }
    for (const r of orgRows) {
      const entry = out.get(r.key)
      if (entry) addOrgs(entry.sums, r)
    }
    return out
  })
}

const bboxOf = (g: Sql) => sql`CASE WHEN ${g} IS NULL THEN NULL ELSE json_build_array(
  round(ST_XMin(${g})::numeric, 6)::float8, round(ST_YMin(${g})::numeric, 6)::float8,
  round(ST_XMax(${g})::numeric, 6)::float8, round(ST_YMax(${g})::numeric, 6)::float8) END`

/** Name, code and bbox of the child rows of an area: its child areas, or a community's compounds. */
export function childIdentities(db: Db, area: { id: string; level: AreaLevel }) {
  if (area.level === 'community')
    return db.query<RowIdentity>(sql`
      SELECT id::text AS id, name, 'compound' AS level, code,
        ${bboxOf(sql`coalesce(boundary, location)`)} AS bbox
      FROM compound WHERE community_id = ${area.id} ORDER BY code`)
  return db.query<RowIdentity>(sql`
    SELECT id, name, level, id AS code, ${bboxOf(sql`geom`)} AS bbox
    FROM area WHERE parent_id = ${area.id} ORDER BY id`)
}

/** The bbox of an area, degrees. */
export async function areaBbox(db: Db, id: string): Promise<Bbox | null> {
  const [row] = await db.query<{ bbox: Bbox | null }>(
    sql`SELECT ${bboxOf(sql`geom`)} AS bbox FROM area WHERE id = ${id}`,
  )
  return row?.bbox ?? null
}

/** One scored compound as the database gives it (flat). */
export interface ScoredRow {
  id: number
  code: string
  name: string
  lng: number
  lat: number
  isOld: boolean
  communityId: string
  households: number
  residents: number
  elderly: number
  organisationPass: boolean
  organisationReason: string
  examplePass: boolean
  exampleReason: string
  vanguardSize: number
  inService: number
  stationPass: boolean
  stationReason: string
  distanceM: number | null
  fundingPass: boolean
  fundingReason: string
  fundingYuan: number
  mechanismsPass: boolean
  mechanismsReason: string
  bodies: number
  consultations: number
}

const scoredColumns = sql`
  c.id, c.code, c.name,
  round(ST_X(c.location)::numeric, 6)::float8 AS lng, round(ST_Y(c.location)::numeric, 6)::float8 AS lat,
  sc.is_old AS "isOld", sc.community_id AS "communityId",
  sc.households, sc.residents, sc.elderly,
  sc.organisation_pass AS "organisationPass", sc.organisation_reason AS "organisationReason",
  sc.example_pass AS "examplePass", sc.example_reason AS "exampleReason",
  sc.vanguard_size AS "vanguardSize", sc.members_in_service AS "inService",
  sc.station_pass AS "stationPass", sc.station_reason AS "stationReason", sc.distance_m AS "distanceM",
  sc.funding_pass AS "fundingPass", sc.funding_reason AS "fundingReason", sc.funding_yuan AS "fundingYuan",
  sc.mechanisms_pass AS "mechanismsPass", sc.mechanisms_reason AS "mechanismsReason",
  sc.bodies, sc.consultations`

/** The scored old compounds of an area (any level), ordered by id. Filtered through the area chain
 * (hash joins) rather than `IN (recursive CTE)`, whose row estimate of 10 led to a nested loop. */
export const scoredCompounds = (db: Db, area: { id: string; level: AreaLevel }) =>
  withoutJit(db, async (t) => {
    const rows = await jsonRows<ScoredRow>(
      t,
      sql`
      SELECT ${scoredColumns}
      FROM ${scoredWithAreas} JOIN compound c ON c.id = sc.compound_id
      WHERE sc.is_old AND ${KEY_EXPR[area.level]} = ${area.id}`,
    )
    return rows.sort((a, b) => a.id - b.id)
  })

/** One scored compound (old or not), or undefined. */
export async function scoredCompound(db: Db, id: number): Promise<ScoredRow | undefined> {
  const [row] = await db.query<ScoredRow>(sql`
    SELECT ${scoredColumns}
    FROM compound_scorecard sc JOIN compound c ON c.id = sc.compound_id
    WHERE sc.compound_id = ${id}`)
  return row
}
