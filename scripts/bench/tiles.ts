/**
 * Tile benches on a throw-away PostgreSQL + PostGIS loaded with a nation of `--cities=N` demo
 * cities (default 2; 50 ≈ 1,000,000 compounds): per zoom z10–z16, raw SQL time of the tile query
 * (node-postgres straight to the database) against the API's time for the same tile on a cache miss
 * (HTTP to a server process with its cache off); then cache-hit throughput with autocannon against a
 * server process (one core). Used by `npm run bench -- --only=tiles` (and `load`, see load.ts).
 * `--nation-url=postgres://…` uses a database kept between runs instead (loaded once if empty), e.g.
 * one filled by `npm run demo-city -- --cities 50 --database-url …`.
 * The server processes run with accounts required; requests carry a signed-in admin's cookie.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import autocannon from 'autocannon'
import { migrate } from '../../server/src/db/migrate.ts'
import type { Db } from '../../server/src/db/db.ts'
import { openPg } from '../../server/src/db/pg-db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { loadNation } from '../../server/src/demo/nation.ts'
import { mvtQuery } from '../../server/src/features/tiles/tiles.queries.ts'
import { runUserCommand } from '../../server/src/features/auth/user-cli.ts'
import { signInHeaders } from './serve.ts'
import {
  findPostgres,
  freePort,
  startPgServer,
  type PgServer,
} from '../../tests/helpers/pg-server.ts'
import { tileAt } from '../../tests/helpers/tiles.ts'

export type Record_ = (what: string, value: string) => void

const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)

export const flag = (name: string, fallback: number) => {
  const v = option(name)
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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux: 100 ticks a second). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

export const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

export interface Nation {
  /** The database's URL, for server processes. */
  url: string
  db: Db
  compounds: number
  /** Closes the connection; stops the server when this bench started it. */
  release(): Promise<void>
}

/**
 * A PostgreSQL + PostGIS with a loaded nation: the database of `--nation-url` (loaded with
 * `cities` cities if empty, kept afterwards), or a throw-away server loaded now.
 */
export async function nationDatabase(record: Record_, cities: number): Promise<Nation | undefined> {
  const url = option('nation-url')
  if (url) {
    const db = openPg(url)
    await migrate(db)
    const counted = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM compound`)
    const n = counted[0]!.n
    if (n === 0) return loaded(record, cities, url, db, () => db.close())
    record(
      'nation database (kept between runs, --nation-url)',
      `${n.toLocaleString('en')} compounds`,
    )
    return { url, db, compounds: n, release: () => db.close() }
  }
  const install = findPostgres()
  if ('reason' in install) return undefined
  const server: PgServer = await startPgServer(install.binDir)
  const db = openPg(server.adminUrl)
  await migrate(db)
  return loaded(record, cities, server.adminUrl, db, async () => {
    await db.close()
    await server.stop()
  })
}

async function loaded(
  record: Record_,
  cities: number,
  url: string,
  db: Db,
  release: () => Promise<void>,
): Promise<Nation> {
  const done = await loadNation(db, { cities })
  record(
    `nation load into PostGIS (${cities} cities, generate + load + ANALYZE)`,
    `${(done.ms / 1000).toFixed(0)} s, ${done.compounds.toLocaleString('en')} compounds`,
  )
  return { url, db, compounds: done.compounds, release }
}

/** The bench's admin account (created or given a new password), signed in to `base`. */
export async function signIn(db: Db, base: string) {
  const password = 'bench-password-0001'
  const io = { out: () => {}, readPassword: async () => password }
  const username = 'bench-admin'
  const added = await runUserCommand(
    db,
    ['add', username, '--role', 'admin', '--password-stdin'],
    io,
  )
  if (added !== 0) await runUserCommand(db, ['passwd', username, '--password-stdin'], io)
  const headers = await signInHeaders(base, username, password)
  return { cookie: headers.cookie, csrfToken: headers['x-csrf-token'] }
}

/**
 * A GET over one kept-alive connection with node:http: the leanest client, so that the time
 * measured is the server's and the loopback's, not a client library's. (fetch, undici, adds ~0.8 ms
 * of client work per request on this machine, more than the server's own overhead at street zooms.)
 */
export function keepAliveGet(base: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const get = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; bytes: number; headers: http.IncomingHttpHeaders }>(
      (resolve, reject) => {
        const req = http.get(base + path, { agent, headers }, (res) => {
          let bytes = 0
          res.on('data', (d: Buffer) => (bytes += d.byteLength))
          res.on('end', () => resolve({ status: res.statusCode!, bytes, headers: res.headers }))
          res.on('error', reject)
        })
        req.on('error', reject)
      },
    )
  return { get, close: () => agent.destroy() }
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
  const { db } = nation
  const miss = await startBenchServer(nation.url, 0)
  const missAuth = await signIn(db, miss.base)
  const client = keepAliveGet(miss.base)
  const headers = { 'accept-encoding': 'gzip', cookie: missAuth.cookie }
  try {
    // The fixed cost of a signed-in request that reads the versions and sends JSON (no tile).
    const floor: number[] = []
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now()
      await client.get('/api/auth/me', headers)
      floor.push(performance.now() - t0)
    }
    record(
      'signed-in GET /api/auth/me over the same connection (a request that reads the versions, no tile): p50',
      ms(pct(floor, 50)),
    )
    for (let z = 10; z <= 16; z++) {
      const tiles = await sampleTiles(db, z, 40)
      const queries = tiles.map((t) => mvtQuery('compounds', t)!)
      // Buffers warm for both sides; then each side in a loop of its own, one request right after
      // the other. (Interleaving them per tile left the server's database connection idle while
      // the raw query ran, and on this VM a process woken from idle answers ~1 ms slower: the same
      // z16 query takes 1.5 ms back to back and 2.7 ms after 20 ms idle.)
      for (const q of queries) await db.query(q)
      const raw: number[] = []
      for (const q of queries) {
        const t0 = performance.now()
        await db.query(q)
        raw.push(performance.now() - t0)
      }
      const api: number[] = []
      let bytes = 0
      let early = 0
      for (const t of tiles) {
        const t1 = performance.now()
        const res = await client.get(`/api/tiles/compounds/${t.z}/${t.x}/${t.y}.mvt`, headers)
        api.push(performance.now() - t1)
        if (res.status !== 200 && res.status !== 204) throw new Error(`tile answered ${res.status}`)
        bytes += res.bytes
        if (res.headers['x-tile-early'] === '1') early++
      }
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
      record(
        `compounds tile z${z}, PostGIS, ${tiles.length} tiles: raw SQL p50 / p95 | API miss p50 / p95 | API ÷ SQL | API − SQL per tile`,
        `${ms(pct(raw, 50))} / ${ms(pct(raw, 95))} | ${ms(pct(api, 50))} / ${ms(pct(api, 95))} | ${(sum(api) / sum(raw)).toFixed(2)} | ${ms((sum(api) - sum(raw)) / tiles.length)} (mean ${(bytes / tiles.length / 1024).toFixed(1)} KB gzipped; ${early} of ${tiles.length} rendered during the session check)`,
      )
    }
  } finally {
    client.close()
    await stopChild(miss.child)
  }

  const hot = await startBenchServer(nation.url, 256)
  try {
    const { cookie } = await signIn(db, hot.base)
    const tiles = [...(await sampleTiles(db, 14, 50)), ...(await sampleTiles(db, 12, 50))]
    const paths = tiles.map((t) => `/api/tiles/compounds/${t.z}/${t.x}/${t.y}.mvt`)
    for (const p of paths) await (await fetch(hot.base + p, { headers: { cookie } })).arrayBuffer()
    const cpu0 = cpuSeconds(hot.child.pid!)
    const result = await autocannon({
      url: hot.base,
      connections: 100,
      duration: flag('hit-seconds', 10),
      headers: { 'accept-encoding': 'gzip', cookie },
      requests: paths.map((path) => ({ method: 'GET' as const, path })),
    })
    // Per core: the tiles answered per CPU second the server process itself used. autocannon and
    // PostgreSQL share the machine's cores with it, so wall-clock tiles/s understates one core.
    const cpu = cpuSeconds(hot.child.pid!) - cpu0
    record(
      `cache hits: autocannon 100 connections, ${paths.length} warm z12/z14 tiles, one server process, signed-in cookie, loopback`,
      `${Math.round(result.requests.average).toLocaleString('en')} tiles/s wall clock; the server used ${cpu.toFixed(1)} CPU s for ${result.requests.total.toLocaleString('en')} tiles = ${Math.round(result.requests.total / cpu).toLocaleString('en')} tiles per core-second; p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
    )
  } finally {
    await stopChild(hot.child)
    await nation.release()
  }
}
