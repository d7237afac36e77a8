import { createRoute, z } from '@hono/zod-openapi'
import { COVERAGE_STATUSES } from '../../../domain/coverage.ts'
import { router, type Deps } from '../../../lib/context.ts'
import { AppError } from '../../../lib/errors.ts'
import { AreaId, csvOf } from '../../../lib/validation.ts'
import { getArea } from '../../areas/areas.queries.ts'
import { attachment } from '../shared/csv.ts'
import { exportRows } from './export.queries.ts'
import { toCsv, toGeoJson, toXlsx } from './formats.ts'

const TYPES = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

const route = createRoute({
  method: 'get',
  path: '/api/ledger/export',
  summary: 'Compounds as GeoJSON, CSV or XLSX with Chinese headers; re-imports with no change',
  request: {
    query: z.object({
      format: z.enum(['geojson', 'csv', 'xlsx']).default('xlsx'),
      area: AreaId.optional(),
      status: csvOf(COVERAGE_STATUSES).optional(),
    }),
  },
  responses: {
    200: {
      content: Object.fromEntries(
        Object.values(TYPES).map((t) => [
          t.split(';')[0]!,
          { schema: { type: 'string' as const, format: 'binary' } },
        ]),
      ),
      description: 'A download named 小区台账-<date>.<format>',
    },
  },
})

export const ledgerExportRoutes = ({ db }: Deps) =>
  router().openapi(route, async (c) => {
    const { format, area, status } = c.req.valid('query')
    if (area && !(await getArea(db, area)))
      throw new AppError('NOT_FOUND', `area ${area} not found`)
    const rows = await exportRows(
      db,
      { ...(area ? { area } : {}), ...(status ? { status } : {}) },
      format === 'geojson' ? 'geojson' : 'wkt',
    )
    const body =
      format === 'geojson' ? toGeoJson(rows) : format === 'csv' ? toCsv(rows) : await toXlsx(rows)
    const date = new Date().toISOString().slice(0, 10).replaceAll('-', '')
    return new Response(body, {
      headers: {
        'content-type': TYPES[format],
        'content-disposition': attachment(`小区台账-${date}.${format}`, `ledger-${date}.${format}`),
      },
    }) as never
  })
