import { createRoute, z } from '@hono/zod-openapi'
import { COVERAGE_STATUSES } from '../../../domain/coverage.ts'
import { router, type Deps } from '../../../lib/context.ts'
import { AppError } from '../../../lib/errors.ts'
import { AreaId, csvOf } from '../../../lib/validation.ts'
import { getArea } from '../../areas/areas.queries.ts'
import { attachment } from '../shared/csv.ts'
import { exportRows } from './export.queries.ts'
import { orgSheet, sheetCsv, sheetGeoJson, sheetXlsx, stationSheet } from './entity-export.ts'
import { toCsv, toGeoJson, toXlsx } from './formats.ts'

const TYPES = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

const NAMES = {
  compounds: ['小区台账', 'ledger'],
  orgs: ['党组织台账', 'organisations'],
  stations: ['党群服务站台账', 'stations'],
} as const

const route = createRoute({
  method: 'get',
  path: '/api/ledger/export',
  summary:
    'Compounds (re-import with no change), party organisations or stations as GeoJSON, CSV or XLSX with Chinese headers',
  request: {
    query: z.object({
      entity: z.enum(['compounds', 'orgs', 'stations']).default('compounds'),
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
      description: 'A download named 小区台账|党组织台账|党群服务站台账-<date>.<format>',
    },
  },
})

export const ledgerExportRoutes = ({ db }: Deps) =>
  router().openapi(route, async (c) => {
    const { entity, format, area, status } = c.req.valid('query')
    if (area && !(await getArea(db, area)))
      throw new AppError('NOT_FOUND', `area ${area} not found`)
    const filter = { ...(area ? { area } : {}), ...(status ? { status } : {}) }
    let body: string | Uint8Array<ArrayBuffer>
    if (entity === 'compounds') {
      const rows = await exportRows(db, filter, format === 'geojson' ? 'geojson' : 'wkt')
      body =
        format === 'geojson' ? toGeoJson(rows) : format === 'csv' ? toCsv(rows) : await toXlsx(rows)
    } else {
      const sheet = entity === 'orgs' ? await orgSheet(db, filter) : await stationSheet(db, filter)
      body =
        format === 'geojson'
          ? sheetGeoJson(sheet)
          : format === 'csv'
            ? sheetCsv(sheet)
            : await sheetXlsx(sheet)
    }
    const date = new Date().toISOString().slice(0, 10).replaceAll('-', '')
    const [zh, en] = NAMES[entity]
    return new Response(body, {
      headers: {
        'content-type': TYPES[format],
        'content-disposition': attachment(`${zh}-${date}.${format}`, `${en}-${date}.${format}`),
      },
    }) as never
  })
