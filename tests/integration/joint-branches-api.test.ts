import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import {
  insertArea,
  insertAreaChain,
  insertCompound,
  insertOrg,
  offsetM,
  squareRing,
  type AreaChain,
  type LngLat,
} from '../helpers/fixtures.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }
const ORIGIN: LngLat = [104.06, 30.65]
const SIDE_M = 80
const STREET_M = 10 // gap between neighbours in the row, under the 30 m tolerance

/**
 * Community 1: a row of six one-member compounds 10 m apart (R1..R6) → exactly two groups of three;
 * I, one member, 300 m away from everything → leftover "isolated"; S with 4 members → should build
 * alone; J1, J2 already in a live joint branch → not units at all; N, one member, new (2012) → out
 * of scope with oldOnly. Community 2: X, one member, 10 m east of R6 but in another community.
 */
async function loadRow(db: Parameters<typeof insertCompound>[0]) {
  const chain = await insertAreaChain(db)
  await insertArea(db, {
    id: '510104001002',
    level: 'community',
    parentId: chain.street,
    name: '二号社区',
  })
  const at = (i: number, northM = 0) =>
    squareRing(offsetM(ORIGIN, i * (SIDE_M + STREET_M), northM), SIDE_M)
  const ids: Record<string, number> = {}
  for (let i = 0; i < 6; i++)
    ids[`R${i + 1}`] = await insertCompound(db, {
      communityId: chain.community,
      ring: at(i),
      membersFull: 1,
      code: `R${i + 1}`,
    })
  ids.I = await insertCompound(db, {
    communityId: chain.community,
    ring: at(0, 400),
    membersFull: 1,
    code: 'I',
  })
  ids.S = await insertCompound(db, {
    communityId: chain.community,
    ring: at(0, -400),
    membersFull: 4,
    code: 'S',
  })
  ids.J1 = await insertCompound(db, {
    communityId: chain.community,
    ring: at(3, -400),
    membersFull: 1,
    code: 'J1',
  })
  ids.J2 = await insertCompound(db, {
    communityId: chain.community,
    ring: at(4, -400),
    membersFull: 2,
    code: 'J2',
  })
  await insertOrg(db, {
    kind: 'joint',
    communityId: chain.community,
    compoundIds: [ids.J1!, ids.J2!],
  })
  ids.N = await insertCompound(db, {
    communityId: chain.community,
    ring: at(3, 400),
    membersFull: 1,
    yearBuilt: 2012,
    code: 'N',
  })
  ids.X = await insertCompound(db, {
    communityId: '510104001002',
    ring: at(6),
    membersFull: 1,
    code: 'X',
  })
  return { chain, ids }
}

describeEachDb('POST /api/analysis/joint-branches', (getDb) => {
  let chain: AreaChain
  let ids: Record<string, number>
  const post = async (body: unknown) => {
    const app = createApp({ db: getDb(), env, log: memoryLogger() })
    const res = await app.request('/api/analysis/joint-branches', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    return { status: res.status, body: await res.json() }
  }

  beforeAll(async () => {
    ;({ chain, ids } = await loadRow(getDb()))
  })

  it('groups the row of six into two contiguous groups of three and reports the rest', async () => {
    const { status, body } = await post({ area: chain.street })
    expect(status).toBe(200)
    const groups = body.candidates.map((c: { compoundIds: number[] }) => c.compoundIds)
    expect(groups).toEqual([
      [ids.R1, ids.R2, ids.R3],
      [ids.R4, ids.R5, ids.R6],
    ])
    expect(body.candidates[0]).toMatchObject({
      members: 3,
      households: 300,
      communityIds: [chain.community],
    })
    expect(body.candidates[0].outline.type).toBe('MultiPolygon')
    expect(body.leftovers).toEqual([
      expect.objectContaining({ compoundId: ids.I, reason: 'isolated' }),
      // X touches R6, but across the community line: alone in its community it cannot reach 3.
      expect.objectContaining({ compoundId: ids.X, reason: 'community_too_small' }),
    ])
    expect(body.shouldBuildAlone).toEqual([ids.S])
    expect(body.bound).toMatchObject({ maxCoveredUnits: 6, maxGroups: 2 })
    expect(body.stats).toMatchObject({ units: 8, coveredUnits: 6, groups: 2 })
  })

  it('measures the radius in metres from the group centre', async () => {
    const { body } = await post({ area: chain.street })
    // Three 80 m squares 90 m apart centre to centre: the outer ones are 90 m from the middle one.
    expect(body.candidates[0].radiusM).toBeGreaterThan(89)
    expect(body.candidates[0].radiusM).toBeLessThan(91)
  })

  it('lets the neighbour across the community line join when the community rule is off', async () => {
    const { body } = await post({ area: chain.street, sameCommunity: false })
    const covered = body.candidates.flatMap((c: { compoundIds: number[] }) => c.compoundIds)
    expect(covered).toContain(ids.X)
    expect(body.stats.coveredUnits).toBe(7)
  })

  it('includes new compounds only when asked', async () => {
    const { body } = await post({ area: chain.street, oldOnly: false })
    expect(body.stats.units).toBe(9)
    expect(body.leftovers.map((l: { compoundId: number }) => l.compoundId)).toContain(ids.N)
  })

  it('finds no neighbours when the street gap tolerance is below the 10 m streets', async () => {
    const { body } = await post({ area: chain.street, gapM: 5 })
    expect(body.candidates).toEqual([])
    expect(body.leftovers.every((l: { reason: string }) => l.reason === 'isolated')).toBe(true)
  })

  it('answers 400 naming the bad parameter', async () => {
    const { status, body } = await post({ area: chain.street, maxCompounds: 0 })
    expect(status).toBe(400)
    expect(body.error.details.issues[0].field).toBe('maxCompounds')
  })

  it('answers 400 for a body that is not JSON and 404 for an unknown area', async () => {
    expect((await post('{oops')).status).toBe(400)
    const unknown = await post({ area: '510199' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.message).toBe('area 510199 not found')
  })
})
