import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { communitiesUnder } from '../areas/areas.queries.ts'

export type DemandWeight = 'households' | 'residents' | 'elderly'

export interface PlaceRow {
  id: number
  name: string
  lng: number
  lat: number
}

export interface DemandRow extends PlaceRow {
  weight: number
  households: number
}

const WEIGHT = {
  households: sql`c.households`,
  residents: sql`c.residents`,
  // Elderly residents; a compound with no recorded share counts none rather than a guess.
  elderly: sql`round(c.residents * coalesce(c.elderly_share, 0))`,
} as const

/**
 * Demand: the old compounds of an area (all compounds when oldOnly is false), weighted as asked;
 * onlyFailingM > 0 keeps only those with no station within that many metres of their boundary.
 */
export function demandPoints(
  db: Db,
  q: { areaId: string; weight: DemandWeight; oldOnly: boolean; onlyFailingM: number },
) {
  return db.query<DemandRow>(sql`
    SELECT c.id, c.name, ST_X(c.location)::float8 AS lng, ST_Y(c.location)::float8 AS lat,
      ${WEIGHT[q.weight]}::float8 AS weight, c.households
    FROM compound c
    WHERE c.community_id IN (${communitiesUnder(q.areaId)})
      AND (NOT ${q.oldOnly}::boolean OR c.is_old)
      AND (${q.onlyFailingM}::float8 <= 0 OR NOT EXISTS (
        SELECT 1 FROM station s
        WHERE ST_DWithin(s.location::geography, coalesce(c.boundary, c.location)::geography, ${q.onlyFailingM})))
    ORDER BY c.id`)
}

/** Candidate sites: every compound of the area (its point inside), where a station could be housed. */
export function candidateCompounds(db: Db, areaId: string) {
  return db.query<PlaceRow>(sql`
    SELECT c.id, c.name, ST_X(c.location)::float8 AS lng, ST_Y(c.location)::float8 AS lat
    FROM compound c WHERE c.community_id IN (${communitiesUnder(areaId)}) ORDER BY c.id`)
}

/** Existing stations that can reach the area: inside it or within reachM of its compounds' extent. */
export function existingStations(db: Db, areaId: string, reachM: number) {
  return db.query<PlaceRow>(sql`
    WITH extent AS (
      SELECT ST_Extent(coalesce(c.boundary, c.location))::geometry AS box FROM compound c
      WHERE c.community_id IN (${communitiesUnder(areaId)})
    )
    SELECT s.id, s.name, ST_X(s.location)::float8 AS lng, ST_Y(s.location)::float8 AS lat
    FROM station s, extent
    WHERE extent.box IS NOT NULL
      AND ST_DWithin(s.location::geography, extent.box::geography, ${reachM})
    ORDER BY s.id`)
}
