import { createRoute, z } from '@hono/zod-openapi'
import { requestVersions } from '../../lib/data-version.ts'
import { jsonContent, router, type Deps } from '../../lib/context.ts'
import { DEFAULT_UPLOAD_LIMIT_MB } from '../ledger/import/import.routes.ts'
import { compoundCount } from './config.queries.ts'

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
  /** Most compounds the page downloads as one GeoJSON; with more it draws vector tiles. */
  pageFeatureLimit: z.number().int().min(0),
})

const CompoundCount = z.object({
  /** Compounds in the database: with more than `pageFeatureLimit` the page draws vector tiles. */
  compounds: z.number().int().min(0),
})

const route = createRoute({
  method: 'get',
  path: '/api/config',
  summary:
    'What the page needs to know of the server configuration before anyone signs in (basemap, upload limit, single sign-on, the page feature limit)',
  responses: { 200: jsonContent(Config, 'Client configuration') },
})

const compoundsRoute = createRoute({
  method: 'get',
  path: '/api/config/compounds',
  summary:
    'Compounds in the whole database, for the signed-in page to choose between GeoJSON and tile mode (computed once per data version)',
  responses: { 200: jsonContent(CompoundCount, 'The number of compounds') },
})

/**
 * GET /api/config is public (the sign-in page reads `sso` and the basemap), so it says nothing of
 * the data; the compound count the page chooses its map mode by is GET /api/config/compounds, for
 * signed-in users only (features/auth/policy.ts). The plain basemap needs nothing from outside; the
 * others only when an operator configured them.
 */
export const configRoutes = ({ db, env }: Deps) =>
  router()
    .openapi(route, (c) =>
      c.json(
        {
          basemap: {
            kind: env.BASEMAP,
            ...(env.BASEMAP === 'tianditu' ? { tiandituKey: env.TIANDITU_KEY } : {}),
            ...(env.BASEMAP === 'pmtiles' ? { pmtilesUrl: env.PMTILES_URL } : {}),
          },
          uploadLimitMb: env.UPLOAD_LIMIT_MB ?? DEFAULT_UPLOAD_LIMIT_MB,
          sso: env.OIDC !== undefined,
          pageFeatureLimit: env.PAGE_FEATURE_LIMIT ?? DEFAULT_PAGE_FEATURE_LIMIT,
        },
        200,
      ),
    )
    .openapi(compoundsRoute, async (c) => {
      const { data } = await requestVersions(c, db)
      return c.json({ compounds: await compoundCount(db)(data) }, 200)
    })
