// Analyses run off the request path: a tile asked for after a whole-city analysis began is answered
// before that analysis ends. An ordering, not a timing.
//
// On PGlite (one connection, statements in arrival order) the tile's query waits for the analysis
// statement running when it arrives, then runs while the solver works in its thread: the analysis's
// later statements queue behind it. The test fails if the solver ran on the event loop (nothing else
// is answered meanwhile) or if the analysis held the connection throughout.
//
// On PostgreSQL the tile's query has a pooled connection of its own, so how its answer interleaves with
// the analysis's statements depends on how long the solver takes: a race. There the analysis's
// statements sent after the tile was asked for are held until the tile is answered (at most 30 s). A
// tile that waits on the analysis (a pool the analysis monopolises) is then answered only after the
// hold lapses and the analysis ends, and the test fails. That the solver leaves the event loop free is
// shown without a race by lib/worker-task.test.ts.
import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { sql } from '../../server/src/db/sql.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { decode, tileAt } from '../helpers/tiles.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

/**
 * The database, with a promise that resolves when the next statement is sent after `arm()`, and a
 * note in `order` of every statement other than a tile's sent while armed.
 */
function watched(db: Db) {
  let fire: (() => void) | undefined
  let order: string[] | undefined
  let held: Promise<unknown> | undefined
  const wrapped: Db = {
    ...db,
    query: async (q) => {
      fire?.()
      fire = undefined
      const tile = q.text.includes('ST_TileEnvelope')
      if (order && !tile) order.push('statement')
      if (held && !tile) await held
      return db.query(q)
    },
  }
  const arm = (log: string[]) => {
    order = log
    return new Promise<void>((resolve) => (fire = resolve))
  }
  /** Holds statements other than a tile's until `until` settles or 30 s pass. */
  const hold = (until: Promise<unknown>) => {
    held = Promise.race([until, new Promise((r) => setTimeout(r, 30_000).unref())]).finally(() => {
      held = undefined
    })
  }
  return { db: wrapped, arm, hold }
}

describeEachDb('analyses leave tiles answered', (getDb) => {
  let app: ReturnType<typeof createApp>
  let arm: (log: string[]) => Promise<void>
  let hold: (until: Promise<unknown>) => void
  let city: string
  let tiles: { z: number; x: number; y: number }[]

  beforeAll(async () => {
    const demo = generateDemoCity({ seed: 7, scale: 0.05 })
    await loadDemoCity(getDb(), demo)
    city = demo.areas.find((a) => a.level === 'city')!.id
    const w = watched(getDb())
    arm = w.arm
    hold = w.hold
    app = createApp({ db: w.db, env, log: memoryLogger() })
    // Distinct z15 tiles around compounds spread through the city: each is asked for once (a miss).
    const points = await getDb().query<{ lon: number; lat: number }>(sql`
      SELECT ST_X(location)::float8 AS lon, ST_Y(location)::float8 AS lat FROM compound
      WHERE id % 50 = 0 ORDER BY id`)
    const seen = new Set<string>()
    tiles = points
      .map((p) => tileAt(p.lon, p.lat, 15))
      .filter((t) => !seen.has(`${t.x}/${t.y}`) && seen.add(`${t.x}/${t.y}`))
    expect(tiles.length).toBeGreaterThanOrEqual(3)
    // A server that has answered a tile before (its data-version reader is started).
    const warm = tiles[tiles.length - 1]!
    expect((await app.request(`/api/tiles/compounds/${warm.z}/${warm.x}/${warm.y}.mvt`)).ok).toBe(
      true,
    )
  }, 300_000)

  const post = async (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  /** Starts `analysis`, waits until it sends its first statement, then asks for a tile. */
  async function tileDuring(analysis: () => Promise<Response>, t: (typeof tiles)[number]) {
    const order: string[] = []
    const began = arm(order)
    const done = analysis().then(async (res) => {
      order.push('analysis')
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    })
    await began
    const path = `/api/tiles/compounds/${t.z}/${t.x}/${t.y}.mvt`
    const tile = Promise.resolve(app.request(path)).then(async (res) => {
      order.push('tile')
      return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
    })
    if (getDb().driver !== 'pglite') hold(tile)
    const [answer, served] = await Promise.all([done, tile])
    return { order, answer, served }
  }

  it('answers a tile asked for during a whole-city joint-branch analysis before the analysis ends', async () => {
    const { order, answer, served } = await tileDuring(
      () => post('/api/analysis/joint-branches', { area: city }),
      tiles[0]!,
    )
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200)
    expect((answer.body.candidates as unknown[]).length).toBeGreaterThan(0)
    expect(served.res.status).toBe(200)
    expect(served.res.headers.get('x-tile-cache')).toBe('miss')
    expect(decode(served.bytes).compounds!.length).toBeGreaterThan(0)
    // Answered before the analysis sent its last statement (the outlines, sent as soon as the
    // solver returns): the tile did not wait for the solver, even had the event loop been free
    // again by the time the outlines were drawn.
    if (getDb().driver === 'pglite') {
      expect(order.lastIndexOf('statement')).toBeGreaterThan(order.indexOf('tile'))
    }
    expect(order.filter((e) => e !== 'statement')).toEqual(['tile', 'analysis'])
  })

  it('answers a tile asked for during a whole-city station siting before the siting ends', async () => {
    const { order, answer, served } = await tileDuring(
      () =>
        post('/api/analysis/siting', {
          area: city,
          model: 'max-cover',
          k: 10,
          oldOnly: false,
          method: 'exact',
        }),
      tiles[1]!,
    )
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200)
    expect((answer.body.chosen as unknown[]).length).toBe(10)
    expect(served.res.status).toBe(200)
    expect(served.res.headers.get('x-tile-cache')).toBe('miss')
    expect(order.filter((e) => e !== 'statement')).toEqual(['tile', 'analysis'])
  })
})
