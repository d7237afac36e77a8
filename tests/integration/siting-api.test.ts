import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import {
  insertArea,
  insertAreaChain,
  insertCompound,
  insertStation,
  offsetM,
  type AreaChain,
  type LngLat,
} from '../helpers/fixtures.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }
const ORIGIN: LngLat = [104.06, 30.65]

/**
 * Old compounds as points along one east-west line (metres east of ORIGIN, households):
 *   W1 0 m 100, W2 100 m 100, W3 200 m 100  |  E1 1000 m 300, E2 1100 m 350  |  F 3000 m 50
 * An existing station stands at F. With a 300 m walk and no detour, one new station at E1 or E2
 * covers the east pair (650 households); a second one at any of W1..W3 covers the west three (300).
 */
const PLACES: [string, number, number][] = [
  ['W1', 0, 100],
  ['W2', 100, 100],
  ['W3', 200, 100],
  ['E1', 1000, 300],
  ['E2', 1100, 350],
  ['F', 3000, 50],
]
const TOTAL = 1000

describeEachDb('POST /api/analysis/siting', (getDb) => {
  let chain: AreaChain
  const ids: Record<string, number> = {}
  const post = async (body: Record<string, unknown>) => {
    const app = createApp({ db: getDb(), env, log: memoryLogger() })
    const res = await app.request('/api/analysis/siting', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ area: chain.community, serviceM: 300, detourFactor: 1, ...body }),
    })
    return { status: res.status, body: await res.json() }
  }

  beforeAll(async () => {
    const db = getDb()
    chain = await insertAreaChain(db)
    await insertArea(db, {
      id: '510104001009',
      level: 'community',
      parentId: chain.street,
      name: '空社区',
    })
    for (const [code, eastM, households] of PLACES)
      ids[code] = await insertCompound(db, {
        communityId: chain.community,
        location: offsetM(ORIGIN, eastM, 0),
        households,
        code,
      })
    await insertStation(db, { location: offsetM(ORIGIN, 3000, 0), compoundId: ids.F })
  })

  it('places one station where it covers the most households', async () => {
    const { status, body } = await post({ model: 'max-cover', k: 1 })
    expect(status).toBe(200)
    expect(body.chosen).toHaveLength(1)
    expect([ids.E1, ids.E2]).toContain(body.chosen[0].compoundId)
    expect(body.chosen[0].catchment.compoundIds.sort()).toEqual([ids.E1, ids.E2].sort())
    expect(body.before).toMatchObject({ count: 1, weight: 50 })
    expect(body.after).toMatchObject({ count: 3, weight: 700 })
    expect(body.after.share).toBeCloseTo(700 / TOTAL, 10)
    expect(body.gap).toBe(0)
    expect(body.coveredBefore).toEqual([ids.F])
  })

  it('adds the west cluster with a second station inside it', async () => {
    const { body } = await post({ model: 'max-cover', k: 2, method: 'heuristic' })
    expect(body.after).toMatchObject({ count: 6, weight: TOTAL })
    const chosen: number[] = body.chosen.map((c: { compoundId: number }) => c.compoundId)
    expect(chosen.filter((id) => [ids.W1, ids.W2, ids.W3].includes(id))).toHaveLength(1)
    expect(chosen.filter((id) => [ids.E1, ids.E2].includes(id))).toHaveLength(1)
    expect(body.uncovered).toEqual([])
  })

  it('finds the fewest stations for a coverage target, counting the existing one', async () => {
    const { body } = await post({ model: 'set-cover', targetShare: 0.7 })
    expect(body.chosen).toHaveLength(1)
    expect(body.after.share).toBeGreaterThanOrEqual(0.7)
  })

  it('counts the elderly as weight when asked (none recorded here: zero weight is refused)', async () => {
    const { status, body } = await post({ model: 'max-cover', k: 1, weight: 'elderly' })
    expect(status).toBe(400)
    expect(body.error.message).toMatch(/weight/)
  })

  it.each([
    [{ model: 'max-cover', k: 7 }, 'k'],
    [{ model: 'max-cover' }, 'k'],
    [{ model: 'set-cover' }, 'targetShare'],
    [{ model: 'max-cover', k: 1, candidates: 'points' }, 'points'],
    [{ model: 'max-cover', k: 1, area: '510104001009' }, 'no demand'],
  ])('answers 400 naming the problem for %j', async (body, words) => {
    const { status, body: res } = await post(body)
    expect(status).toBe(400)
    expect(res.error.code).toBe('BAD_REQUEST')
    expect(res.error.message).toContain(words)
  })
})
