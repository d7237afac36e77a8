import { createRoute, z } from '@hono/zod-openapi'
import { jsonContent, router, type Deps } from '../../lib/context.ts'
import { DEFAULT_UPLOAD_LIMIT_MB } from '../ledger/import/import.routes.ts'
import { countCompounds } from './config.queries.ts'

/** Most compounds the page downloads as one GeoJSON when PAGE_FEATURE_LIMIT is unset. */
export const DEFAULT_PAGE_FEATURE_LIMIT = 60_000

const Config = z.object({
  basemap: z.object({
    kind: z.enum(['plain', 'tianditu', 'pmtiles']),
    tiandituKey: z.string().optional(),
    pmtilesUrl: z.string().optional(),
  }),
  /** Largest ledger upload the server accepts, so the page can refuse a bigger file before sending. */
  uploadLimitMb: z.number().positive(),
  /** Single sign-on (OpenID Connect) is configured: the sign-in page shows its button. */
  sso: z.boolean(),
  /** Compounds in the database. */
  compounds: z.number().int().min(0),
  /** Most compounds the page downloads as one GeoJSON; with more it draws vector tiles. */
  pageFeatureLimit: z.number().int().min(0),
})

const route = createRoute({
  method: 'get',
  path: '/api/config',
  summary:
    'What the page needs to know of the server configuration (basemap, upload limit, compound count and the page feature limit)',
  responses: { 200: jsonContent(Config, 'Client configuration') },
})

/** The plain basemap needs nothing from outside; the others only when an operator configured them. */
export const configRoutes = ({ db, env }: Deps) =>
  router().openapi(route, async (c) =>
    c.json(
      {
        basemap: {
          kind: env.BASEMAP,
          ...(env.BASEMAP === 'tianditu' ? { tiandituKey: env.TIANDITU_KEY } : {}),
          ...(env.BASEMAP === 'pmtiles' ? { pmtilesUrl: env.PMTILES_URL } : {}),
        },
        uploadLimitMb: env.UPLOAD_LIMIT_MB ?? DEFAULT_UPLOAD_LIMIT_MB,
        sso: env.OIDC !== undefined,
        compounds: await countCompounds(db),
        pageFeatureLimit: env.PAGE_FEATURE_LIMIT ?? DEFAULT_PAGE_FEATURE_LIMIT,
      },
      200,
    ),
  )
