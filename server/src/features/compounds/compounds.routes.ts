import { createRoute, z } from '@hono/zod-openapi'
import { COVERAGE_STATUSES } from '../../domain/coverage.ts'
import { AppError } from '../../lib/errors.ts'
import { geoJsonContent, jsonContent, rawGeoJson, router, type Deps } from '../../lib/context.ts'
import { AreaId, Bbox, csvOf } from '../../lib/validation.ts'
import { getArea } from '../areas/areas.queries.ts'
import { getSettings } from '../settings/settings.queries.ts'
import { compoundsGeoJson, getCompound } from './compounds.queries.ts'

const list = createRoute({
  method: 'get',
  path: '/api/compounds',
  summary: 'Compounds for the map as GeoJSON, filtered by bbox, area and coverage status',
  request: {
    query: z.object({
      bbox: Bbox.optional(),
      area: AreaId.optional(),
      status: csvOf(COVERAGE_STATUSES).optional(),
    }),
  },
  responses: {
    200: geoJsonContent(
      'Feature id = compound id; properties id, code, name, status, isOld, households, membersFull, communityId',
    ),
  },
})

const one = createRoute({
  method: 'get',
  path: '/api/compounds/{id}',
  summary: 'The full ledger record of one compound',
  request: { params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }) },
  responses: {
    200: jsonContent(z.looseObject({ id: z.number(), name: z.string() }), 'The ledger record'),
  },
})

export const compoundRoutes = ({ db }: Deps) =>
  router()
    .openapi(list, async (c) => {
      const filter = c.req.valid('query')
      if (filter.area && !(await getArea(db, filter.area)))
        throw new AppError('NOT_FOUND', `area ${filter.area} not found`)
      return rawGeoJson(await compoundsGeoJson(db, filter))
    })
    .openapi(one, async (c) => {
      const { id } = c.req.valid('param')
      const { stationWalkM } = await getSettings(db)
      const record = await getCompound(db, id, stationWalkM)
      if (!record) throw new AppError('NOT_FOUND', `compound ${id} not found`)
      return c.json(record, 200)
    })
