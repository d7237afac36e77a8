import { createRoute, z } from '@hono/zod-openapi'
import { jsonContent, router, type Deps } from '../../lib/context.ts'

const Config = z.object({
  basemap: z.object({
    kind: z.enum(['plain', 'tianditu', 'pmtiles']),
    tiandituKey: z.string().optional(),
    pmtilesUrl: z.string().optional(),
  }),
})

const route = createRoute({
  method: 'get',
  path: '/api/config',
  summary: 'What the page needs to know of the server configuration (basemap)',
  responses: { 200: jsonContent(Config, 'Client configuration') },
})

/** The plain basemap needs nothing from outside; the others only when an operator configured them. */
export const configRoutes = ({ env }: Deps) =>
  router().openapi(route, (c) =>
    c.json(
      {
        basemap: {
          kind: env.BASEMAP,
          ...(env.BASEMAP === 'tianditu' ? { tiandituKey: env.TIANDITU_KEY } : {}),
          ...(env.BASEMAP === 'pmtiles' ? { pmtilesUrl: env.PMTILES_URL } : {}),
        },
      },
      200,
    ),
  )
