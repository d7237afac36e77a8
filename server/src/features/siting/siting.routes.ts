import { createRoute, z } from '@hono/zod-openapi'
import { toLocalMetres } from '../../analysis/siting/project.ts'
import type { SitingProblem, SitingResult } from '../../analysis/siting/types.ts'
import type { SitingTaskInput } from '../../analysis/siting/worker.ts'
import { AppError } from '../../lib/errors.ts'
import { jsonContent, router, type Deps } from '../../lib/context.ts'
import { AreaId } from '../../lib/validation.ts'
import { workerTask } from '../../lib/worker-task.ts'
import { getArea } from '../areas/areas.queries.ts'
import { getSettings } from '../settings/settings.queries.ts'
import {
  candidateCompounds,
  demandPoints,
  existingStations,
  type PlaceRow,
} from './siting.queries.ts'

const LngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])

const Params = z.object({
  area: AreaId,
  model: z.enum(['max-cover', 'set-cover', 'p-median']),
  /** New stations to open (max-cover, p-median). */
  k: z.number().int().min(1).max(1000).optional(),
  /** Share of demand weight to reach (set-cover), existing stations included. */
  targetShare: z.number().gt(0).max(1).optional(),
  serviceM: z.number().positive().max(5000).optional(),
  detourFactor: z.number().min(1).max(3).default(1.3),
  weight: z.enum(['households', 'residents', 'elderly']).default('households'),
  oldOnly: z.boolean().default(true),
  /** Only compounds that fail the station indicator today. */
  onlyFailing: z.boolean().default(false),
  /** Where candidates come from: every compound of the area, the analyst's points, or both. */
  candidates: z.enum(['compounds', 'points', 'both']).default('compounds'),
  points: z.array(LngLat).max(5000).default([]),
  capacityHouseholds: z.number().int().positive().optional(),
  method: z.enum(['auto', 'exact', 'heuristic']).default('auto'),
  timeLimitS: z.number().positive().max(120).default(10),
})

const route = createRoute({
  method: 'post',
  path: '/api/analysis/siting',
  summary: 'Where new service stations cover the most demand (max cover, set cover, p-median)',
  request: { body: { content: { 'application/json': { schema: Params } }, required: true } },
  responses: {
    200: jsonContent(
      z.looseObject({ chosen: z.array(z.looseObject({})) }),
      'Chosen sites with catchments, coverage before and after, bound and gap',
    ),
  },
})

const solver = workerTask<SitingTaskInput, SitingResult>(
  new URL('../../analysis/siting/worker.ts', import.meta.url),
)

export const sitingRoutes = ({ db }: Deps) =>
  router().openapi(route, async (c) => {
    const t0 = performance.now()
    const p = c.req.valid('json')
    const area = await getArea(db, p.area)
    if (!area) throw new AppError('NOT_FOUND', `area ${p.area} not found`)
    if (p.model !== 'set-cover' && p.k === undefined)
      throw new AppError('BAD_REQUEST', `k: required for model ${p.model}`)
    if (p.model === 'set-cover' && p.targetShare === undefined)
      throw new AppError('BAD_REQUEST', 'targetShare: required for model set-cover')
    if (p.candidates !== 'compounds' && p.points.length === 0)
      throw new AppError(
        'BAD_REQUEST',
        `points: candidates '${p.candidates}' needs at least one point`,
      )
    const serviceM = p.serviceM ?? (await getSettings(db)).stationWalkM

    const [demand, compounds, existing] = await Promise.all([
      demandPoints(db, {
        areaId: p.area,
        weight: p.weight,
        oldOnly: p.oldOnly,
        onlyFailingM: p.onlyFailing ? serviceM : 0,
      }),
      p.candidates === 'points' ? Promise.resolve([]) : candidateCompounds(db, p.area),
      existingStations(db, p.area, serviceM * p.detourFactor),
    ])
    if (demand.length === 0)
      throw new AppError('BAD_REQUEST', 'area: no demand compounds in this area with these filters')
    const origin = area.bbox
      ? ([(area.bbox[0] + area.bbox[2]) / 2, (area.bbox[1] + area.bbox[3]) / 2] as const)
      : ([demand[0]!.lng, demand[0]!.lat] as const)
    const at = (r: { lng: number; lat: number }) => toLocalMetres([r.lng, r.lat], origin)

    const sites = new Map<
      string,
      {
        kind: 'compound' | 'point'
        compoundId: number | null
        name: string
        location: [number, number]
      }
    >()
    for (const r of compounds)
      sites.set(`c${r.id}`, {
        kind: 'compound',
        compoundId: r.id,
        name: r.name,
        location: [r.lng, r.lat],
      })
    p.points.forEach(([lng, lat], i) =>
      sites.set(`p${i}`, {
        kind: 'point',
        compoundId: null,
        name: `P${i + 1}`,
        location: [lng, lat],
      }),
    )

    const common = {
      demand: demand.map((r) => ({
        id: `c${r.id}`,
        ...at(r),
        weight: r.weight,
        households: r.households,
      })),
      candidates: [...sites].map(([id, s]) => ({
        id,
        ...at({ lng: s.location[0], lat: s.location[1] }),
        ...(p.capacityHouseholds ? { capacity: p.capacityHouseholds } : {}),
      })),
      existing: existing.map((s: PlaceRow) => ({ id: `s${s.id}`, ...at(s) })),
      serviceM,
      detourFactor: p.detourFactor,
    }
    const problem: SitingProblem =
      p.model === 'set-cover'
        ? { ...common, model: p.model, targetShare: p.targetShare! }
        : { ...common, model: p.model, k: p.k! }

    let result: SitingResult
    try {
      result = await solver.run({
        problem,
        options: { method: p.method, timeLimitS: p.timeLimitS },
      })
    } catch (err) {
      if ((err as Error).name === 'SitingInputError')
        throw new AppError('BAD_REQUEST', (err as Error).message)
      throw err
    }
    const compoundId = (id: string) => Number(id.slice(1))
    return c.json(
      {
        area: { id: area.id, level: area.level, name: area.name },
        params: { ...p, serviceM },
        model: result.model,
        method: result.method,
        status: result.status,
        chosen: result.sites.map((s) => ({
          id: s.id,
          ...sites.get(s.id)!,
          catchment: {
            compoundIds: s.demandIds.map(compoundId),
            weight: s.weight,
            households: s.households,
          },
        })),
        existingStations: existing.map((s) => ({
          id: s.id,
          name: s.name,
          location: [s.lng, s.lat],
        })),
        before: result.before,
        after: result.after,
        coveredBefore: result.demand
          .filter((d) => d.coveredByExisting)
          .map((d) => compoundId(d.id)),
        coveredAfter: result.demand.filter((d) => d.covered).map((d) => compoundId(d.id)),
        uncovered: result.demand.filter((d) => !d.covered).map((d) => compoundId(d.id)),
        objective: result.objective,
        objectiveSense: result.objectiveSense,
        bound: result.bound,
        boundSource: result.boundSource,
        gap: result.gap,
        curve: result.curve,
        maxAchievableShare: result.maxAchievableShare ?? null,
        notes: result.notes,
        stats: {
          demand: demand.length,
          candidates: sites.size,
          existing: existing.length,
          solverMs: Math.round(result.ms),
          totalMs: Math.round(performance.now() - t0),
        },
      },
      200,
    )
  })
