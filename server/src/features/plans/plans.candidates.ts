// Starting a plan from the joint-branch analysis: the same unit and adjacency queries and the same
// solver thread as POST /api/analysis/joint-branches (default rules from settings, old compounds,
// one community, seed 1); its groups become joint branches. Live organisations stay context only.
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { jointEdges, jointUnits, projectUnits } from '../joint-branches/joint-branches.queries.ts'
import { solver } from '../joint-branches/joint-branches.routes.ts'
import { getSettings } from '../settings/settings.queries.ts'
import type { Branch } from './plans.queries.ts'

/** The analysis's candidate groups for an area as draft joint branches (keys c1, c2, … in order). */
export async function candidateBranches(db: Db, areaId: string): Promise<Omit<Branch, 'orgId'>[]> {
  const s = await getSettings(db)
  const q = { areaId, minMembers: s.branchMinMembers, gapM: s.jointGapM, oldOnly: true }
  const [{ rows }, edges] = [await jointUnits(db, q), await jointEdges(db, q)]
  const result = await solver.run({
    units: projectUnits(rows),
    edges,
    rules: {
      minMembers: s.branchMinMembers,
      maxCompounds: s.jointMaxCompounds,
      maxMembers: s.branchMaxMembers,
      sameCommunity: true,
      radiusM: s.jointRadiusM,
    },
    options: { seed: 1 },
  })
  const ids = result.groups.flatMap((g) => g.unitIds)
  const names = new Map(
    (
      await db.query<{ id: number; name: string }>(
        sql`SELECT id, name FROM compound WHERE id = ANY(${ids}::int[])`,
      )
    ).map((r) => [r.id, r.name]),
  )
  return result.groups.map((g, i) => ({
    key: `c${i + 1}`,
    name: `${names.get(g.unitIds[0]!)}等${g.unitIds.length}个小区联合党支部`,
    kind: 'joint',
    compoundIds: g.unitIds,
    boundary: null,
    locked: false,
    reason: null,
  }))
}
