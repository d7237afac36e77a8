import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Db } from '../../db/db.ts'
import { AppError, isDbUnavailable } from '../../lib/errors.ts'
import { jsonContent, router, type Deps } from '../../lib/context.ts'
import { requestVersions } from '../../lib/data-version.ts'
import { healthCounts, ping, postgisVersion } from './health.queries.ts'

const HEALTH_TIMEOUT_MS = 3000

const Health = z
  .object({
    status: z.literal('ok'),
    driver: z.enum(['pglite', 'pg']),
    postgis: z.string(),
    counts: z.object({
      areas: z.number(),
      compounds: z.number(),
      oldCompounds: z.number(),
      organisations: z.number(),
      stations: z.number(),
    }),
  })
  .openapi('Health')

const route = createRoute({
  method: 'get',
  path: '/api/health',
  summary:
    'Database driver, PostGIS version and counts (computed once per data version); 503 when the database cannot answer',
  responses: { 200: jsonContent(Health, 'The platform and its database are up') },
})

/**
 * The database answers this call (a trivial query through the pool, and the data version), then
 * the counts as of that version: computed once per version (features/config/per-version.ts), so a
 * load balancer polling every few seconds costs two tiny queries, and a write shows on the next call.
 */
async function figures(c: Context, db: Db) {
  const [{ data }, postgis] = await Promise.all([
    requestVersions(c, db),
    postgisVersion(db),
    ping(db),
  ])
  return { postgis, counts: await healthCounts(db)(data) }
}

/** GET /api/health: answers within HEALTH_TIMEOUT_MS, 503 when the database is down or slow. */
export const healthRoutes = ({ db }: Deps) =>
  router().openapi(route, async (c) => {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError(
              'DB_UNAVAILABLE',
              `database did not answer within ${HEALTH_TIMEOUT_MS} ms`,
            ),
          ),
        HEALTH_TIMEOUT_MS,
      )
    })
    try {
      const { postgis, counts } = await Promise.race([figures(c, db), timeout])
      return c.json({ status: 'ok' as const, driver: db.driver, postgis, counts }, 200)
    } catch (err) {
      if (err instanceof AppError) throw err
      if (isDbUnavailable(err)) throw new AppError('DB_UNAVAILABLE', 'database unavailable')
      throw err
    } finally {
      clearTimeout(timer)
    }
  })
