import type { JointEdge, JointUnit } from '../../analysis/joint-branches/types.ts'
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { communitiesUnder } from '../areas/areas.queries.ts'

export interface UnitQuery {
  areaId: string
  /** Full members below which a compound is small (the floor). */
  minMembers: number
  /** Neighbours: boundaries touch or are at most this many metres apart. */
  gapM: number
  /** Only old compounds (the programme's scope). */
  oldOnly: boolean
}

interface UnitRow {
  id: number
  communityId: string
  membersFull: number
  households: number
  lng: number
  lat: number
}

const units = ({ areaId, minMembers, oldOnly }: UnitQuery) => sql`
  units AS (
    SELECT c.id, c.community_id, c.members_full, c.households, c.location,
      coalesce(c.boundary, c.location) AS shape
    FROM compound c
    WHERE c.community_id IN (${communitiesUnder(areaId)})
      AND c.members_full < ${minMembers}
      AND (NOT ${oldOnly}::boolean OR c.is_old)
      AND NOT EXISTS (
        SELECT 1 FROM org_compound oc WHERE oc.compound_id = c.id AND oc.org_status = 'active'
          AND oc.org_kind IN ('standalone', 'joint'))
  )`

/** Small compounds of an area with no live branch, and the compounds of the area that should build alone. */
export async function jointUnits(db: Db, q: UnitQuery) {
  const rows = await db.query<UnitRow>(sql`
    WITH ${units(q)}
    SELECT id, community_id AS "communityId", members_full AS "membersFull", households,
      ST_X(location)::float8 AS lng, ST_Y(location)::float8 AS lat
    FROM units ORDER BY id`)
  const [alone] = await db.query<{ ids: number[] }>(sql`
    SELECT coalesce(array_agg(c.id ORDER BY c.id), '{}') AS ids
    FROM compound c JOIN compound_coverage cov ON cov.compound_id = c.id
    WHERE c.community_id IN (${communitiesUnder(q.areaId)}) AND cov.status = 'should_build'
      AND (NOT ${q.oldOnly}::boolean OR c.is_old)`)
  return { rows, shouldBuildIds: alone!.ids }
}

/**
 * Pairs of units whose boundaries touch or lie within gapM metres (on the spheroid). The join probes
 * the compound table so that the geography GiST index (migration 0002) finds the near ones.
 */
export function jointEdges(db: Db, q: UnitQuery) {
  return db.query<JointEdge>(sql`
    WITH ${units(q)}
    SELECT a.id AS a, b.id AS b
    FROM units a
    JOIN compound b
      ON ST_DWithin(coalesce(b.boundary, b.location)::geography, a.shape::geography, ${q.gapM})
     AND b.id > a.id
    WHERE b.id IN (SELECT id FROM units)
    ORDER BY a.id, b.id`)
}

/** Local planar metres around a reference latitude: accurate to well under 1% over a city. */
export function projectUnits(rows: UnitRow[]): JointUnit[] {
  if (rows.length === 0) return []
  const lat0 = rows.reduce((s, r) => s + r.lat, 0) / rows.length
  const lng0 = rows.reduce((s, r) => s + r.lng, 0) / rows.length
  const mPerDegLat = 111_132.954 - 559.822 * Math.cos((2 * lat0 * Math.PI) / 180)
  const mPerDegLng = 111_412.84 * Math.cos((lat0 * Math.PI) / 180)
  return rows.map((r) => ({
    id: r.id,
    communityId: r.communityId,
    membersFull: r.membersFull,
    households: r.households,
    x: (r.lng - lng0) * mPerDegLng,
    y: (r.lat - lat0) * mPerDegLat,
  }))
}

/** Outline (union of member boundaries, GeoJSON) and centre of each group, in the groups' order. */
export async function groupOutlines(db: Db, groups: number[][]) {
  if (groups.length === 0) return []
  // Two parallel int arrays (compound id, group index): unnest's small row estimate lets the planner
  // probe compound by primary key instead of scanning the table.
  const ids = groups.flat()
  const idx = groups.flatMap((g, i) => g.map(() => i))
  return db.query<{ idx: number; outline: unknown; centre: [number, number] }>(sql`
    SELECT u.idx,
      ST_AsGeoJSON(ST_Multi(ST_Union(coalesce(c.boundary, ST_Buffer(c.location::geography, 20)::geometry))), 6)::json AS outline,
      json_build_array(round(ST_X(ST_Centroid(ST_Collect(c.location)))::numeric, 6)::float8,
        round(ST_Y(ST_Centroid(ST_Collect(c.location)))::numeric, 6)::float8) AS centre
    FROM unnest(${ids}::int[], ${idx}::int[]) AS u(id, idx)
    JOIN compound c ON c.id = u.id
    GROUP BY u.idx ORDER BY u.idx`)
}
