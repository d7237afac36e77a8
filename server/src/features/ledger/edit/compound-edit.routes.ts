import { createRoute, z } from '@hono/zod-openapi'
import { jsonContent, router, type Deps } from '../../../lib/context.ts'
import { actorOf } from '../shared/actor.ts'
import { COMPOUND_LABELS, CompoundEdit, editCompound } from './compound-edit.ts'
import { editHook } from './edit-hook.ts'

const Id = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })

const Issue = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  zh: z.string(),
  en: z.string(),
})

const patch = createRoute({
  method: 'patch',
  path: '/api/compounds/{id}',
  summary:
    'Save ledger fields of a compound with its version; 409 with the current record when stale',
  request: {
    params: Id,
    body: { content: { 'application/json': { schema: CompoundEdit } }, required: true },
  },
  responses: {
    200: jsonContent(
      z.object({
        record: z.looseObject({ id: z.number(), version: z.number() }),
        repairs: z.array(Issue),
      }),
      'The record as GET /api/compounds/{id} returns it (version + 1), and repairs made',
    ),
  },
})

export const compoundEditRoutes = ({ db }: Deps) =>
  router().openapi(
    patch,
    async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await editCompound(db, id, c.req.valid('json'), actorOf(c)), 200)
    },
    editHook(COMPOUND_LABELS),
  )
