// Funding records of a compound's organisations: list, create, optimistic save, history. Plus the
// organisation and station reads the page's forms start from (their PATCHes are record-edit's).
import { createRoute, z } from '@hono/zod-openapi'
import { jsonContent, router, type Deps } from '../../../lib/context.ts'
import { AppError } from '../../../lib/errors.ts'
import { historyOf } from '../history/history.queries.ts'
import { actorOf } from '../shared/actor.ts'
import { editHook } from './edit-hook.ts'
import { FUNDING_LABELS, FundingChanges, FundingCreate, VersionSchema } from './edit-schemas.ts'
import {
  createFunding,
  FUNDING_EDIT,
  fundingOfCompound,
  orgsOfCompound,
  requireCompound,
} from './funding-edit.ts'
import { getOrg } from './org-edit.ts'
import { editRecord } from './record-edit.ts'
import { getStation } from './station-edit.ts'
import { exists } from './versioned-update.ts'

const Id = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
const Funding = z
  .object({
    id: z.number(),
    orgId: z.number(),
    orgName: z.string(),
    year: z.number(),
    source: z.string(),
    amountYuan: z.number(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .openapi('FundingRecord')
const FundingEdit = z.object({ version: VersionSchema, changes: FundingChanges })
const AnyRecord = z.looseObject({ id: z.number(), version: z.number() })

const list = createRoute({
  method: 'get',
  path: '/api/compounds/{id}/funding',
  summary: 'Funding records of the organisations covering a compound, and those organisations',
  request: { params: Id },
  responses: {
    200: jsonContent(
      z.object({
        compoundId: z.number(),
        orgs: z.array(
          z.object({ id: z.number(), name: z.string(), kind: z.string(), status: z.string() }),
        ),
        records: z.array(Funding),
      }),
      'Newest year first',
    ),
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/compounds/{id}/funding',
  summary: "Record funding of a compound's organisation (default: its live branch)",
  request: {
    params: Id,
    body: { content: { 'application/json': { schema: FundingCreate } }, required: true },
  },
  responses: { 201: jsonContent(z.object({ record: Funding }), 'The new record, version 1') },
})

const patch = createRoute({
  method: 'patch',
  path: '/api/funding/{id}',
  summary: 'Save a funding record with its version; 409 with the current record when stale',
  request: {
    params: Id,
    body: { content: { 'application/json': { schema: FundingEdit } }, required: true },
  },
  responses: { 200: jsonContent(z.object({ record: Funding }), 'The record, version + 1') },
})

const history = createRoute({
  method: 'get',
  path: '/api/funding/{id}/history',
  summary: 'Who changed a funding record, when, and what (before/after), newest first',
  request: {
    params: Id,
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
  },
  responses: {
    200: jsonContent(
      z.object({ id: z.number(), entries: z.array(z.looseObject({ id: z.number() })) }),
      'Newest first',
    ),
  },
})

const readOrg = createRoute({
  method: 'get',
  path: '/api/orgs/{id}',
  summary: 'One party organisation as its edit form starts from (with its version)',
  request: { params: Id },
  responses: { 200: jsonContent(AnyRecord, 'The organisation') },
})

const readStation = createRoute({
  method: 'get',
  path: '/api/stations/{id}',
  summary: 'One party-service station as its edit form starts from (with its version)',
  request: { params: Id },
  responses: { 200: jsonContent(AnyRecord, 'The station') },
})

export const fundingEditRoutes = ({ db }: Deps) =>
  router()
    .openapi(list, async (c) => {
      const { id } = c.req.valid('param')
      await requireCompound(db, id)
      const [orgs, records] = await Promise.all([orgsOfCompound(db, id), fundingOfCompound(db, id)])
      return c.json({ compoundId: id, orgs, records }, 200)
    })
    .openapi(
      create,
      async (c) => {
        const { id } = c.req.valid('param')
        await requireCompound(db, id)
        return c.json({ record: await createFunding(db, id, c.req.valid('json'), actorOf(c)) }, 201)
      },
      editHook(FUNDING_LABELS),
    )
    .openapi(
      patch,
      async (c) => {
        const { id } = c.req.valid('param')
        const { version, changes } = c.req.valid('json')
        const record = await editRecord(db, FUNDING_EDIT, {
          id,
          version,
          values: changes,
          actor: actorOf(c),
        })
        return c.json({ record: record! }, 200)
      },
      editHook(FUNDING_LABELS),
    )
    .openapi(history, async (c) => {
      const { id } = c.req.valid('param')
      const { limit } = c.req.valid('query')
      const entries = await historyOf(db, 'funding', id, limit)
      if (entries.length === 0 && !(await exists(db, 'funding', id)))
        throw new AppError('NOT_FOUND', `funding ${id} not found`)
      return c.json({ id, entries }, 200)
    })
    .openapi(readOrg, async (c) => {
      const { id } = c.req.valid('param')
      const record = await getOrg(db, id)
      if (!record) throw new AppError('NOT_FOUND', `organisation ${id} not found`)
      return c.json(record, 200)
    })
    .openapi(readStation, async (c) => {
      const { id } = c.req.valid('param')
      const record = await getStation(db, id)
      if (!record) throw new AppError('NOT_FOUND', `station ${id} not found`)
      return c.json(record, 200)
    })
