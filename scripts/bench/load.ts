/**
 * Mixed load against one server process on the nation database: 100 connections of autocannon
 * cycling tiles (z12–z16 over many places, so misses and hits), compound records and area stats,
 * while this process runs one joint-branch analysis after another. `--load-seconds=N` (default 30)
 * split into windows of `--window=S` seconds (default 10): p95 and the server's memory per window.
 */
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { sql } from '../../server/src/db/sql.ts'
import {
  flag,
  nationDatabase,
  sampleTiles,
  signIn,
  startBenchServer,
  stopChild,
  type Record_,
} from './tiles.ts'

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : NaN
}

export async function loadBench(record: Record_) {
  const nation = await nationDatabase(record, flag('cities', 2))
  if (!nation) return record('mixed load', 'not measured: no PostgreSQL + PostGIS')
  const { db } = nation
  const app = await startBenchServer(nation.url, 64)
  try {
    const { cookie, csrfToken } = await signIn(db, app.base)
    const tiles = (
      await Promise.all([12, 13, 14, 15, 16].map((z) => sampleTiles(db, z, 400)))
    ).flat()
    const ids = await db.query<{ id: number }>(
      sql`SELECT id FROM compound ORDER BY random() LIMIT 500`,
    )
    const districts = await db.query<{ id: string }>(
      sql`SELECT id FROM area WHERE level = 'district' ORDER BY id LIMIT 40`,
    )
    const requests = [
      ...tiles.map((t) => ({
        method: 'GET' as const,
        path: `/api/tiles/compounds/${t.z}/${t.x}/${t.y}.mvt`,
      })),
      ...tiles.slice(0, 300).map((t) => ({
        method: 'GET' as const,
        path: `/api/tiles/areas/${t.z}/${t.x}/${t.y}.mvt`,
      })),
      ...ids.map(({ id }) => ({ method: 'GET' as const, path: `/api/compounds/${id}` })),
      ...districts.map(({ id }) => ({ method: 'GET' as const, path: `/api/stats?area=${id}` })),
    ].sort(() => Math.random() - 0.5)

    let running = true
    let analyses = 0
    let analysisErrors = 0
    let analysisResets = 0
    const analyse = (area: string) =>
      fetch(`${app.base}/api/analysis/joint-branches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ area }),
      })
    const analysisLoop = (async () => {
      for (let i = 0; running; i++) {
        const area = districts[i % districts.length]!.id
        let res: Response
        try {
          res = await analyse(area)
        } catch {
          // A keep-alive connection the server closed as the request went out (undici reports
          // "other side closed" before any answer): counted, and sent again on a new connection.
          analysisResets++
          res = await analyse(area)
        }
        await res.arrayBuffer()
        if (res.ok) analyses++
        else analysisErrors++
      }
    })()

    const total = flag('load-seconds', 30)
    const window = Math.min(total, flag('window', 10))
    const rss0 = rssMb(app.child.pid!)
    // Memory after the first window, when the tile cache (64 MB here), the session cache and the
    // JIT have warmed up: growth is judged from there, not from an idle process.
    let rssWarm = NaN
    const windows: string[] = []
    const failed = { errors: 0, timeouts: 0, non2xx: 0 }
    let requestsDone = 0
    for (let t = 0; t < total; t += window) {
      const r = await autocannon({
        url: app.base,
        connections: 100,
        duration: window,
        headers: { 'accept-encoding': 'gzip', cookie },
        requests,
      })
      failed.errors += r.errors - r.timeouts
      failed.timeouts += r.timeouts
      failed.non2xx += r.non2xx
      requestsDone += r.requests.total
      if (t === 0) rssWarm = rssMb(app.child.pid!)
      windows.push(
        `${t + window}s: p97.5 ${r.latency.p97_5} ms, p50 ${r.latency.p50} ms, ${Math.round(r.requests.average)} req/s, RSS ${rssMb(app.child.pid!).toFixed(0)} MB`,
      )
    }
    running = false
    await analysisLoop
    const rss1 = rssMb(app.child.pid!)
    record(
      `mixed load ${total} s, 100 connections (tiles z12–16, compound records, district stats) + joint-branch analyses one at a time`,
      `${requestsDone.toLocaleString('en')} requests, errors ${failed.errors} + timeouts (10 s) ${failed.timeouts} + non-2xx ${failed.non2xx}; ${analyses} analyses (${analysisErrors} failed, ${analysisResets} resent after a closed keep-alive connection); memory idle ${rss0.toFixed(0)} MB, after the first window ${rssWarm.toFixed(0)} MB, at the end ${rss1.toFixed(0)} MB (${(((rss1 - rssWarm) / rssWarm) * 100).toFixed(1)}% after warm-up); ${windows.join('; ')}`,
    )
  } finally {
    await stopChild(app.child)
    await nation.release()
  }
}
