// GET /api/health: the database answers on every call, the counts are computed once per data
// version (so a load balancer polling it costs two tiny queries) and a write shows on the next call.
import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { healthCounts } from '../../server/src/features/health/health.queries.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { loadTinyCity, TINY } from '../fixtures/tiny-city.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import {
  dissolveOrg,
  insertArea,
  insertCompound,
  insertStation,
  squareRing,
} from '../helpers/fixtures.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

interface Health {
  status: string
  driver: string
  postgis: string
  counts: Record<string, number>
}

describeEachDb('GET /api/health: counts once per data version', (getDb) => {
  /** Statements the app sends through the pool (the data version has its own path). */
  const sent: string[] = []
  let app: ReturnType<typeof createApp>
  let counted: Db
  const health = async () => {
    const res = await app.request('/api/health')
    expect(res.status).toBe(200)
    return (await res.json()) as Health
  }

  beforeAll(async () => {
    await loadTinyCity(getDb())
    const db = getDb()
    counted = {
      ...db,
      query: (q) => {
        sent.push(JSON.stringify(q))
        return db.query(q)
      },
    }
    app = createApp({ db: counted, env, log: memoryLogger() })
  })

  it('asks the database on every call but counts only when the data changed', async () => {
    const first = await health()
    expect(first).toMatchObject({ status: 'ok', driver: getDb().driver })
    expect(first.postgis).toMatch(/^3\./)
    expect(first.counts).toEqual({
      areas: 5,
      compounds: 8,
      oldCompounds: 7,
      organisations: 3,
      stations: 1,
    })
    for (let i = 0; i < 3; i++) {
      sent.length = 0
      expect(await health()).toEqual(first)
      // The proof of life: at least one statement per call, none of them a count.
      expect(sent.length).toBeGreaterThan(0)
      expect(sent.join('\n')).not.toMatch(/count\(/)
    }
  })

  it('shows writes made through another path on the very next call', async () => {
    const db = getDb()
    const before = (await health()).counts
    const computed = healthCounts(counted).computations
    await Promise.all([health(), health(), health()])
    expect(healthCounts(counted).computations).toBe(computed)

    await insertCompound(db, {
      communityId: TINY.community1,
      ring: squareRing([104.005, 30.005], 20),
      yearBuilt: 1990,
    })
    expect((await health()).counts).toEqual({
      ...before,
      compounds: before.compounds! + 1,
      oldCompounds: before.oldCompounds! + 1,
    })
    await insertStation(db, { location: [104.005, 30.005] })
    const [org] = await db.query<{ id: number }>(
      sql`SELECT id FROM party_org WHERE status = 'active' ORDER BY id LIMIT 1`,
    )
    await dissolveOrg(db, org!.id)
    expect((await health()).counts).toEqual({
      ...before,
      compounds: before.compounds! + 1,
      oldCompounds: before.oldCompounds! + 1,
      stations: before.stations! + 1,
      organisations: before.organisations! - 1,
    })
    await insertArea(db, { id: '510104001009', level: 'community', parentId: TINY.street })
    expect((await health()).counts.areas).toBe(before.areas! + 1)
    // One computation per version read after a write, none for the calls in between.
    expect(healthCounts(counted).computations).toBe(computed + 3)
  })
})
