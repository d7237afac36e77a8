// /api/plans (issue 5): named drafts of branches and stations for a street or community, edited by
// versioned change batches, copied, compared, exported and adopted into the live ledger.
import { createRoute, z } from '@hono/zod-openapi'
import type { Db } from '../../db/db.ts'
import { jsonContent, router, type Deps } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { getArea } from '../areas/areas.queries.ts'
import { audit } from '../ledger/edit/versioned-update.ts'
import { actorOf } from '../ledger/shared/actor.ts'
import { attachment } from '../ledger/shared/csv.ts'
import { adoptPlan, PlanMismatch } from './plans.adopt.ts'
import { candidateBranches } from './plans.candidates.ts'
import { applyChanges, checkAgainstDb, issuesError, writeApplied } from './plans.changes.ts'
import { comparePlans } from './plans.compare.ts'
import { planGeoJson, planXlsx } from './plans.export.ts'
import { coverage, ruleInputs, ruleSettings } from './plans.live.ts'
import {
  bumpVersion,
  copyContents,
  getPlan,
  getPlanHead,
  insertBranches,
  insertPlan,
  listPlans,
  renamePlan,
  storedIndex,
  type Plan,
} from './plans.queries.ts'
import {
  Adopt,
  ArchiveQuery,
  ChangeBatch,
  CopyPlan,
  ExportQuery,
  ListQuery,
  NewPlan,
  PlanId,
} from './plans.schemas.ts'

const IdParam = z.object({ id: PlanId.openapi({ param: { name: 'id', in: 'path' } }) })
const PlanBody = z.looseObject({
  id: z.number(),
  name: z.string(),
  version: z.number(),
  branches: z.array(z.looseObject({})),
  stations: z.array(z.looseObject({})),
})
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
})

const list = createRoute({
  method: 'get',
  path: '/api/plans',
  summary: 'Plans of an area and the areas below it (every plan without an area)',
  request: { query: ListQuery },
  responses: { 200: jsonContent(z.object({ plans: z.array(z.looseObject({})) }), 'Plans') },
})
const create = createRoute({
  method: 'post',
  path: '/api/plans',
  summary:
    'A new draft plan for a street or community: empty, from joint-branch candidates, or a copy',
  request: json(NewPlan),
  responses: { 201: jsonContent(PlanBody, 'The plan, version 1') },
})
const one = createRoute({
  method: 'get',
  path: '/api/plans/{id}',
  summary: 'One plan with its branches and proposed stations',
  request: { params: IdParam },
  responses: { 200: jsonContent(PlanBody, 'The plan') },
})
const context = createRoute({
  method: 'get',
  path: '/api/plans/{id}/context',
  summary:
    "Live data for checking a plan on the page: rules, the area's compounds, adjacency, coverage",
  request: { params: IdParam },
  responses: {
    200: jsonContent(
      z.looseObject({ compounds: z.array(z.looseObject({})), adjacency: z.array(z.any()) }),
      'Rules, compounds with their coverage, adjacent pairs within the gap, coverage before',
    ),
  },
})
const changes = createRoute({
  method: 'post',
  path: '/api/plans/{id}/changes',
  summary:
    'Apply a batch of changes at a version, all or nothing; 409 with the current plan when stale',
  request: { params: IdParam, ...json(ChangeBatch) },
  responses: { 200: jsonContent(PlanBody, 'The plan, version + 1') },
})
const copy = createRoute({
  method: 'post',
  path: '/api/plans/{id}/copy',
  summary: 'Copy a plan as a new draft (copiedFrom set)',
  request: { params: IdParam, ...json(CopyPlan) },
  responses: { 201: jsonContent(PlanBody, 'The copy, version 1') },
})
const compare = createRoute({
  method: 'get',
  path: '/api/plans/{a}/compare/{b}',
  summary: 'Branch-by-branch differences of two plans and the compounds that change branch',
  request: {
    params: z.object({
      a: PlanId.openapi({ param: { name: 'a', in: 'path' } }),
      b: PlanId.openapi({ param: { name: 'b', in: 'path' } }),
    }),
  },
  responses: { 200: jsonContent(z.looseObject({ counts: z.looseObject({}) }), 'The comparison') },
})
const TYPES = {
  geojson: 'application/geo+json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
const exportRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}/export',
  summary: 'A plan as GeoJSON or XLSX: one feature/row per branch with outline, members and checks',
  request: { params: IdParam, query: ExportQuery },
  responses: {
    200: {
      content: Object.fromEntries(
        Object.values(TYPES).map((t) => [
          t.split(';')[0]!,
          { schema: { type: 'string' as const, format: 'binary' } },
        ]),
      ),
      description: 'A download named 支部方案-<name>-v<version>.<format>',
    },
  },
})
const adopt = createRoute({
  method: 'post',
  path: '/api/plans/{id}/adopt',
  summary: 'Apply a plan to the live ledger in one transaction, re-checking every rule',
  request: { params: IdParam, ...json(Adopt) },
  responses: {
    200: jsonContent(
      z.looseObject({ plan: PlanBody, coverageBefore: z.looseObject({}) }),
      'The adopted plan and the area coverage before and after',
    ),
  },
})
const archive = createRoute({
  method: 'delete',
  path: '/api/plans/{id}',
  summary: 'Archive a plan at a version; 409 with the current plan when stale',
  request: { params: IdParam, query: ArchiveQuery },
  responses: { 200: jsonContent(PlanBody, 'The archived plan') },
})

const STATUS_ZH = { draft: '草稿', adopted: '已采纳', archived: '已归档' } as const

/** After a write matched no row: 404, or 409 with the current plan (stale, or not editable). */
async function mismatch(db: Db, id: number, version: number): Promise<never> {
  const current = await getPlan(db, id)
  if (!current) throw new AppError('NOT_FOUND', `方案 ${id} 不存在 (plan ${id} not found)`)
  if (current.version !== version)
    throw new AppError(
      'CONFLICT',
      `方案 ${id} 已被他人修改(版本 ${version} → ${current.version}); 请查看最新内容 (the plan changed since version ${version})`,
      { current },
    )
  throw new AppError(
    'CONFLICT',
    `方案 ${id} ${STATUS_ZH[current.status]},不能修改;可复制后编辑 (the plan is ${current.status})`,
    { current },
  )
}

/** Runs a write; a PlanMismatch thrown inside becomes mismatch()'s answer after the rollback. */
async function versioned<T>(db: Db, id: number, version: number, fn: () => Promise<T>) {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof PlanMismatch) return mismatch(db, id, version)
    throw err
  }
}

async function mustGet(db: Db, id: number): Promise<Plan> {
  const plan = await getPlan(db, id)
  if (!plan) throw new AppError('NOT_FOUND', `方案 ${id} 不存在 (plan ${id} not found)`)
  return plan
}

const fieldError = (field: string, message: string) =>
  new AppError('BAD_REQUEST', `${field} ${message}`, { issues: [{ field, message }] })

export const planRoutes = ({ db }: Deps) =>
  router()
    .openapi(list, async (c) => {
      const { area } = c.req.valid('query')
      if (area && !(await getArea(db, area)))
        throw new AppError('NOT_FOUND', `区域 ${area} 不存在 (area ${area} not found)`)
      return c.json({ plans: await listPlans(db, area) }, 200)
    })
    .openapi(create, async (c) => {
      const p = c.req.valid('json')
      const actor = actorOf(c)
      const area = await getArea(db, p.areaId)
      if (!area) throw fieldError('areaId', `区域 ${p.areaId} 不存在 (unknown area)`)
      if (area.level !== 'street' && area.level !== 'community')
        throw fieldError('areaId', '方案须针对街道或社区 (a plan is for a street or a community)')
      const source = p.copyOf === undefined ? undefined : await mustGet(db, p.copyOf)
      if (source && source.area.id !== p.areaId)
        throw fieldError(
          'copyOf',
          `方案 ${source.id} 属于另一区域 (plan ${source.id} is for area ${source.area.id})`,
        )
      const branches =
        !source && p.from === 'candidates' ? await candidateBranches(db, p.areaId) : []
      const id = await db.tx(async (t) => {
        const id = await insertPlan(t, {
          name: p.name,
          areaId: p.areaId,
          actor,
          ...(source ? { copiedFrom: source.id } : {}),
        })
        if (source) await copyContents(t, source.id, id)
        else
          await insertBranches(
            t,
            id,
            branches,
            branches.map((_, i) => i),
          )
        await audit(t, {
          actor,
          action: 'create',
          entity: 'plan',
          entityId: id,
          detail: {
            name: p.name,
            areaId: p.areaId,
            from: source ? 'copy' : p.from,
            copiedFrom: source?.id ?? null,
            branches: source ? source.branches.length : branches.length,
          },
        })
        return id
      })
      return c.json(await mustGet(db, id), 201)
    })
    .openapi(one, async (c) => c.json(await mustGet(db, c.req.valid('param').id), 200))
    .openapi(context, async (c) => {
      const plan = await mustGet(db, c.req.valid('param').id)
      const rules = await ruleSettings(db)
      const { compounds, pairs } = await ruleInputs(db, { areaId: plan.area.id }, rules)
      return c.json(
        {
          area: plan.area,
          rules,
          compounds,
          adjacency: pairs.map((p) => [p.a, p.b]),
          coverageBefore: await coverage(db, plan.area.id),
        },
        200,
      )
    })
    .openapi(changes, async (c) => {
      const { id } = c.req.valid('param')
      const { version, changes } = c.req.valid('json')
      const actor = actorOf(c)
      const plan = await versioned(db, id, version, () =>
        db.tx(async (t) => {
          if (!(await bumpVersion(t, { id, version, actor, statuses: ['draft'] })))
            throw new PlanMismatch()
          const stored = await storedIndex(t, id)
          const applied = applyChanges(stored, changes)
          if (applied.issues.length > 0) throw issuesError(applied.issues)
          const head = (await getPlanHead(t, id))!
          const dbIssues = await checkAgainstDb(t, applied, head.area.id)
          if (dbIssues.length > 0) throw issuesError(dbIssues)
          if (applied.name !== undefined) await renamePlan(t, id, applied.name)
          await writeApplied(t, id, applied, stored)
          await audit(t, {
            actor,
            action: 'update',
            entity: 'plan',
            entityId: id,
            detail: { version: version + 1, changes },
          })
          return (await getPlan(t, id))!
        }),
      )
      return c.json(plan, 200)
    })
    .openapi(copy, async (c) => {
      const source = await mustGet(db, c.req.valid('param').id)
      const { name } = c.req.valid('json')
      const actor = actorOf(c)
      const id = await db.tx(async (t) => {
        const id = await insertPlan(t, {
          name,
          areaId: source.area.id,
          actor,
          copiedFrom: source.id,
        })
        await copyContents(t, source.id, id)
        await audit(t, {
          actor,
          action: 'create',
          entity: 'plan',
          entityId: id,
          detail: {
            name,
            areaId: source.area.id,
            from: 'copy',
            copiedFrom: source.id,
            version: source.version,
          },
        })
        return id
      })
      return c.json(await mustGet(db, id), 201)
    })
    .openapi(compare, async (c) => {
      const ids = c.req.valid('param')
      const [a, b] = [await mustGet(db, ids.a), await mustGet(db, ids.b)]
      const head = (p: Plan) => ({ id: p.id, name: p.name, version: p.version })
      return c.json({ a: head(a), b: head(b), ...comparePlans(a.branches, b.branches) }, 200)
    })
    .openapi(exportRoute, async (c) => {
      const plan = await mustGet(db, c.req.valid('param').id)
      const { format } = c.req.valid('query')
      const body = format === 'geojson' ? await planGeoJson(db, plan) : await planXlsx(db, plan)
      return new Response(body, {
        headers: {
          'content-type': TYPES[format],
          'content-disposition': attachment(
            `支部方案-${plan.name}-v${plan.version}.${format}`,
            `plan-${plan.id}-v${plan.version}.${format}`,
          ),
        },
      }) as never
    })
    .openapi(adopt, async (c) => {
      const { id } = c.req.valid('param')
      const { version } = c.req.valid('json')
      const actor = actorOf(c)
      const result = await versioned(db, id, version, () => adoptPlan(db, { id, version, actor }))
      return c.json(result, 200)
    })
    .openapi(archive, async (c) => {
      const { id } = c.req.valid('param')
      const { version } = c.req.valid('query')
      const actor = actorOf(c)
      const plan = await versioned(db, id, version, () =>
        db.tx(async (t) => {
          const ok = await bumpVersion(t, {
            id,
            version,
            actor,
            statuses: ['draft', 'adopted'],
            status: 'archived',
          })
          if (!ok) throw new PlanMismatch()
          await audit(t, {
            actor,
            action: 'archive',
            entity: 'plan',
            entityId: id,
            detail: { version: version + 1 },
          })
          return (await getPlan(t, id))!
        }),
      )
      return c.json(plan, 200)
    })
