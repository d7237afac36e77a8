/**
 * `npx tsx scripts/bench/ledger-import.ts`: issue 3's import figures. The demo city (seed 20041,
 * scale 1, ~20,000 compounds) is exported as GeoJSON and as XLSX through the API, then imported into
 * a database holding only its areas: dry run, commit, and a second dry run of the same file (nothing
 * to do), on PGlite (on disk, as `npm start` runs it) and on a throw-away PostgreSQL + PostGIS.
 * Peak memory is the process RSS sampled every 50 ms; while a commit runs, GET /api/health and GET
 * /api/ledger/imports/{id} are asked every 250 ms and their slowest answer reported.
 * `--only=pglite,pg` and `--formats=geojson,xlsx` narrow the run. Prints a markdown table.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../server/src/db/db.ts'
import { migrate } from '../../server/src/db/migrate.ts'
import { openPg } from '../../server/src/db/pg-db.ts'
import { openPglite } from '../../server/src/db/pglite-db.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import type { DemoCity } from '../../server/src/demo/types.ts'
import { ledgerApp, upload } from '../../server/src/features/ledger/test-fixtures.ts'
import {
  createDatabaseFrom,
  createTemplate,
  dropDatabase,
} from '../../tests/helpers/pg-databases.ts'
import { findPostgres, startPgServer } from '../../tests/helpers/pg-server.ts'

const arg = (name: string) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(',')
const drivers = arg('only') ?? ['pglite', 'pg']
const formats = (arg('formats') ?? ['geojson', 'xlsx']) as ('geojson' | 'xlsx')[]

const rows: [string, string][] = []
const record = (what: string, value: string) => {
  rows.push([what, value])
  process.stderr.write(`${what}: ${value}\n`)
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** Runs fn while sampling RSS; returns its result, the time taken (ms), RSS before and at peak (bytes). */
async function measured<T>(fn: () => Promise<T>) {
  const start = process.memoryUsage().rss
  let peak = start
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 50)
  const t0 = performance.now()
  try {
    const result = await fn()
    const ms = performance.now() - t0
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, ms, peak, text: `${s(ms)}, peak RSS ${mb(peak)} (${mb(start)} before)` }
  } finally {
    clearInterval(timer)
  }
}

/** Asks `path` every 250 ms until stopped; returns the slowest answer (ms) and how many there were. */
function probe(app: ReturnType<typeof ledgerApp>, path: string) {
  let slowest = 0
  let answered = 0
  let running = true
  const loop = (async () => {
    while (running) {
      const t0 = performance.now()
      await (await app.request(path)).arrayBuffer()
      slowest = Math.max(slowest, performance.now() - t0)
      answered++
      await new Promise((r) => setTimeout(r, 250))
    }
  })()
  return async () => {
    running = false
    await loop
    return { slowest, answered }
  }
}

const areasOnly = (city: DemoCity): DemoCity => ({
  ...city,
  compounds: [],
  orgs: [],
  stations: [],
  funding: [],
})

async function importInto(
  label: string,
  db: Db,
  file: { name: string; data: Uint8Array },
  expected: number,
) {
  const app = ledgerApp(db, 1000)
  const dry = await measured(() => upload(app, [file], { crs: 'WGS84' }, 'bench'))
  const body = dry.result.body
  if (dry.result.status !== 201 || body.counts.new !== expected)
    throw new Error(
      `${label}: unexpected dry run ${dry.result.status} ${JSON.stringify(body.counts ?? body)}`,
    )
  record(`${label}: dry run (${expected} new)`, dry.text)
  const health = probe(app, '/api/health')
  const progress = probe(app, `/api/ledger/imports/${body.id}`)
  const commit = await measured(async () =>
    app.request(`/api/ledger/imports/${body.id}/commit`, { method: 'POST' }),
  )
  const [h, p] = [await health(), await progress()]
  if (commit.result.status !== 200)
    throw new Error(`${label}: commit ${commit.result.status} ${await commit.result.text()}`)
  record(`${label}: commit`, commit.text)
  record(
    `${label}: slowest answer during the commit`,
    `GET /api/health ${Math.round(h.slowest)} ms (${h.answered} asked); GET progress ${Math.round(p.slowest)} ms (${p.answered} asked)`,
  )
  const again = await measured(() => upload(app, [file], { crs: 'WGS84' }, 'bench'))
  const c = again.result.body.counts
  if (c.new !== 0 || c.changed !== 0)
    throw new Error(`${label}: re-import not empty ${JSON.stringify(c)}`)
  record(`${label}: dry run again (${c.unchanged} unchanged)`, again.text)
}

const t0 = performance.now()
const city = generateDemoCity({ seed: 20041, scale: 1 })
record('demo city generated', `${city.compounds.length} compounds in ${s(performance.now() - t0)}`)

// The files to import: exported by the API from a PGlite holding the whole city.
const files: Record<string, { name: string; data: Uint8Array }> = {}
{
  const source = await openPglite()
  await migrate(source)
  await loadDemoCity(source, city)
  const app = ledgerApp(source)
  for (const format of formats) {
    const e = await measured(async () => {
      const res = await app.request(`/api/ledger/export?format=${format}`)
      return new Uint8Array(await res.arrayBuffer())
    })
    files[format] = { name: `demo-city.${format}`, data: e.result }
    record(`export ${format} (PGlite), ${mb(e.result.length)}`, e.text)
  }
  await source.close()
}

const scratch = mkdtempSync(join(tmpdir(), 'yuanluo-bench-ledger-'))
try {
  if (drivers.includes('pglite'))
    for (const format of formats) {
      const db = await openPglite(join(scratch, format))
      await migrate(db)
      await loadDemoCity(db, areasOnly(city))
      await importInto(`PGlite ${format}`, db, files[format]!, city.compounds.length)
      await db.close()
    }
  if (drivers.includes('pg')) {
    const install = findPostgres()
    if ('reason' in install) record('PostgreSQL', `not run: ${install.reason}`)
    else {
      const server = await startPgServer(install.binDir)
      try {
        await createTemplate(server.adminUrl, 'bench_template')
        for (const format of formats) {
          const name = `bench_${format}`
          const db = openPg(await createDatabaseFrom(server.adminUrl, 'bench_template', name))
          await loadDemoCity(db, areasOnly(city))
          await db.exec('ANALYZE')
          await importInto(`PostGIS ${format}`, db, files[format]!, city.compounds.length)
          await db.close()
          await dropDatabase(server.adminUrl, name)
        }
      } finally {
        await server.stop()
      }
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

console.log('| measure | figure |\n|---|---|')
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`)
