/**
 * `npm run bench`: measures the figures docs/PERFORMANCE.md records. Prints one markdown table.
 * Sections: demo-city generation; first and second `npm start` to a served page (embedded PGlite);
 * whole-city GET /api/compounds on PGlite and on a throw-away PostgreSQL + PostGIS; the time until
 * headless Chromium sees the compounds drawn. `--only gen,start,api,browser` picks sections.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from '../server/src/app.ts'
import { migrate } from '../server/src/db/migrate.ts'
import { openPg } from '../server/src/db/pg-db.ts'
import { generateDemoCity } from '../server/src/demo/generate.ts'
import { loadDemoCity } from '../server/src/demo/load.ts'
import { createLogger } from '../server/src/lib/log.ts'
import { findChromium, launchChromium } from '../tests/helpers/browser.ts'
import { findPostgres, freePort, startPgServer } from '../tests/helpers/pg-server.ts'
import { since, stop, timedStart, timeGet } from './bench/serve.ts'

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',')
const wanted = (section: string) => !only || only.includes(section)
const rows: [string, string][] = []
const record = (what: string, value: string) => {
  rows.push([what, value])
  process.stderr.write(`${what}: ${value}\n`)
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

if (wanted('gen')) {
  const t0 = performance.now()
  const city = generateDemoCity({ seed: 20041, scale: 1 })
  record(
    'demo city generation (scale 1, in memory)',
    `${since(t0)} ms, ${city.compounds.length} compounds`,
  )
}

const dataDir = mkdtempSync(join(tmpdir(), 'yuanluo-bench-'))
let pgliteUrl: string | undefined
let pgliteServer: Awaited<ReturnType<typeof timedStart>>['child'] | undefined
if (wanted('start') || wanted('api') || wanted('browser')) {
  const port = await freePort()
  const startEnv = { DATA_DIR: join(dataDir, 'pglite'), LOG_LEVEL: 'warn' }
  const first = await timedStart(startEnv, port)
  record(
    'first npm start to a served page (empty database: migrate + demo city load; web already built)',
    `${first.ms} ms`,
  )
  await stop(first.child)
  const second = await timedStart(startEnv, port)
  record('second npm start to a served page', `${second.ms} ms`)
  pgliteServer = second.child
  pgliteUrl = `http://127.0.0.1:${port}`
}

if (wanted('api') && pgliteUrl) {
  for (const enc of ['identity', 'gzip'] as const) {
    const r = await timeGet(`${pgliteUrl}/api/compounds`, 5, enc)
    record(
      `GET /api/compounds whole city, PGlite, ${enc} (median of 5)`,
      `${r.medianMs} ms, ${kb(r.bytes)} raw, ${kb(r.gzipBytes)} gzipped`,
    )
  }
  const s = await timeGet(`${pgliteUrl}/api/stats`, 3)
  record('GET /api/stats city, PGlite (median of 3)', `${s.medianMs} ms`)
}

if (wanted('api')) {
  const install = findPostgres()
  if ('reason' in install) record('PostGIS figures', `not measured: ${install.reason}`)
  else {
    const server = await startPgServer(install.binDir)
    const db = openPg(server.adminUrl)
    try {
      await migrate(db)
      const city = generateDemoCity({ seed: 20041, scale: 1 })
      const t0 = performance.now()
      await loadDemoCity(db, city)
      record('demo city load into PostgreSQL + PostGIS', `${since(t0)} ms`)
      const port = await freePort()
      const http = serve({
        fetch: createApp({ db, env, log: createLogger('warn') }).fetch,
        port,
        hostname: '127.0.0.1',
      })
      for (const enc of ['identity', 'gzip'] as const) {
        const r = await timeGet(`http://127.0.0.1:${port}/api/compounds`, 5, enc)
        record(
          `GET /api/compounds whole city, PostGIS, ${enc} (median of 5)`,
          `${r.medianMs} ms, ${kb(r.bytes)} raw, ${kb(r.gzipBytes)} gzipped`,
        )
      }
      const s = await timeGet(`http://127.0.0.1:${port}/api/stats`, 3)
      record('GET /api/stats city, PostGIS (median of 3)', `${s.medianMs} ms`)
      http.close()
    } finally {
      await db.close()
      await server.stop()
    }
  }
}

if (wanted('browser') && pgliteUrl) {
  const chromium = findChromium()
  if (!chromium) record('browser figures', 'not measured: no Chromium')
  else {
    const browser = await launchChromium(chromium)
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const t0 = performance.now()
    await page.goto(pgliteUrl)
    await page.waitForFunction(
      () =>
        (window as unknown as { __yuanluo?: { compoundsDrawn: number } }).__yuanluo?.compoundsDrawn,
      undefined,
      { timeout: 120_000 },
    )
    record(
      'browser: page open to whole-city compounds drawn (headless Chromium, software GL)',
      `${since(t0)} ms`,
    )
    await browser.close()
  }
}

if (pgliteServer) await stop(pgliteServer)
rmSync(dataDir, { recursive: true, force: true })

const cpu = cpus()[0]?.model ?? 'unknown CPU'
console.log(
  `\nMeasured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, Node ${process.version}\n`,
)
console.log('| measure | figure |\n|---|---|')
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`)
