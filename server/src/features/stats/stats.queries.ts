import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import {
  COVERAGE_STATUSES,
  ORGANISED_STATUSES,
  type CoverageStatus,
} from '../../domain/coverage.ts'
import { communitiesUnder } from '../areas/areas.queries.ts'

export interface AreaStats {
  compounds: number
  oldCompounds: number
  households: number
  oldHouseholds: number
  /** Old compounds by coverage status. */
  byStatus: Record<CoverageStatus, number>
  /** Share of old compounds led by an organisation (0..1); null when the area has no old compound. */
  organisationCoverage: number | null
  /** Share of old compounds with a station within stationWalkM of their boundary (0..1). */
  stationCoverage: number | null
  stationWalkM: number
  organisations: Record<'standalone' | 'joint' | 'temporary' | 'instructor', number>
  stations: number
}

/** Counts and coverage rates of the compounds in an area (any level), computed from the ledger. */
export async function areaStats(db: Db, areaId: string, stationWalkM: number): Promise<AreaStats> {
  const [row] = await db.query<Record<string, number>>(sql`
    WITH c AS (
      SELECT c.id, c.is_old, c.households, cov.status, coalesce(c.boundary, c.location) AS shape
      FROM compound c JOIN compound_coverage cov ON cov.compound_id = c.id
      WHERE c.community_id IN (${communitiesUnder(areaId)})
    )
    SELECT count(*)::int AS compounds,
      count(*) FILTER (WHERE is_old)::int AS "oldCompounds",
      coalesce(sum(households), 0)::int AS households,
      coalesce(sum(households) FILTER (WHERE is_old), 0)::int AS "oldHouseholds",
      ${sql.join(
        COVERAGE_STATUSES.map(
          (s) =>
            sql`count(*) FILTER (WHERE is_old AND status = ${s})::int AS ${sql.ident(s, COVERAGE_STATUSES)}`,
        ),
      )},
      count(*) FILTER (WHERE is_old AND status = ANY(${ORGANISED_STATUSES}::text[]))::int AS organised,
      count(*) FILTER (WHERE is_old AND EXISTS (
        SELECT 1 FROM station s WHERE ST_DWithin(s.location::geography, c.shape::geography, ${stationWalkM})
      ))::int AS "withStation"
    FROM c`)
  const orgRows = await db.query<{ kind: keyof AreaStats['organisations']; n: number }>(sql`
    SELECT kind, count(*)::int AS n FROM party_org
    WHERE status = 'active' AND community_id IN (${communitiesUnder(areaId)})
    GROUP BY kind`)
  const [stationRow] = await db.query<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM station s
    WHERE s.compound_id IN (SELECT id FROM compound WHERE community_id IN (${communitiesUnder(areaId)}))
       OR (s.compound_id IS NULL AND ST_Intersects(s.location, (SELECT geom FROM area WHERE id = ${areaId})))`)
  const r = row!
  const old = r.oldCompounds!
  const organisations = { standalone: 0, joint: 0, temporary: 0, instructor: 0 }
  for (const o of orgRows) organisations[o.kind] = o.n
  return {
    compounds: r.compounds!,
    oldCompounds: old,
    households: r.households!,
    oldHouseholds: r.oldHouseholds!,
    byStatus: Object.fromEntries(COVERAGE_STATUSES.map((s) => [s, r[s]!])) as Record<
      CoverageStatus,
      number
    >,
    organisationCoverage: old === 0 ? null : r.organised! / old,
    stationCoverage: old === 0 ? null : r.withStation! / old,
    stationWalkM,
    organisations,
    stations: stationRow!.n,
  }
}
