/**
 * The ledger table in headless Chromium over the full demo city (~20,000 compounds): frame times
 * while the table scrolls (one scrollTop step per animation frame, measured in the page with
 * requestAnimationFrame), and the latency of a search (input → row count shown) and of a status
 * filter (click → row count shown, and → the map's frame with the outlined matches drawn and
 * finished on the GPU), measured in the page. Served in-process over embedded PGlite. Wired as section
 * `ledger-page` of scripts/bench.ts.
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
import { findChromium, launchChromium } from '../../tests/helpers/browser.ts'
import { buildWebIfStale } from '../lib/web-build.ts'
import type { LedgerExtraColumns } from '../../web/src/api/ledger-types.ts'
import type { CompoundCollection } from '../../web/src/api/types.ts'
import { buildRows, filterRows, normalise, sortRows } from '../../web/src/store/ledger-table.ts'
import { since } from './serve.ts'

type Record = (what: string, value: string) => void

const env = {
  BASEMAP: 'plain' as const,
  TIANDITU_KEY: undefined,
  PMTILES_URL: undefined,
  UPLOAD_LIMIT_MB: 50,
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

// Page scripts are strings: tsx (esbuild keepNames) would wrap named functions in a helper that
// does not exist in the page.

/** Scrolls the table by `step` px per frame for `frames` frames; returns the frame intervals in ms. */
const scrollFrames = (page: Page, step: number, frames: number) =>
  page.evaluate(`new Promise((done) => {
    const el = document.querySelector('[data-testid="ledger-table"]')
    const times = []
    let last = 0
    let n = 0
    const tick = (now) => {
      times.push(now - last)
      last = now
      el.scrollTop += ${step}
      if (++n < ${frames}) requestAnimationFrame(tick)
      else done(times.slice(1))
    }
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick) })
  })`) as Promise<number[]>

/** Time from an action in the page to the row count text changing and a frame being drawn. */
async function timedCount(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(`window.__ledgerBefore =
      document.querySelector('[data-testid="ledger-count"]').textContent
    window.__ledgerT0 = performance.now()`)
  await act()
  return page.evaluate(`new Promise((done) => {
    const check = () => {
      const now = document.querySelector('[data-testid="ledger-count"]').textContent
      if (now !== window.__ledgerBefore)
        requestAnimationFrame(() => done(Math.round(performance.now() - window.__ledgerT0)))
      else requestAnimationFrame(check)
    }
    check()
  })`) as Promise<number>
}

/**
 * Time from a status chip's click to both the row count text changed and the map frame that
 * drew the new outlined matches finished on the GPU (a one-pixel read of the map canvas waits for
 * the GPU to execute every queued draw, so a slow frame is counted rather than left to delay the
 * next action). Returns [table ms, table + map ms, outlined compounds drawn].
 */
async function timedFilter(page: Page, status: string): Promise<[number, number, number]> {
  await page.evaluate(`window.__ledgerBefore =
      document.querySelector('[data-testid="ledger-count"]').textContent
    window.__ledgerT0 = performance.now()`)
  await page.getByTestId(`status-${status}`).click()
  return page.evaluate(`new Promise((done) => {
    const hook = window.__yuanluo
    let table = 0
    const check = () => {
      const now = performance.now()
      const count = document.querySelector('[data-testid="ledger-count"]').textContent
      if (!table && count !== window.__ledgerBefore) table = now - window.__ledgerT0
      if (table && (hook.drawnAt.ledgerMatchesDrawn ?? 0) > window.__ledgerT0) {
        const gl = document.querySelector('.maplibregl-canvas').getContext('webgl2')
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4))
        done([Math.round(table), Math.round(performance.now() - window.__ledgerT0),
          hook.ledgerMatchesDrawn])
      } else requestAnimationFrame(check)
    }
    check()
  })`) as Promise<[number, number, number]>
}

/** Measures the ledger page over the full demo city. */
export async function ledgerPageFigures(record: Record): Promise<void> {
  const chromium = findChromium()
  if (!chromium) return record('ledger page figures', 'not measured: no Chromium')
  await buildWebIfStale()
  const dir = mkdtempSync(join(tmpdir(), 'yuanluo-ledger-bench-'))
  const db = await openPglite(join(dir, 'pglite'))
  await migrate(db)
  await loadDemoCity(db, generateDemoCity({ seed: 20041, scale: 1 }))
  const app = createApp({ db, env, log: createLogger('warn') }, { webDist: resolve('web/dist') })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((r) => server.once('listening', () => r()))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // The table's own work in Node (the same pure functions the page runs), free of the page's GL.
  const fc = (await (await fetch(`${base}/api/compounds`)).json()) as CompoundCollection
  const extra = (await (await fetch(`${base}/api/ledger/rows`)).json()) as LedgerExtraColumns
  const median = (f: () => unknown) => {
    const ms: number[] = []
    for (let i = 0; i < 7; i++) {
      const t = performance.now()
      f()
      ms.push(performance.now() - t)
    }
    return ms.sort((a, b) => a - b)[3]!.toFixed(1)
  }
  const rows = buildRows(fc.features, extra)
  record(
    `ledger table logic (Node, ${rows.length} rows): build / sort by name / sort by households / search / status filter`,
    [
      median(() => buildRows(fc.features, extra)),
      median(() => sortRows(rows, { key: 'name', dir: 'asc' })),
      median(() => sortRows(rows, { key: 'households', dir: 'desc' })),
      median(() => filterRows(rows, { inside: null, statuses: [], query: normalise('花园') })),
      median(() => filterRows(rows, { inside: null, statuses: ['no_members'], query: '' })),
    ].join(' / ') + ' ms (median of 7)',
  )
  const browser = await launchChromium(chromium)
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(base)
    await page.waitForFunction(
      () =>
        (window as unknown as { __yuanluo?: { compoundsDrawn: number } }).__yuanluo?.compoundsDrawn,
      undefined,
      { timeout: 180_000 },
    )
    const t0 = performance.now()
    await page.getByTestId('view-ledger').click()
    await page.getByTestId('ledger-row').first().waitFor({ timeout: 60_000 })
    const count = await page.getByTestId('ledger-count').textContent()
    record('ledger: 台账 tab to first rows shown', `${since(t0)} ms (${count})`)
    // Wait for the extra columns (addresses) so the scroll draws full rows.
    await page.waitForFunction(
      () => document.querySelector('.ledger-body .col-address')?.textContent !== '—',
      undefined,
      { timeout: 60_000 },
    )
    for (const step of [64, 960]) {
      const times = (await scrollFrames(page, step, 240)).sort((a, b) => a - b)
      record(
        `ledger: scroll frame interval, ${step} px per frame, 240 frames (headless Chromium, software GL)`,
        `median ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
      )
    }
    const search: number[] = []
    for (const q of ['花园', '路1', '院', '锦江', 'ＡＢ']) {
      search.push(await timedCount(page, () => page.getByTestId('ledger-search').fill(q)))
      await timedCount(page, () => page.getByTestId('ledger-search').fill(''))
    }
    search.sort((a, b) => a - b)
    record(
      'ledger: search typed → row count shown (5 queries over all compounds)',
      `median ${pct(search, 50)} ms (min ${search[0]}, max ${search.at(-1)})`,
    )
    // Each chip on then off; every click is checked: the map outlines exactly that status's
    // compounds (none once the filter is off), so a figure never comes from a miss.
    const filterTable: number[] = []
    const filterMap: number[] = []
    for (const s of ['no_members', 'few_members', 'standalone']) {
      const expected = fc.features.filter((f) => f.properties.status === s).length
      for (const want of [expected, 0]) {
        const [table, map, drawn] = await timedFilter(page, s)
        if (drawn !== want)
          throw new Error(`ledger bench: status ${s} outlined ${drawn} compounds, expected ${want}`)
        filterTable.push(table)
        filterMap.push(map)
      }
    }
    for (const [what, xs] of [
      ['row count shown', filterTable],
      [
        'row count shown and the map frame with the outlined matches drawn (GPU finished)',
        filterMap,
      ],
    ] as const) {
      const sorted = [...xs].sort((a, b) => a - b)
      record(
        `ledger: status filter click → ${what} (no_members, few_members, standalone; on and off)`,
        `median ${pct(sorted, 50)} ms (min ${sorted[0]}, max ${sorted.at(-1)})`,
      )
    }
    const sort: number[] = []
    for (const k of ['households', 'name', 'address']) {
      const t = performance.now()
      await page.getByTestId(`sort-${k}`).click()
      await page.waitForFunction(
        (key) =>
          document.querySelector(`[role="columnheader"].col-${key}`)?.getAttribute('aria-sort') ===
          'ascending',
        k,
      )
      sort.push(Math.round(performance.now() - t))
    }
    record(
      'ledger: sort click → sorted rows shown (households, name, address)',
      `${sort.join(', ')} ms`,
    )
  } finally {
    await browser.close()
    server.close()
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
