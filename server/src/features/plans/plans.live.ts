// Live data a plan is checked against: compounds with their coverage, the adjacency graph within
// the gap tolerance (the joint-branch analysis's ST_DWithin on geography), rule values, coverage.
import type { Db } from '../../db/db.ts'
import { sql, type Sql } from '../../db/sql.ts'
import {
  adjacencyFromPairs,
  type CompoundFacts,
  type RuleSettings,
} from '../../domain/branch-rules.ts'
import { ORGANISED_STATUSES, type CoverageStatus } from '../../domain/coverage.ts'
import { communitiesUnder } from '../areas/areas.queries.ts'
import { getSettings } from '../settings/settings.queries.ts'

export interface LiveCompound {
  id: number
  code: string
  name: string
  members: number
  households: number
  communityId: string
  communityName: string
  status: CoverageStatus
  /** The live standalone or joint organisation covering it (the one adoption must not overlap). */
  orgId: number | null
  orgKind: 'standalone' | 'joint' | null
  lng: number
  lat: number
  small: boolean
  old: boolean
}

export interface Coverage {
  oldCompounds: number
  organised: number
  /** organised / oldCompounds, as /api/stats computes it; null when the area has no old compound. */
  organisationCoverage: number | null
}

/** The rule values from the settings table (DOMAIN.md defaults). */
export async function ruleSettings(db: Db): Promise<RuleSettings> {
  const s = await getSettings(db)
  return {
    minMembers: s.branchMinMembers,
    maxCompounds: s.jointMaxCompounds,
    maxMembers: s.branchMaxMembers,
    gapM: s.jointGapM,
    radiusM: s.jointRadiusM,
  }
}

/** Which compounds: every one of an area, or the given ids. */
export type CompoundScope = { areaId: string } | { ids: readonly number[] }

const scopeFilter = (alias: 'c' | 'b', s: CompoundScope): Sql => {
  const a = sql.ident(alias, ['c', 'b'])
  return 'areaId' in s
    ? sql`${a}.community_id IN (${communitiesUnder(s.areaId)})`
    : sql`${a}.id = ANY(${s.ids}::int[])`
}

/** Compounds in scope with the facts the rules and the page need, by id. */
export const liveCompounds = (db: Db, scope: CompoundScope, minMembers: number) =>
  db.query<LiveCompound>(sql`
    SELECT c.id, c.code, c.name, c.members_full AS members, c.households,
      c.community_id AS "communityId", a.name AS "communityName", cov.status,
      cov.branch_org_id AS "orgId", o.kind AS "orgKind",
      ST_X(c.location)::float8 AS lng, ST_Y(c.location)::float8 AS lat,
      c.members_full < ${minMembers} AS small, c.is_old AS old
    FROM compound c
    JOIN area a ON a.id = c.community_id
    JOIN compound_coverage cov ON cov.compound_id = c.id
    LEFT JOIN party_org o ON o.id = cov.branch_org_id
    WHERE ${scopeFilter('c', scope)}
    ORDER BY c.id`)

/**
 * Pairs (a < b) of compounds in scope whose boundaries touch or lie within gapM metres on the
 * spheroid: the joint-branch analysis's predicate, probing the compound table so the geography
 * GiST index (migration 0002) finds the near ones.
 */
export const adjacentPairs = (db: Db, scope: CompoundScope, gapM: number) =>
  db.query<{ a: number; b: number }>(sql`
    WITH c AS (SELECT c.id, coalesce(c.boundary, c.location) AS shape FROM compound c
      WHERE ${scopeFilter('c', scope)})
    SELECT c.id AS a, b.id AS b
    FROM c
    JOIN compound b
      ON ST_DWithin(coalesce(b.boundary, b.location)::geography, c.shape::geography, ${gapM})
     AND b.id > c.id
    WHERE ${scopeFilter('b', scope)}
    ORDER BY c.id, b.id`)

/** Facts and adjacency of compounds in scope, in the shapes checkBranch takes. */
export async function ruleInputs(db: Db, scope: CompoundScope, rules: RuleSettings) {
  const [compounds, pairs] = [
    await liveCompounds(db, scope, rules.minMembers),
    await adjacentPairs(db, scope, rules.gapM),
  ]
  const facts = new Map<number, CompoundFacts & LiveCompound>(compounds.map((c) => [c.id, c]))
  const adjacency = adjacencyFromPairs(pairs.map((p) => [p.a, p.b] as const))
  return { compounds, pairs, facts, adjacency }
}

/** Organisation coverage of the old compounds of an area, defined as /api/stats defines it. */
export async function coverage(db: Db, areaId: string): Promise<Coverage> {
  const [row] = await db.query<{ old: number; organised: number }>(sql`
    SELECT count(*) FILTER (WHERE c.is_old)::int AS old,
      count(*) FILTER (WHERE c.is_old AND cov.status = ANY(${ORGANISED_STATUSES}::text[]))::int
        AS organised
    FROM compound c JOIN compound_coverage cov ON cov.compound_id = c.id
    WHERE c.community_id IN (${communitiesUnder(areaId)})`)
  const { old, organised } = row!
  return {
    oldCompounds: old,
    organised,
    organisationCoverage: old === 0 ? null : organised / old,
  }
}
