import { OpenAPIHono } from '@hono/zod-openapi'
import { HTTPException } from 'hono/http-exception'
import { compress } from 'hono/compress'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'
import { areaRoutes } from './features/areas/areas.routes.ts'
import { authRoutes } from './features/auth/auth.routes.ts'
import {
  basemapOrigins,
  contentSecurityPolicy,
  jsonBodyLimit,
  securityHeaders,
} from './features/auth/hardening.ts'
import { authMiddleware, type AuthMode } from './features/auth/middleware.ts'
import { sessionCache } from './features/auth/session-cache.ts'
import { compoundRoutes } from './features/compounds/compounds.routes.ts'
import { configRoutes } from './features/config/config.routes.ts'
import { healthRoutes } from './features/health/health.routes.ts'
import { jointBranchRoutes } from './features/joint-branches/joint-branches.routes.ts'
import { ledgerRoutes } from './features/ledger/ledger.routes.ts'
import { scorecardRoutes } from './features/scorecard/scorecard.routes.ts'
import { planRoutes } from './features/plans/plans.routes.ts'
import { sitingRoutes } from './features/siting/siting.routes.ts'
import { statsRoutes } from './features/stats/stats.routes.ts'
import { tileFeature } from './features/tiles/tiles.routes.ts'
import { PMTILES_PATH } from './env.ts'
import type { Deps } from './lib/context.ts'
import { AppError, isDbUnavailable } from './lib/errors.ts'

export interface AppOptions {
  /** Absolute path of the built web app to serve beside the API; omitted: API only. */
  webDist?: string
  /** Absolute path of a PMTiles basemap archive, served at PMTILES_PATH with range requests. */
  pmtilesFile?: string
  /**
   * 'required': sessions, CSRF and the policy of features/auth/policy.ts (server/src/main.ts always).
   * 'header' (the default, for tests only): a request without a session acts as an admin named by
   * x-yuanluo-user, so suites calling createApp(deps) need no sign-in. See features/auth/README.md.
   */
  auth?: AuthMode
  /** Believe X-Forwarded-For / X-Forwarded-Proto from a reverse proxy (TRUST_PROXY). */
  trustProxy?: boolean
}

/** Builds the API: middleware, routes, the OpenAPI document and one error handler. Never listens. */
export function createApp(deps: Deps, opts: AppOptions = {}) {
  const app = new OpenAPIHono()
  const auth = opts.auth ?? 'header'
  app.use('*', securityHeaders(contentSecurityPolicy(basemapOrigins(deps.env))))
  app.use('/api/*', compress())
  app.use('/api/*', jsonBodyLimit())
  const sessions = sessionCache(deps.db)
  const tiles = tileFeature(deps, sessions)
  // Before the auth check: a likely tile miss starts at once (features/tiles/early-render.ts).
  app.use('/api/tiles/*', tiles.early)
  app.use('/api/*', authMiddleware(deps, auth, sessions))
  // Outside /api so compression never touches the byte ranges PMTiles readers ask for.
  if (opts.pmtilesFile) app.get(PMTILES_PATH, serveStatic({ path: opts.pmtilesFile }))
  if (opts.webDist) app.use('*', webApp(opts.webDist))

  for (const routes of [
    healthRoutes,
    configRoutes,
    areaRoutes,
    compoundRoutes,
    statsRoutes,
    jointBranchRoutes,
    sitingRoutes,
    ledgerRoutes,
    planRoutes,
    () => tiles.routes,
    scorecardRoutes,
  ])
    app.route('/', routes(deps))
  app.route('/', authRoutes(deps, { mode: auth, trustProxy: opts.trustProxy ?? false }))

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Yuanluo 院落 API', version: '0.1.0' },
  })

  app.notFound((c) => {
    const err = new AppError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`)
    return c.json(err.toBody(), err.status)
  })

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(err.toBody(), err.status)
    if (isDbUnavailable(err)) {
      const e = new AppError('DB_UNAVAILABLE', 'database unavailable, try again shortly')
      return c.json(e.toBody(), e.status)
    }
    if (err instanceof HTTPException && err.status < 500) {
      const e = new AppError(err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', err.message)
      return c.json(e.toBody(), err.status)
    }
    deps.log.error('unhandled error', {
      path: c.req.path,
      error: String(err),
      stack: (err as Error).stack,
    })
    const e = new AppError('INTERNAL', 'internal error')
    return c.json(e.toBody(), e.status)
  })

  return app
}

/** Serves the built page and its assets; unknown non-API paths get the page (client-side routes). */
function webApp(root: string): MiddlewareHandler {
  const assets = serveStatic({
    root,
    onFound: (path, c) => {
      // Vite fingerprints asset names, so they never change; the page itself must be revalidated.
      const immutable = path.includes('/assets/')
      c.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  const page = serveStatic({ root, path: 'index.html' })
  return async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.method !== 'GET') return next()
    // serveStatic answers by returning a Response, so the page's answer must be carried out.
    let fallback: Response | void = undefined
    const served = await assets(c, async () => {
      fallback = await page(c, next)
    })
    return served ?? fallback
  }
}
