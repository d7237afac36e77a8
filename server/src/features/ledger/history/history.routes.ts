import { createRoute, z } from '@hono/zod-openapi'
import { jsonContent, router, type Deps } from '../../../lib/context.ts'
import { AppError } from '../../../lib/errors.ts'
import { exists } from '../edit/versioned-update.ts'
import { historyOf } from './history.queries.ts'

const Entry = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    importId: z.number().nullable(),
    version: z.number().nullable(),
    fields: z.array(z.string()),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('HistoryEntry')

const ENTITIES = {
  compounds: { entity: 'compound', noun: 'a compound' },
  orgs: { entity: 'party_org', noun: 'a party organisation' },
  stations: { entity: 'station', noun: 'a station' },
} as const

const route = (path: keyof typeof ENTITIES) =>
  createRoute({
    method: 'get',
    path: `/api/${path}/{id}/history`,
    summary: `Who changed ${ENTITIES[path].noun}, when, and what (before/after), newest first`,
    request: {
      params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
      query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    },
    responses: {
      200: jsonContent(z.object({ id: z.number(), entries: z.array(Entry) }), 'Newest first'),
    },
  })

/** History of compounds, organisations and stations. */
export const historyRoutes = ({ db }: Deps) => {
  const app = router()
  for (const path of Object.keys(ENTITIES) as (keyof typeof ENTITIES)[]) {
    const { entity } = ENTITIES[path]
    app.openapi(route(path), async (c) => {
      const { id } = c.req.valid('param')
      const { limit } = c.req.valid('query')
      const entries = await historyOf(db, entity, id, limit)
      if (entries.length === 0 && !(await exists(db, entity, id)))
        throw new AppError('NOT_FOUND', `${entity} ${id} not found`)
      return c.json({ id, entries }, 200)
    })
  }
  return app
}
