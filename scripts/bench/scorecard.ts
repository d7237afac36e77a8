/**
 * `npx tsx scripts/bench/scorecard.ts` (or `npm run bench -- --only=scorecard`): issue 6's figures on
 * the demo city (seed 20041, scale 1) on PGlite (in memory) and a throw-away PostgreSQL + PostGIS:
 * the scorecard view over the whole city, the roll-up API at city / district / community level and
 * under each weight, the compounds list (raw and gzipped size), Gi* hot spots, a snapshot, the XLSX
 * export, and what the station-distance triggers add to loading the city and to moving one station.
 * In-process requests through `app.request` (no sockets). `--only=pglite,pg`, `--runs=n` (default 7).
 * Prints a markdown table.
 */
import { cpus } from 'node:os'
import type { Db } from '../../server/src/db/db.ts'
import { migrate } from '../../server/src/db/migrate.ts'
import { openPg } from '../../server/src/db/pg-db.ts'
import { openPglite } from '../../server/src/db/pglite-db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { ledgerApp } from '../../server/src/features/ledger/test-fixtures.ts'
import { withoutJit } from '../../server/src/features/scorecard/scorecard.queries.ts'
import { findPostgres, startPgServer } from '../../tests/helpers/pg-server.ts'

type Record_ = (what: string, value: string) => void

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

/** Median and min of `runs` timings after one warm-up. */
async function timed<T>(runs: number, fn: () => Promise<T>) {
  let last = await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    last = await fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  return { last, text: `${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)})` }
}

async function figures(label: string, db: Db, record: Record_, runs: number) {
  const city = generateDemoCity({ seed: 20041, scale: 1 })
  await migrate(db)
  const t0 = performance.now()
  await loadDemoCity(db, city)
  record(
    `${label}: demo city load (${city.compounds.length} compounds, with reach triggers)`,
    `${(performance.now() - t0).toFixed(0)} ms`,
  )
  const [pairs] = await db.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM compound_station_reach`,
  )
  record(`${label}: compound-station pairs within the second ring`, String(pairs!.n))

  const view = await timed(runs, () =>
    withoutJit(db, (t) =>
      t.query(sql`SELECT count(*) FILTER (WHERE organisation_pass)::int, count(*) FILTER (WHERE station_pass)::int,
        count(*) FILTER (WHERE funding_pass)::int, count(*)::int FROM compound_scorecard WHERE is_old`),
    ),
  )
  record(`${label}: compound_scorecard view, whole city (SQL only)`, view.text)

  const app = ledgerApp(db)
  const get = async (path: string, encoding = 'identity') => {
    const res = await app.request(path, { headers: { 'accept-encoding': encoding } })
    const bytes = (await res.arrayBuffer()).byteLength
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
    return bytes
  }
  for (const weight of ['compounds', 'households', 'residents'])
    record(
      `${label}: GET /api/scorecard/rollup whole city, weight=${weight}`,
      (await timed(runs, () => get(`/api/scorecard/rollup?weight=${weight}`))).text,
    )
  const [district] = await db.query<{ id: string }>(
    sql`SELECT id FROM area WHERE level = 'district' ORDER BY id LIMIT 1`,
  )
  const [community] = await db.query<{ id: string }>(sql`
    SELECT community_id AS id FROM compound GROUP BY community_id ORDER BY count(*) DESC, community_id LIMIT 1`)
  record(
    `${label}: GET /api/scorecard/rollup district ${district!.id}`,
    (await timed(runs, () => get(`/api/scorecard/rollup?area=${district!.id}`))).text,
  )
  record(
    `${label}: GET /api/scorecard/rollup community ${community!.id}`,
    (await timed(runs, () => get(`/api/scorecard/rollup?area=${community!.id}`))).text,
  )
  const raw = await timed(runs, () => get('/api/scorecard/compounds'))
  const gz = await timed(runs, () => get('/api/scorecard/compounds', 'gzip'))
  record(
    `${label}: GET /api/scorecard/compounds whole city`,
    `${raw.text} identity, ${kb(raw.last)}; ${gz.text} gzip, ${kb(gz.last)}`,
  )
  for (const measure of ['failedIndicators', 'uncoveredHouseholds'])
    record(
      `${label}: GET /api/scorecard/hotspots whole city, ${measure}, band 1000 m`,
      (await timed(runs, () => get(`/api/scorecard/hotspots?measure=${measure}`))).text,
    )
  record(
    `${label}: GET /api/scorecard/export.xlsx whole city`,
    (await timed(runs, () => get('/api/scorecard/export.xlsx'))).text,
  )
  const snap = await timed(runs, async () => {
    const res = await app.request('/api/scorecard/snapshots', { method: 'POST' })
    if (res.status !== 201) throw new Error(`snapshot answered ${res.status}`)
    return res.arrayBuffer()
  })
  const [areas] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM area`)
  record(`${label}: POST /api/scorecard/snapshots (${areas!.n} areas)`, snap.text)
  record(
    `${label}: GET /api/scorecard/snapshots city (${runs + 1} snapshots)`,
    (await timed(runs, () => get('/api/scorecard/snapshots'))).text,
  )
  const [station] = await db.query<{ id: number }>(sql`SELECT id FROM station ORDER BY id LIMIT 1`)
  let east = 0
  const move = await timed(runs, () => {
    east = east === 0 ? 0.001 : 0
    return db.query(sql`UPDATE station SET location = ST_Translate(location, ${east === 0 ? -0.001 : 0.001}::float8, 0)
      WHERE id = ${station!.id}`)
  })
  record(`${label}: move one station (UPDATE + reach trigger)`, move.text)
  await db.close()
}

/** The scorecard figures on PGlite and (when installed) PostGIS, each recorded as it is measured. */
export async function scorecardFigures(
  record: Record_,
  { drivers = ['pglite', 'pg'], runs = 7 }: { drivers?: string[]; runs?: number } = {},
) {
  if (drivers.includes('pglite'))
    await figures('scorecard, PGlite', await openPglite(), record, runs)
  if (drivers.includes('pg')) {
    const install = findPostgres()
    if ('reason' in install) record('scorecard, PostGIS', `not measured: ${install.reason}`)
    else {
      const server = await startPgServer(install.binDir)
      try {
        await figures('scorecard, PostGIS', openPg(server.adminUrl), record, runs)
      } finally {
        await server.stop()
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const rows: [string, string][] = []
  await scorecardFigures(
    (what, value) => {
      rows.push([what, value])
      process.stderr.write(`${what}: ${value}\n`)
    },
    { drivers: (arg('only') ?? 'pglite,pg').split(','), runs: Number(arg('runs') ?? 7) },
  )
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  console.log(
    `\nMeasured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, Node ${process.version}\n`,
  )
  console.log('| measure | figure |\n|---|---|')
  for (const [what, value] of rows) console.log(`| ${what} | ${value} |`)
}
