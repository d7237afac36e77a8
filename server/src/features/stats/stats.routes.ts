import { createRoute, z } from '@hono/zod-openapi'
import { AppError } from '../../lib/errors.ts'
import { jsonContent, router, type Deps } from '../../lib/context.ts'
import { AreaId } from '../../lib/validation.ts'
import { getArea, rootAreaId } from '../areas/areas.queries.ts'
import { getSettings } from '../settings/settings.queries.ts'
import { areaStats } from './stats.queries.ts'

const route = createRoute({
  method: 'get',
  path: '/api/stats',
  summary: 'Counts and coverage rates of an area (default: the city)',
  request: { query: z.object({ area: AreaId.optional() }) },
  responses: {
    200: jsonContent(
      z.looseObject({ area: z.object({ id: z.string(), level: z.string(), name: z.string() }) }),
      'Counts over all compounds; rates and byStatus over old compounds',
    ),
  },
})

export const statsRoutes = ({ db }: Deps) =>
  router().openapi(route, async (c) => {
    const requested = c.req.valid('query').area
    const areaId = requested ?? (await rootAreaId(db))
    if (!areaId) throw new AppError('NOT_FOUND', 'no areas loaded yet')
    const area = await getArea(db, areaId)
    if (!area) throw new AppError('NOT_FOUND', `area ${areaId} not found`)
    const { stationWalkM } = await getSettings(db)
    const stats = await areaStats(db, areaId, stationWalkM)
    return c.json({ area: { id: area.id, level: area.level, name: area.name }, ...stats }, 200)
  })
