import { describe, expect, it } from 'vitest'
import {
  adjacencyFromPairs,
  CHECK_IDS,
  checkBranch,
  countPieces,
  metresPerDegree,
  type CheckId,
  type CompoundFacts,
  type RuleSettings,
} from './branch-rules.ts'

const RULES: RuleSettings = {
  minMembers: 3,
  maxCompounds: 5,
  maxMembers: 50,
  gapM: 30,
  radiusM: 500,
}
const LAT = 30.65

/** Compounds in a row along one parallel, `stepDeg` of longitude apart, all in community c1. */
function row(members: number[], stepDeg = 0.001, community: number | string = 1) {
  const facts = new Map<number, CompoundFacts>()
  members.forEach((m, i) =>
    facts.set(i + 1, {
      id: i + 1,
      members: m,
      communityId: community,
      lng: 104 + i * stepDeg,
      lat: LAT,
    }),
  )
  return facts
}

/** A path 1-2-3-…-n. */
function chain(n: number) {
  return adjacencyFromPairs(
    Array.from({ length: n - 1 }, (_, i) => [i + 1, i + 2] as [number, number]),
  )
}

function check(
  ids: number[],
  facts: Map<number, CompoundFacts>,
  adj = chain(facts.size),
  rules = RULES,
) {
  const out = checkBranch(ids, facts, adj, rules)
  return Object.fromEntries(out.map((c) => [c.id, c])) as Record<CheckId, (typeof out)[number]>
}

describe('checkBranch', () => {
  it('returns every check in order, the first three hard', () => {
    const out = checkBranch([1, 2], row([1, 2]), chain(2), RULES)
    expect(out.map((c) => c.id)).toEqual(CHECK_IDS)
    expect(out.map((c) => c.hard)).toEqual([true, true, true, false, false, false])
  })

  it('passes a branch of exactly the floor of members and fails one member below', () => {
    expect(check([1, 2], row([1, 2])).members_min).toEqual({
      id: 'members_min',
      pass: true,
      value: 3,
      limit: 3,
      hard: true,
    })
    expect(check([1, 2], row([1, 1])).members_min).toMatchObject({
      pass: false,
      value: 2,
      limit: 3,
    })
  })

  it('counts a compound listed twice once', () => {
    expect(check([1, 1], row([2, 2])).members_min).toMatchObject({ pass: false, value: 2 })
    expect(check([1, 1], row([2, 2])).compounds_max).toMatchObject({ value: 1 })
  })

  it('passes 5 compounds and fails 6', () => {
    const facts = row([1, 1, 1, 1, 1, 1])
    expect(check([1, 2, 3, 4, 5], facts).compounds_max).toMatchObject({
      pass: true,
      value: 5,
      limit: 5,
    })
    expect(check([1, 2, 3, 4, 5, 6], facts).compounds_max).toMatchObject({
      pass: false,
      value: 6,
      limit: 5,
    })
  })

  it('passes 50 members and fails 51', () => {
    expect(check([1, 2], row([25, 25])).members_max).toMatchObject({
      pass: true,
      value: 50,
      limit: 50,
    })
    expect(check([1, 2], row([25, 26])).members_max).toMatchObject({ pass: false, value: 51 })
  })

  it('passes a connected chain and counts the pieces of a broken one', () => {
    const facts = row([1, 1, 1, 1])
    expect(check([1, 2, 3], facts).contiguous).toMatchObject({ pass: true, value: 1, limit: 1 })
    // 2 is not in the branch, so 1 and 3 are two pieces; 4 joins 3.
    expect(check([1, 3, 4], facts).contiguous).toMatchObject({ pass: false, value: 2, limit: 1 })
    expect(check([1, 3], facts, new Map()).contiguous).toMatchObject({ pass: false, value: 2 })
  })

  it('uses adjacency in either direction and ignores neighbours outside the branch', () => {
    const facts = row([1, 1, 1])
    const oneWay = new Map([[3, new Set([1, 2])]])
    expect(check([1, 3], facts, oneWay).contiguous.pass).toBe(true)
    expect(check([1, 2], facts, oneWay).contiguous).toMatchObject({ pass: false, value: 2 })
  })

  it('passes one community and counts the communities of a mixed branch', () => {
    const facts = row([1, 1, 1])
    expect(check([1, 2, 3], facts).one_community).toMatchObject({ pass: true, value: 1, limit: 1 })
    facts.set(3, { ...facts.get(3)!, communityId: 2 })
    expect(check([1, 2, 3], facts).one_community).toMatchObject({ pass: false, value: 2 })
  })

  it('compares community ids given as numbers or area-code strings alike', () => {
    const facts = row([1, 1], 0.001, '510104001001')
    facts.set(2, { ...facts.get(2)!, communityId: 510104001001 })
    expect(check([1, 2], facts).one_community.pass).toBe(true)
  })

  it('measures the radius from the mean of the member points, inclusive at the limit', () => {
    // Two compounds on one parallel, 0.01° apart: each is 0.005° of longitude from the centre.
    const facts = row([2, 2], 0.01)
    const radius = 0.005 * metresPerDegree(LAT).lng
    expect(check([1, 2], facts).radius).toMatchObject({ pass: true, limit: 500 })
    expect(check([1, 2], facts).radius.value).toBeCloseTo(radius, 6)
    expect(check([1, 2], facts, chain(2), { ...RULES, radiusM: radius }).radius.pass).toBe(true)
    expect(check([1, 2], facts, chain(2), { ...RULES, radiusM: radius - 0.001 }).radius.pass).toBe(
      false,
    )
  })

  it('agrees with the great-circle distance to within 0.5%', () => {
    // Haversine half-distance between (104, 30.65) and (104.01, 30.65) on a 6371 km sphere.
    const R = 6_371_008.8
    const phi = (LAT * Math.PI) / 180
    const dLng = (0.01 * Math.PI) / 180
    const h = Math.cos(phi) ** 2 * Math.sin(dLng / 2) ** 2
    const half = R * 2 * Math.asin(Math.sqrt(h)) * 0.5
    const value = check([1, 2], row([2, 2], 0.01)).radius.value
    expect(Math.abs(value - half) / half).toBeLessThan(0.005)
  })

  it('fails the radius when one member lies far from the others', () => {
    const facts = row([1, 1, 1])
    facts.set(3, { ...facts.get(3)!, lng: 104.02 })
    const r = check([1, 2, 3], facts).radius
    expect(r.pass).toBe(false)
    expect(r.value).toBeGreaterThan(500)
  })

  it('passes every check for a good branch of one compound except the floor', () => {
    const out = check([1], row([2]))
    expect(out.members_min.pass).toBe(false)
    for (const id of [
      'compounds_max',
      'members_max',
      'contiguous',
      'one_community',
      'radius',
    ] as const)
      expect(out[id]).toMatchObject({ pass: true })
    expect(out.radius.value).toBe(0)
  })

  it('reports an empty branch as below the floor and otherwise empty', () => {
    const out = check([], row([1]))
    expect(out.members_min).toMatchObject({ pass: false, value: 0 })
    expect(out.contiguous).toMatchObject({ pass: true, value: 0 })
    expect(out.one_community).toMatchObject({ pass: true, value: 0 })
  })

  it('throws naming a compound it has no facts for', () => {
    expect(() => checkBranch([1, 9], row([2]), new Map(), RULES)).toThrow(/compound 9/)
  })
})

describe('countPieces', () => {
  it('finds the pieces of a branch in a small graph', () => {
    const adj = adjacencyFromPairs([
      [1, 2],
      [2, 3],
      [4, 5],
    ])
    expect(countPieces([1, 2, 3, 4, 5], adj)).toBe(2)
    expect(countPieces([1, 3], adj)).toBe(2)
    expect(countPieces([6], adj)).toBe(1)
    expect(countPieces([], adj)).toBe(0)
  })
})
