/**
 * `npm run bench`: measures the figures docs/PERFORMANCE.md records. Prints one markdown table.
 * Sections: demo-city generation; first and second `npm start` to a served page (embedded PGlite);
 * whole-city GET /api/compounds on PGlite and on a throw-away PostgreSQL + PostGIS; the time until
 * headless Chromium sees the compounds drawn; joint-branch and siting analyses end to end on both
 * databases, and the solver benches beside this file; the dashboard page (`dashboard-page`:
 * bench/dashboard-page.ts); the ledger table page (`ledger-page`: bench/ledger-page.ts); the plans editor page (`plans-page`: bench/plans-page.ts).
 * `--only gen,start,api,browser,analysis,solvers,dashboard-page,ledger-page,plans-page` picks
 * sections.
 */
import { spawnSync } from 'node:child_process'
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
import { dashboardPageFigures } from './bench/dashboard-page.ts'
import { ledgerPageFigures } from './bench/ledger-page.ts'
import { planFigures } from './bench/plans.ts'
import { plansPageFigures } from './bench/plans-page.ts'
import { scorecardFigures } from './bench/scorecard.ts'
import {
  benchHeaders,
  demoPassword,
  signInHeaders,
  since,
  stop,
  timedStart,
  timeGet,
} from './bench/serve.ts'
import { loadBench } from './bench/load.ts'
import { tilesBench } from './bench/tiles.ts'

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

/** The parts of the analysis answers the figures quote. */
interface AnalysisReply {
  stats: Record<string, number>
  bound: { maxGroups: number; maxCoveredUnits: number }
  method: string
  gap: number
  before: { share: number }
  after: { share: number }
}

/** Times POST `path` with `body` (median of `runs`, after one warm-up run that also starts the worker). */
async function timePost(base: string, path: string, body: unknown, runs = 3) {
  const once = async () => {
    const t0 = performance.now()
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { ...benchHeaders, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = (await res.json()) as AnalysisReply
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`)
    return { ms: performance.now() - t0, json }
  }
  await once()
  const results = []
  for (let i = 0; i < runs; i++) results.push(await once())
  results.sort((a, b) => a.ms - b.ms)
  const mid = results[Math.floor(runs / 2)]!
  return { ms: Math.round(mid.ms), json: mid.json }
}

/** The community of 锦江区 with most small old compounds, its street, the district and the city. */
async function analysisAreas(base: string): Promise<[string, string][]> {
  const res = await fetch(
    `${base}/api/compounds?area=510104&status=few_members,no_members,instructor`,
  )
  const fc = (await res.json()) as {
    features: { properties: { communityId: string; isOld: boolean } }[]
  }
  const counts = new Map<string, number>()
  for (const f of fc.features)
    if (f.properties.isOld)
      counts.set(f.properties.communityId, (counts.get(f.properties.communityId) ?? 0) + 1)
  const community = [...counts].sort((a, b) => b[1] - a[1])[0]![0]
  // Demo-city codes nest: a street's code is its community's first 9 digits.
  return [
    ['community', community],
    ['street', community.slice(0, 9)],
    ['district', '510104'],
    ['city', '510100'],
  ]
}

/** Joint-branch and siting analyses through the HTTP API of the server at `base`. */
async function analysisFigures(base: string, driver: string) {
  for (const [level, area] of await analysisAreas(base)) {
    const { ms, json } = await timePost(base, '/api/analysis/joint-branches', { area })
    const st = json.stats
    record(
      `joint branches, ${level} ${area}, ${driver}: end to end (median of 3)`,
      `${ms} ms (solver ${st.solverMs} ms, queries ${st.queryMs} ms); ${st.units} small compounds, ${st.groups} groups / bound ${json.bound.maxGroups}, ${st.coveredUnits} covered / bound ${json.bound.maxCoveredUnits}`,
    )
  }
  for (const [level, area, k] of [
    ['district', '510104', 10],
    ['city', '510100', 100],
  ] as const) {
    const { ms, json } = await timePost(
      base,
      '/api/analysis/siting',
      { area, model: 'max-cover', k },
      1,
    )
    record(
      `siting max-cover k=${k}, ${level}, ${driver}: end to end`,
      `${ms} ms (solver ${json.stats.solverMs} ms, ${json.method}, gap ${(json.gap * 100).toFixed(2)}%); coverage ${(json.before.share * 100).toFixed(1)}% → ${(json.after.share * 100).toFixed(1)}% of households`,
    )
  }
}
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
if (wanted('start') || wanted('api') || wanted('browser') || wanted('analysis')) {
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
  // npm start requires sign-in: the demo admin, whose password the first start printed.
  Object.assign(
    benchHeaders,
    await signInHeaders(pgliteUrl, 'admin', demoPassword(first.stdout(), 'admin')),
  )
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
if (wanted('analysis') && pgliteUrl) await analysisFigures(pgliteUrl, 'PGlite')

let onPostgisDone = () => {}
if (wanted('api') || wanted('analysis')) {
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
      // This app runs in the test seam's header mode (no sign-in): the PGlite session stays out.
      const pgliteSession = { ...benchHeaders }
      for (const k of Object.keys(benchHeaders)) delete benchHeaders[k]
      onPostgisDone = () => Object.assign(benchHeaders, pgliteSession)
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
      if (wanted('analysis')) await analysisFigures(`http://127.0.0.1:${port}`, 'PostGIS')
      http.close()
    } finally {
      onPostgisDone()
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
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const [name, value] = benchHeaders.cookie!.split('=') as [string, string]
    await context.addCookies([{ name, value, url: pgliteUrl }])
    const page = await context.newPage()
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

if (wanted('dashboard-page')) await dashboardPageFigures(record)

// The ledger table over the whole city: scroll frames, search, filter, sort (bench/ledger-page.ts).
if (wanted('ledger-page')) await ledgerPageFigures(record)
if (wanted('tile-page')) await (await import('./bench/tile-page.ts')).tilePageFigures(record)

if (pgliteServer) await stop(pgliteServer)

// Plans: save a 100-branch plan and adopt it, on PGlite and PostGIS (scripts/bench/plans.ts).
if (wanted('plans')) await planFigures(record)

// The planner's editor page: brush stroke and check updates in Chromium (scripts/bench/plans-page.ts).
if (wanted('plans-page')) await plansPageFigures(record)

// The 四有一化 scorecard on the demo city, PGlite and PostGIS (scripts/bench/scorecard.ts).
if (wanted('scorecard')) await scorecardFigures(record)

// The solvers' own benches print their figures as they go.
if (wanted('solvers'))
  for (const script of ['scripts/bench/joint-branches.ts', 'scripts/bench/siting.ts']) {
    process.stderr.write(`\n--- ${script}\n`)
    spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' })
  }
rmSync(dataDir, { recursive: true, force: true })

// A nation on a throw-away PostGIS each: minutes, so only on request.
if (only?.includes('tiles')) await tilesBench(record)
if (only?.includes('load')) await loadBench(record)

const cpu = cpus()[0]?.model ?? 'unknown CPU'
console.log(
  `\nMeasured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, Node ${process.version}\n`,
)
console.log('| measure | figure |\n|---|---|')
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`)
