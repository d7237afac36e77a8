// The ledger table's extra columns for every compound: what /api/compounds (the map's GeoJSON)
// leaves out, as parallel arrays so 20,000 rows cost a few hundred kB, not a field name per cell.
import { createRoute, z } from '@hono/zod-openapi'
import { sql } from '../../../db/sql.ts'
import { jsonContent, router, type Deps } from '../../../lib/context.ts'
import { AppError } from '../../../lib/errors.ts'
import { AreaId } from '../../../lib/validation.ts'
import { communitiesUnder, getArea } from '../../areas/areas.queries.ts'

const Rows = z
  .object({
    id: z.array(z.number()),
    address: z.array(z.string().nullable()),
    yearBuilt: z.array(z.number().nullable()),
    residents: z.array(z.number()),
    community: z.array(z.string()),
    street: z.array(z.string().nullable()),
    version: z.array(z.number()),
  })
  .openapi('LedgerRows')

const route = createRoute({
  method: 'get',
  path: '/api/ledger/rows',
  summary:
    "Table columns of every compound (or of one area, the page's list in tile mode) not in /api/compounds (address, year, residents, community, street, version), as parallel arrays ordered by id",
  request: { query: z.object({ area: AreaId.optional() }) },
  responses: { 200: jsonContent(Rows, 'Parallel arrays, one entry per compound') },
})

export const ledgerRowsRoutes = ({ db }: Deps) =>
  router().openapi(route, async (c) => {
    const { area } = c.req.valid('query')
    if (area && !(await getArea(db, area)))
      throw new AppError('NOT_FOUND', `area ${area} not found`)
    const within = area ? sql`WHERE c.community_id IN (${communitiesUnder(area)})` : sql``
    const [row] = await db.query<z.infer<typeof Rows>>(sql`
      SELECT coalesce(json_agg(c.id ORDER BY c.id), '[]') AS id,
        coalesce(json_agg(c.address ORDER BY c.id), '[]') AS address,
        coalesce(json_agg(c.year_built ORDER BY c.id), '[]') AS "yearBuilt",
        coalesce(json_agg(c.residents ORDER BY c.id), '[]') AS residents,
        coalesce(json_agg(a.name ORDER BY c.id), '[]') AS community,
        coalesce(json_agg(st.name ORDER BY c.id), '[]') AS street,
        coalesce(json_agg(c.version ORDER BY c.id), '[]') AS version
      FROM compound c JOIN area a ON a.id = c.community_id LEFT JOIN area st ON st.id = a.parent_id
      ${within}`)
    return c.json(row!, 200)
  })
