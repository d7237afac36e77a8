import { createRoute, z } from '@hono/zod-openapi'
import type { JointResult, JointRules } from '../../analysis/joint-branches/types.ts'
import type { JointTaskInput } from '../../analysis/joint-branches/worker.ts'
import { AppError } from '../../lib/errors.ts'
import { jsonContent, router, type Deps } from '../../lib/context.ts'
import { AreaId } from '../../lib/validation.ts'
import { workerTask } from '../../lib/worker-task.ts'
import { getArea } from '../areas/areas.queries.ts'
import { getSettings } from '../settings/settings.queries.ts'
import { groupOutlines, jointEdges, jointUnits, projectUnits } from './joint-branches.queries.ts'

/** Rule values; omitted ones come from the settings table (DOMAIN.md defaults). null switches a rule off. */
const Params = z.object({
  area: AreaId,
  minMembers: z.number().int().min(1).max(50).optional(),
  maxCompounds: z.number().int().min(1).max(50).nullable().optional(),
  maxMembers: z.number().int().min(1).max(1000).nullable().optional(),
  sameCommunity: z.boolean().optional(),
  radiusM: z.number().min(0).max(10_000).nullable().optional(),
  gapM: z.number().min(0).max(500).optional(),
  oldOnly: z.boolean().default(true),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
})

const route = createRoute({
  method: 'post',
  path: '/api/analysis/joint-branches',
  summary:
    'Candidate joint branches for the small compounds of an area, with leftovers and a bound',
  request: { body: { content: { 'application/json': { schema: Params } }, required: true } },
  responses: {
    200: jsonContent(
      z.looseObject({ candidates: z.array(z.looseObject({})) }),
      'Candidates, leftovers with reasons, should-build compounds, the bound and timings',
    ),
  },
})

/** The solver thread, shared with plans started from candidates (features/plans). */
export const solver = workerTask<JointTaskInput, JointResult>(
  new URL('../../analysis/joint-branches/worker.ts', import.meta.url),
)

export const jointBranchRoutes = ({ db }: Deps) =>
  router().openapi(route, async (c) => {
    const t0 = performance.now()
    const p = c.req.valid('json')
    const area = await getArea(db, p.area)
    if (!area) throw new AppError('NOT_FOUND', `area ${p.area} not found`)
    const s = await getSettings(db)
    const rules: JointRules = {
      minMembers: p.minMembers ?? s.branchMinMembers,
      maxCompounds: p.maxCompounds === undefined ? s.jointMaxCompounds : p.maxCompounds,
      maxMembers: p.maxMembers === undefined ? s.branchMaxMembers : p.maxMembers,
      sameCommunity: p.sameCommunity ?? true,
      radiusM: p.radiusM === undefined ? s.jointRadiusM : p.radiusM,
    }
    const q = {
      areaId: p.area,
      minMembers: rules.minMembers,
      gapM: p.gapM ?? s.jointGapM,
      oldOnly: p.oldOnly,
    }
    const [{ rows, shouldBuildIds }, edges] = await Promise.all([
      jointUnits(db, q),
      jointEdges(db, q),
    ])
    const tQuery = performance.now()
    const result = await solver.run({
      units: projectUnits(rows),
      edges,
      rules,
      options: { seed: p.seed },
    })
    const tSolve = performance.now()
    const outlines = await groupOutlines(
      db,
      result.groups.map((g) => g.unitIds),
    )
    return c.json(
      {
        area: { id: area.id, level: area.level, name: area.name },
        rules: { ...rules, gapM: q.gapM, oldOnly: q.oldOnly },
        candidates: result.groups.map((g, i) => ({
          compoundIds: g.unitIds,
          members: g.members,
          households: g.households,
          communityIds: g.communityIds,
          radiusM: Math.round(g.radiusM * 10) / 10,
          centre: outlines[i]!.centre,
          outline: outlines[i]!.outline,
        })),
        leftovers: result.leftovers.map((l) => ({
          compoundId: l.unitId,
          reason: l.reason,
          detail: l.detail,
        })),
        shouldBuildAlone: shouldBuildIds,
        bound: result.bound,
        stats: {
          ...result.stats,
          queryMs: Math.round(tQuery - t0),
          solverMs: Math.round(result.stats.ms),
          totalMs: Math.round(performance.now() - t0),
          workerMs: Math.round(tSolve - tQuery),
        },
      },
      200,
    )
  })
