import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import type { CoverageStatus } from '../../domain/coverage.ts'
import { areaPath, communitiesUnder, type Bbox } from '../areas/areas.queries.ts'

export interface CompoundFilter {
  bbox?: Bbox
  area?: string
  status?: CoverageStatus[]
}

const filterClause = ({ bbox, area, status }: CompoundFilter) => {
  const parts = [sql`TRUE`]
  if (bbox) {
    const [w, s, e, n] = bbox
    // Compounds without a boundary are matched by their point.
    parts.push(
      sql`coalesce(c.boundary, c.location) && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`,
    )
  }
  if (area) parts.push(sql`c.community_id IN (${communitiesUnder(area)})`)
  if (status) parts.push(sql`cov.status = ANY(${status}::text[])`)
  return sql.join(parts, ' AND ')
}

/**
 * The compounds the map draws, as one GeoJSON FeatureCollection serialised by the database, with
 * only the properties the map needs. Coordinates keep 6 decimals (about 0.1 m).
 */
export async function compoundsGeoJson(db: Db, filter: CompoundFilter): Promise<string> {
  const [row] = await db.query<{ fc: string }>(sql`
    SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
      json_build_object('type', 'Feature', 'id', c.id,
        'properties', json_build_object('id', c.id, 'code', c.code, 'name', c.name,
          'status', cov.status, 'isOld', c.is_old, 'households', c.households,
          'membersFull', c.members_full, 'communityId', c.community_id),
        'geometry', ST_AsGeoJSON(coalesce(c.boundary, c.location), 6)::json) ORDER BY c.id), '[]'::json))::text AS fc
    FROM compound c JOIN compound_coverage cov ON cov.compound_id = c.id
    WHERE ${filterClause(filter)}`)
  return row!.fc
}

interface CompoundRecordRow {
  id: number
  code: string
  name: string
  address: string | null
  communityId: string
  grid: string | null
  yearBuilt: number | null
  isOld: boolean
  siteAreaM2: number | null
  households: number
  residents: number
  elderlyShare: number | null
  buildings: number | null
  tenure: string | null
  propertyMgmt: string | null
  renovationStatus: string | null
  members: Record<string, number>
  vanguardTeam: string | null
  vanguardSize: number
  selfGovernance: string[]
  consultations: number
  problemsLogged: number
  problemsClosed: number
  status: CoverageStatus
  sourceCrs: string
  version: number
  updatedAt: string
  location: [number, number]
  hasBoundary: boolean
}

/** The full ledger record of one compound, with its area path, organisations and nearest station. */
export async function getCompound(db: Db, id: number, stationWalkM: number) {
  const [c] = await db.query<CompoundRecordRow>(sql`
    SELECT c.id, c.code, c.name, c.address, c.community_id AS "communityId", c.grid,
      c.year_built AS "yearBuilt", c.is_old AS "isOld", c.site_area_m2::float8 AS "siteAreaM2",
      c.households, c.residents, c.elderly_share::float8 AS "elderlyShare", c.buildings, c.tenure,
      c.property_mgmt AS "propertyMgmt", c.renovation_status AS "renovationStatus",
      json_build_object('full', c.members_full, 'probationary', c.members_probationary,
        'registered', c.members_registered, 'inService', c.members_in_service,
        'retired', c.members_retired, 'floatingIn', c.members_floating_in,
        'floatingOut', c.members_floating_out) AS members,
      c.vanguard_team AS "vanguardTeam", c.vanguard_size AS "vanguardSize",
      to_json(c.self_governance) AS "selfGovernance", c.consultations,
      c.problems_logged AS "problemsLogged", c.problems_closed AS "problemsClosed",
      cov.status, c.source_crs AS "sourceCrs", c.version,
      to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt",
      json_build_array(round(ST_X(c.location)::numeric, 6)::float8, round(ST_Y(c.location)::numeric, 6)::float8) AS location,
      c.boundary IS NOT NULL AS "hasBoundary"
    FROM compound c JOIN compound_coverage cov ON cov.compound_id = c.id
    WHERE c.id = ${id}`)
  if (!c) return undefined
  const [areas, organisations, nearestStation] = await Promise.all([
    areaPath(db, c.communityId),
    db.query(sql`
      SELECT o.id, o.kind, o.status, o.name, to_char(o.founded, 'YYYY-MM-DD') AS founded,
        o.secretary_name AS "secretaryName", o.secretary_phone AS "secretaryPhone",
        o.secretary_role AS "secretaryRole", o.committee_size AS "committeeSize",
        (SELECT count(*)::int FROM org_compound x WHERE x.org_id = o.id) AS "compoundCount"
      FROM org_compound oc JOIN party_org o ON o.id = oc.org_id
      WHERE oc.compound_id = ${id}
      ORDER BY o.status, o.id`),
    nearestStationTo(db, id),
  ])
  return {
    ...c,
    areaPath: areas,
    organisations,
    nearestStation: nearestStation ?? null,
    stationWithinWalk: nearestStation !== undefined && nearestStation.distanceM <= stationWalkM,
  }
}

/** The nearest service station to a compound's boundary (0 m when inside), in metres on the spheroid. */
async function nearestStationTo(db: Db, compoundId: number) {
  // KNN on planar degrees picks candidates through the index; the spheroid distance orders them.
  const [row] = await db.query<{ id: number; name: string; distanceM: number }>(sql`
    SELECT s.id, s.name,
      round(ST_Distance(s.location::geography, coalesce(c.boundary, c.location)::geography)::numeric, 1)::float8 AS "distanceM"
    FROM compound c
    CROSS JOIN LATERAL (
      SELECT * FROM station s ORDER BY s.location <-> c.location LIMIT 8
    ) s
    WHERE c.id = ${compoundId}
    ORDER BY 3 LIMIT 1`)
  return row
}
