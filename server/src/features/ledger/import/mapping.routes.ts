import { createRoute, z } from '@hono/zod-openapi'
import { jsonContent, router, type Deps } from '../../../lib/context.ts'
import { AppError } from '../../../lib/errors.ts'
import { actorOf } from '../shared/actor.ts'
import { getMapping, listMappings, putMapping } from './mapping.queries.ts'
import { parseMapping } from './upload.ts'

const Name = z.object({ name: z.string().trim().min(1).max(100) })
const Mapping = z.record(z.string(), z.string().nullable()).openapi({
  description:
    'source column → ledger field (code, name, year_built …) or null for "do not import"',
  example: { 小区名称: 'name', 备注: null },
})
const Saved = z
  .object({ name: z.string(), mapping: Mapping, updatedBy: z.string(), updatedAt: z.string() })
  .openapi('LedgerMapping')

const list = createRoute({
  method: 'get',
  path: '/api/ledger/mappings',
  summary: 'Saved column mappings',
  responses: { 200: jsonContent(z.object({ mappings: z.array(Saved) }), 'By name') },
})

const one = createRoute({
  method: 'get',
  path: '/api/ledger/mappings/{name}',
  summary: 'A saved column mapping',
  request: { params: Name },
  responses: { 200: jsonContent(Saved, 'The mapping') },
})

const put = createRoute({
  method: 'put',
  path: '/api/ledger/mappings/{name}',
  summary: 'Save a column mapping for reuse (replaces one of the same name)',
  request: {
    params: Name,
    body: {
      content: { 'application/json': { schema: z.object({ mapping: Mapping }) } },
      required: true,
    },
  },
  responses: { 200: jsonContent(Saved, 'The saved mapping') },
})

export const ledgerMappingRoutes = ({ db }: Deps) =>
  router()
    .openapi(list, async (c) => c.json({ mappings: await listMappings(db) }, 200))
    .openapi(one, async (c) => {
      const { name } = c.req.valid('param')
      const saved = await getMapping(db, name)
      if (!saved) throw new AppError('NOT_FOUND', `mapping ${name} not found`)
      return c.json(saved, 200)
    })
    .openapi(put, async (c) => {
      const { name } = c.req.valid('param')
      const mapping = parseMapping(c.req.valid('json').mapping)
      return c.json(await putMapping(db, name, mapping, actorOf(c)), 200)
    })
