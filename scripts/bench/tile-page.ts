/**
 * The map page in headless Chromium over the full demo city (scale 1), in both compound modes:
 * tile mode (MapLibre vector tiles from /api/tiles/compounds, served with PAGE_FEATURE_LIMIT below
 * the city's count) and GeoJSON mode (one download drawn by deck.gl, the default for a city).
 * Figures: time from navigation to the first drawn compounds at the opening view (GeoJSON: the
 * first deck frame with the city's polygons; tiles: the map idle with the hexagon aggregates of
 * z10 drawn; then a jump to z13 → the first tile compounds rendered), and frame intervals
 * (median, p95) while the camera pans across the whole city at z12.5 and back, one step per
 * animation frame, measured in the page with requestAnimationFrame. Both
 * modes are served by one process over one PGlite. Wired as section `tile-page` of
 * scripts/bench.ts (`npm run bench -- --only=tile-page`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import { migrate } from '../../server/src/db/migrate.ts'
import { openPglite } from '../../server/src/db/pglite-db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { createLogger } from '../../server/src/lib/log.ts'
import type { YuanluoTestHook } from '../../web/src/map/test-hook.ts'
import { findChromium, launchChromium } from '../../tests/helpers/browser.ts'
import { buildWebIfStale } from '../lib/web-build.ts'
import { since } from './serve.ts'

type Record = (what: string, value: string) => void
type Mode = 'tiles' | 'geojson'

const PAN_ZOOM = 12.5
const PAN_FRAMES = 240

const baseEnv = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

async function listen(db: Db, pageFeatureLimit?: number) {
  const env =
    pageFeatureLimit === undefined ? baseEnv : { ...baseEnv, PAGE_FEATURE_LIMIT: pageFeatureLimit }
  const app = createApp({ db, env, log: createLogger('warn') }, { webDist: resolve('web/dist') })
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((r) => server.once('listening', () => r()))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

const hookField = <K extends keyof YuanluoTestHook>(page: Page, k: K) =>
  page.evaluate(
    (f) => (window as unknown as { __yuanluo?: YuanluoTestHook }).__yuanluo?.[f],
    k,
  ) as Promise<YuanluoTestHook[K] | undefined>

/** Waits for the first drawn compounds; returns ms since navigation start (page clock). */
async function firstDrawn(page: Page, mode: Mode): Promise<number> {
  const deadline = Date.now() + 120_000
  for (;;) {
    const at =
      mode === 'tiles'
        ? await hookField(page, 'tileFirstDrawnAt')
        : (await hookField(page, 'compoundsDrawn'))
          ? (await hookField(page, 'drawnAt'))?.compoundsDrawn
          : undefined
    if (at !== undefined) return Math.round(at)
    if (Date.now() > deadline) {
      const state = await page.evaluate(() => {
        const h = (window as unknown as { __yuanluo?: YuanluoTestHook }).__yuanluo
        return h && { ready: h.mapReady, mode: h.mode, rendered: h.renderedTileCompounds() }
      })
      throw new Error(`${mode}: compounds never drawn (${JSON.stringify(state)})`)
    }
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * Pans from `from` to `to` at `zoom`, one step per frame; returns the frame intervals in ms.
 * A string, not a function: tsx would wrap the inner function in a helper the page lacks.
 */
const panFrames = (page: Page, from: [number, number], to: [number, number], zoom: number) =>
  page.evaluate(`new Promise((done) => {
    const hook = window.__yuanluo
    const from = ${JSON.stringify(from)}, to = ${JSON.stringify(to)}, frames = ${PAN_FRAMES}
    const times = []
    let last = 0
    let n = 0
    const tick = (now) => {
      times.push(now - last)
      last = now
      const t = n / (frames - 1)
      hook.jumpTo([from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t], ${zoom})
      if (++n < frames) requestAnimationFrame(tick)
      else done(times.slice(1))
    }
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick) })
  })`) as Promise<number[]>

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * p))]!)
}

async function measure(browser: Browser, url: string, mode: Mode, bbox: number[], record: Record) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  try {
    await page.goto(url)
    const first = await firstDrawn(page, mode)
    const got = await hookField(page, 'mode')
    if (got !== mode) throw new Error(`expected ${mode} mode, the page says ${got}`)
    const label = mode === 'tiles' ? 'tile mode' : 'GeoJSON mode'
    record(
      `map page, ${label}: navigation → first compounds drawn (headless Chromium, software GL)`,
      `${first} ms${mode === 'tiles' ? ' (z10.5 hexagon aggregates, map idle)' : ' (all polygons, first deck frame)'}`,
    )
    const [w, s, e, n] = bbox as [number, number, number, number]
    const lat = (s + n) / 2
    if (mode === 'tiles') {
      // The first compounds themselves (z13 over the city's middle): jump → rendered.
      const t0 = performance.now()
      await page.evaluate(
        ([lng, lat]) =>
          (window as unknown as { __yuanluo: YuanluoTestHook }).__yuanluo.jumpTo([lng, lat], 13),
        [(w + e) / 2, lat] as const,
      )
      await page.waitForFunction(
        () =>
          (window as unknown as { __yuanluo: YuanluoTestHook }).__yuanluo.renderedTileCompounds() >
          0,
        undefined,
        { timeout: 120_000, polling: 10 },
      )
      record(
        `map page, tile mode: jump to z13 over the city's middle → first tile compounds rendered`,
        `${since(t0)} ms`,
      )
    }
    // Settle at the start of the path, then pan west → east across the city and back.
    await page.evaluate(
      ([lng, lat, z]) =>
        (window as unknown as { __yuanluo: YuanluoTestHook }).__yuanluo.flyTo([lng, lat], z),
      [w, lat, PAN_ZOOM] as const,
    )
    await page.waitForTimeout(3000)
    const there = await panFrames(page, [w, lat], [e, lat], PAN_ZOOM)
    const back = await panFrames(page, [e, lat], [w, lat], PAN_ZOOM)
    const fig = (xs: number[]) =>
      `median ${percentile(xs, 0.5)} ms, p95 ${percentile(xs, 0.95)} ms, max ${percentile(xs, 1)} ms`
    record(
      `map page, ${label}: frame interval panning across the city at z${PAN_ZOOM} (${PAN_FRAMES} frames each way)`,
      `west → east (first pass${mode === 'tiles' ? ', tiles loading' : ''}) ${fig(there)}; east → west ${fig(back)}`,
    )
  } finally {
    await page.close()
  }
}

/** Measures the map page over the full demo city in tile mode and in GeoJSON mode. */
export async function tilePageFigures(record: Record): Promise<void> {
  const chromium = findChromium()
  if (!chromium) return record('tile page figures', 'not measured: no Chromium')
  await buildWebIfStale()
  const dir = mkdtempSync(join(tmpdir(), 'yuanluo-tile-page-'))
  const db = await openPglite(join(dir, 'pglite'))
  const servers: ServerType[] = []
  let browser: Browser | undefined
  try {
    await migrate(db)
    const t0 = performance.now()
    await loadDemoCity(db, generateDemoCity({ seed: 20041, scale: 1 }))
    record('tile-page bench: demo city (scale 1) load into PGlite', `${since(t0)} ms`)
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM compound`,
    )
    const [{ bbox } = { bbox: [] as number[] }] = await db.query<{ bbox: number[] }>(sql`
      SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) AS bbox
      FROM (SELECT ST_Extent(coalesce(boundary, location))::geometry AS e FROM compound) x`)
    // Tile mode: a limit below the city's count; GeoJSON mode: the default limit.
    const tiles = await listen(db, Math.floor(n / 2))
    const geojson = await listen(db)
    servers.push(tiles.server, geojson.server)
    browser = await launchChromium(chromium)
    await measure(browser, tiles.url, 'tiles', bbox, record)
    await measure(browser, geojson.url, 'geojson', bbox, record)
  } finally {
    await browser?.close()
    for (const s of servers) s.close()
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
