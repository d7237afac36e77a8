/**
 * Tile benches on a throw-away PostgreSQL + PostGIS loaded with a nation of `--cities=N` demo
 * cities (default 2; 50 ≈ 1,000,000 compounds): per zoom z10–z16, raw SQL time of the tile query
 * (node-postgres straight to the database) against the API's time for the same tile on a cache miss
 * (HTTP to a server process with its cache off); then cache-hit throughput with autocannon against a
 * server process (one core). Used by `npm run bench -- --only=tiles` (and `load`, see load.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import autocannon from 'autocannon'
import { migrate } from '../../server/src/db/migrate.ts'
import type { Db } from '../../server/src/db/db.ts'
import { openPg } from '../../server/src/db/pg-db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { loadNation } from '../../server/src/demo/nation.ts'
import { mvtQuery } from '../../server/src/features/tiles/tiles.queries.ts'
import {
  findPostgres,
  freePort,
  startPgServer,
  type PgServer,
} from '../../tests/helpers/pg-server.ts'
import { tileAt } from '../../tests/helpers/tiles.ts'

export type Record_ = (what: string, value: string) => void

export const flag = (name: string, fallback: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  return v === undefined ? fallback : Number(v)
}

const pct = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}
const ms = (x: number) => `${x.toFixed(1)} ms`

/** A server process on `url` (cacheMb 0 = no tile cache); resolves when it listens. */
export async function startBenchServer(url: string, cacheMb: number) {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench/tile-server.ts', url, String(port), String(cacheMb)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve())
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  return { child, base: `http://127.0.0.1:${port}` }
}

export const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/** A PostgreSQL + PostGIS with a loaded nation; the caller stops it. */
export async function nationDatabase(record: Record_, cities: number) {
  const install = findPostgres()
  if ('reason' in install) return undefined
  const server: PgServer = await startPgServer(install.binDir)
  const db = openPg(server.adminUrl)
  await migrate(db)
  const done = await loadNation(db, { cities })
  record(
    `nation load into PostGIS (${cities} cities, generate + load + ANALYZE)`,
    `${(done.ms / 1000).toFixed(0)} s, ${done.compounds.toLocaleString('en')} compounds`,
  )
  return { server, db, compounds: done.compounds }
}

/** Tiles at zoom z around `n` compounds picked evenly through the table. */
export async function sampleTiles(db: Db, z: number, n: number) {
  const rows = await db.query<{ lon: number; lat: number }>(sql`
    SELECT ST_X(location)::float8 AS lon, ST_Y(location)::float8 AS lat FROM compound
    WHERE id % (SELECT greatest(1, (max(id) / ${n})::int) FROM compound) = 0 LIMIT ${n}`)
  const seen = new Set<string>()
  return rows
    .map((r) => tileAt(r.lon, r.lat, z))
    .filter((t) => !seen.has(`${t.x}/${t.y}`) && seen.add(`${t.x}/${t.y}`))
}

export async function tilesBench(record: Record_) {
  const cities = flag('cities', 2)
  const nation = await nationDatabase(record, cities)
  if (!nation) return record('tile figures', 'not measured: no PostgreSQL + PostGIS')
  const { server, db } = nation
  const miss = await startBenchServer(server.adminUrl, 0)
  try {
    for (let z = 10; z <= 16; z++) {
      const tiles = await sampleTiles(db, z, 40)
      const raw: number[] = []
      const api: number[] = []
      let bytes = 0
      for (const t of tiles) {
        const q = mvtQuery('compounds', t)!
        await db.query(q) // warm the buffers for both measurements
        const t0 = performance.now()
        await db.query(q)
        raw.push(performance.now() - t0)
        const t1 = performance.now()
        const res = await fetch(`${miss.base}/api/tiles/compounds/${t.z}/${t.x}/${t.y}.mvt`, {
          headers: { 'accept-encoding': 'gzip' },
        })
        bytes += (await res.arrayBuffer()).byteLength
        api.push(performance.now() - t1)
      }
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
      record(
        `compounds tile z${z}, PostGIS, ${tiles.length} tiles: raw SQL p50 / p95 | API miss p50 / p95 | API ÷ SQL`,
        `${ms(pct(raw, 50))} / ${ms(pct(raw, 95))} | ${ms(pct(api, 50))} / ${ms(pct(api, 95))} | ${(sum(api) / sum(raw)).toFixed(2)} (mean ${(bytes / tiles.length / 1024).toFixed(1)} KB gzipped)`,
      )
    }
  } finally {
    await stopChild(miss.child)
  }

  const hot = await startBenchServer(server.adminUrl, 256)
  try {
    const tiles = [...(await sampleTiles(db, 14, 50)), ...(await sampleTiles(db, 12, 50))]
    const paths = tiles.map((t) => `/api/tiles/compounds/${t.z}/${t.x}/${t.y}.mvt`)
    for (const p of paths) await (await fetch(hot.base + p)).arrayBuffer()
    const result = await autocannon({
      url: hot.base,
      connections: 100,
      duration: flag('hit-seconds', 10),
      headers: { 'accept-encoding': 'gzip' },
      requests: paths.map((path) => ({ method: 'GET' as const, path })),
    })
    record(
      `cache hits: autocannon 100 connections, ${paths.length} warm z12/z14 tiles, one server process (one core), loopback`,
      `${Math.round(result.requests.average).toLocaleString('en')} tiles/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
    )
  } finally {
    await stopChild(hot.child)
    await db.close()
    await server.stop()
  }
}
