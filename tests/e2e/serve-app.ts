import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import type { OidcConfig } from '../../server/src/env.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { buildWebIfStale } from '../../scripts/lib/web-build.ts'
import { openTestPglite } from '../helpers/each-db.ts'

export const SCREENSHOTS = resolve('tests/output/screenshots')

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

/** How the served app authenticates: 'header' (default: no sign-in, acts as admin) or 'required'. */
export interface ServeOptions {
  auth?: 'required' | 'header'
  /**
   * Extra configuration, e.g. single sign-on against a fake issuer (tests/helpers/fake-oidc.ts) or
   * a low PAGE_FEATURE_LIMIT for tile mode.
   */
  env?: { OIDC?: OidcConfig; PAGE_FEATURE_LIMIT?: number }
}

/** Serves the built page and the API over `db` on a free port of 127.0.0.1. */
export async function startServer(
  db: Db,
  opts: ServeOptions = {},
): Promise<{ url: string; server: ServerType }> {
  const app = createApp(
    { db, env: { ...env, ...opts.env }, log: memoryLogger() },
    { webDist: resolve('web/dist'), ...(opts.auth ? { auth: opts.auth } : {}) },
  )
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((r) => server.once('listening', () => r()))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

/** Records every request that leaves the page's own origin: the app must work offline. */
export function watchOutsideRequests(page: Page, origin: string): string[] {
  const outside: string[] = []
  page.on('request', (r) => {
    const url = r.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      outside.push(url)
  })
  return outside
}

/** The browser tests' view of `window.__yuanluo` (web/src/map/test-hook.ts). */
export interface Hook {
  compoundsDrawn: number
  jointCandidatesDrawn?: number
  sitingSitesDrawn?: number
  project(p: [number, number]): [number, number]
  flyTo(p: [number, number], z: number): Promise<void>
}

/** Reads one field of the test hook in the page (0 until the hook exists). */
export const hookValue = (
  page: Page,
  field: 'compoundsDrawn' | 'jointCandidatesDrawn' | 'sitingSitesDrawn',
) => page.evaluate((f) => (window as unknown as { __yuanluo?: Hook }).__yuanluo?.[f] ?? 0, field)

/**
 * Registers hooks that serve the page over a private PGlite holding the small seeded demo city
 * (built once per describe block); returns getters for the database and the page's URL.
 */
export function serveSmallDemoCity(opts: ServeOptions = {}): { db: () => Db; url: () => string } {
  const state: { db?: Db; url?: string; server?: ServerType } = {}
  beforeAll(async () => {
    await buildWebIfStale()
    state.db = await openTestPglite()
    await loadDemoCity(state.db, generateDemoCity({ seed: 7, scale: 0.02 }))
    ;({ url: state.url, server: state.server } = await startServer(state.db, opts))
    mkdirSync(SCREENSHOTS, { recursive: true })
  })
  afterAll(async () => {
    state.server?.close()
    await state.db?.close()
  })
  return { db: () => state.db!, url: () => state.url! }
}
