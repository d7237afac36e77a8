/**
 * The dashboard in headless Chromium: time from opening the 驾驶舱 tab to the city heat map drawn,
 * and the time of a gap-measure switch (click → end of the first frame drawn with the new measure,
 * measured in the page by web/src/features/dashboard/dashboard-hook.ts) on the heat map and on the
 * hexagons, and of a layer switch. The app is served in-process over the full demo city in embedded
 * PGlite with the test sign-in mode (`npm start` requires a session, whose demo passwords are
 * random). Wired as section `dashboard-page` of scripts/bench.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import type { Page } from 'playwright-core'
import { createApp } from '../../server/src/app.ts'
import { migrate } from '../../server/src/db/migrate.ts'
import { openPglite } from '../../server/src/db/pglite-db.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { createLogger } from '../../server/src/lib/log.ts'
import type { DashboardTestHook } from '../../web/src/features/dashboard/dashboard-hook.ts'
import { findChromium, launchChromium } from '../../tests/helpers/browser.ts'
import { buildWebIfStale } from '../lib/web-build.ts'
import { since } from './serve.ts'

type Record = (what: string, value: string) => void

const MEASURES = ['elderlyWithoutStation', 'failedIndicators', 'uncoveredHouseholds'] as const

const hookOf = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { __yuanluoDashboard?: DashboardTestHook }).__yuanluoDashboard
    return h ? { drawn: h.drawn, lastSwitchMs: h.lastSwitchMs, n: h.switchMs.length } : null
  })

/** Waits until the gap map has drawn `layer` with `what` and its data; returns its feature count. */
async function drawnOf(page: Page, layer: string, what: string): Promise<number> {
  const deadline = Date.now() + 180_000
  for (;;) {
    const h = await hookOf(page)
    if (h?.drawn && h.drawn.layer === layer && h.drawn.what === what && h.drawn.count > 0)
      return h.drawn.count
    if (Date.now() > deadline) throw new Error(`the dashboard never drew ${layer} ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Clicks `testId` and returns the switch time the page measured. */
async function timedSwitch(page: Page, testId: string, layer: string, what: string) {
  const before = (await hookOf(page))?.n ?? 0
  await page.getByTestId(testId).click({ timeout: 180_000 })
  await drawnOf(page, layer, what)
  for (;;) {
    const h = await hookOf(page)
    if (h && h.n > before && h.lastSwitchMs !== null) return h.lastSwitchMs
    await new Promise((r) => setTimeout(r, 10))
  }
}

const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b)
  return `median ${s[Math.floor(s.length / 2)]} ms (min ${s[0]}, max ${s[s.length - 1]}, n ${s.length})`
}

const env = {
  BASEMAP: 'plain' as const,
  TIANDITU_KEY: undefined,
  PMTILES_URL: undefined,
  UPLOAD_LIMIT_MB: 50,
}

/** Serves the built page and the API over the full demo city; returns its URL and a stop. */
async function serveDemoCity(record: Record) {
  await buildWebIfStale()
  const dir = mkdtempSync(join(tmpdir(), 'yuanluo-dash-bench-'))
  const db = await openPglite(join(dir, 'pglite'))
  await migrate(db)
  const t0 = performance.now()
  await loadDemoCity(db, generateDemoCity({ seed: 20041, scale: 1 }))
  record('dashboard bench: demo city (scale 1) load into PGlite', `${since(t0)} ms`)
  const app = createApp({ db, env, log: createLogger('warn') }, { webDist: resolve('web/dist') })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((r) => server.once('listening', () => r()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    stop: async () => {
      server.close()
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Measures the dashboard page over the full demo city. */
export async function dashboardPageFigures(record: Record): Promise<void> {
  const chromium = findChromium()
  if (!chromium) return record('dashboard page figures', 'not measured: no Chromium')
  const served = await serveDemoCity(record)
  const base = served.url
  const browser = await launchChromium(chromium)
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(base)
    await page.waitForFunction(
      () =>
        (window as unknown as { __yuanluo?: { compoundsDrawn: number } }).__yuanluo?.compoundsDrawn,
      undefined,
      { timeout: 180_000 },
    )
    // Let the whole city's first frames finish: software GL keeps the page busy for a while.
    await page.evaluate(() =>
      (
        window as unknown as { __yuanluoDashboard: DashboardTestHook }
      ).__yuanluoDashboard.whenIdle(),
    )
    const t0 = performance.now()
    await page.getByTestId('view-dashboard').click({ timeout: 180_000 })
    const n = await drawnOf(page, 'heat', 'uncoveredHouseholds')
    record(
      'dashboard: 驾驶舱 tab to city heat map drawn (headless Chromium, software GL)',
      `${since(t0)} ms, ${n} old compounds`,
    )
    const heat: number[] = []
    for (let i = 0; i < 9; i++) {
      const m = MEASURES[i % 3]!
      heat.push(await timedSwitch(page, `gap-measure-${m}`, 'heat', m))
    }
    record('dashboard: heat-map measure switch, click → frame drawn', summary(heat))
    const toHex = await timedSwitch(page, 'gap-layer-hex', 'hex', 'uncoveredHouseholds')
    const hex: number[] = []
    for (let i = 0; i < 9; i++) {
      const m = MEASURES[i % 3]!
      hex.push(await timedSwitch(page, `gap-measure-${m}`, 'hex', m))
    }
    const cells = await drawnOf(page, 'hex', 'uncoveredHouseholds')
    record(
      'dashboard: hexagon measure switch, click → frame drawn',
      `${summary(hex)}; ${cells} H3 cells at city zoom; heat → hexagons first time ${toHex} ms`,
    )
    const toChoropleth = await timedSwitch(
      page,
      'gap-layer-choropleth',
      'choropleth',
      'organisationCoverage',
    )
    const toHeat = await timedSwitch(page, 'gap-layer-heat', 'heat', 'uncoveredHouseholds')
    record(
      'dashboard: layer switch, click → frame drawn',
      `hexagons → choropleth ${toChoropleth} ms; choropleth → heat map (rebuilt) ${toHeat} ms`,
    )
  } finally {
    await browser.close()
    await served.stop()
  }
}
