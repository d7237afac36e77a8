import { createRoute, z } from '@hono/zod-openapi'
import { AREA_LEVELS } from '../../domain/coverage.ts'
import { AppError } from '../../lib/errors.ts'
import { geoJsonContent, jsonContent, rawGeoJson, router, type Deps } from '../../lib/context.ts'
import { AreaId } from '../../lib/validation.ts'
import { areasGeoJson, getArea, listAreas } from './areas.queries.ts'

const AreaRef = z.object({ id: z.string(), level: z.enum(AREA_LEVELS), name: z.string() })
const Area = AreaRef.extend({
  parentId: z.string().nullable(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
}).openapi('Area')

const list = createRoute({
  method: 'get',
  path: '/api/areas',
  summary: 'Areas by level and/or parent; format=geojson returns their polygons',
  request: {
    query: z.object({
      level: z.enum(AREA_LEVELS).optional(),
      parent: AreaId.optional(),
      format: z.enum(['json', 'geojson']).default('json'),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ areas: z.array(Area) }) },
        ...geoJsonContent('').content,
      },
      description: 'The areas; with format=geojson a FeatureCollection of their polygons',
    },
  },
})

const one = createRoute({
  method: 'get',
  path: '/api/areas/{id}',
  summary: 'One area with its ancestors (city first)',
  request: { params: z.object({ id: AreaId }) },
  responses: { 200: jsonContent(Area.extend({ ancestors: z.array(AreaRef) }), 'The area') },
})

export const areaRoutes = ({ db }: Deps) =>
  router()
    .openapi(list, async (c) => {
      const { level, parent, format } = c.req.valid('query')
      if (format === 'geojson') {
        return rawGeoJson(await areasGeoJson(db, { level, parent }))
      }
      return c.json({ areas: await listAreas(db, { level, parent }) }, 200)
    })
    .openapi(one, async (c) => {
      const { id } = c.req.valid('param')
      const area = await getArea(db, id)
      if (!area) throw new AppError('NOT_FOUND', `area ${id} not found`)
      return c.json(area, 200)
    })
