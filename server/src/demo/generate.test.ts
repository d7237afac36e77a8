import { beforeAll, describe, expect, it } from 'vitest'
import { generateDemoCity } from './generate.ts'
import type { DemoCity } from './types.ts'
import {
  checkBlockTiling,
  checkJointBranches,
  checkMemberClasses,
  checkNesting,
  checkRings,
  checkStreets,
} from './validate.ts'

// Generation is pure, so one city per options is built lazily and shared read-only by the tests.
const cache = new Map<string, DemoCity>()
const city = (seed: number, scale: number) => {
  const key = `${seed}/${scale}`
  if (!cache.has(key)) cache.set(key, generateDemoCity({ seed, scale }))
  return cache.get(key) as DemoCity
}
const small = () => city(7, 0.03)
const within = (value: number, target: number, tolerance: number) =>
  expect(Math.abs(value - target), `${value} vs ${target}`).toBeLessThanOrEqual(tolerance)

describe('generateDemoCity at small scale', () => {
  it('gives identical output for the same seed', () => {
    expect(JSON.stringify(generateDemoCity({ seed: 7, scale: 0.03 }))).toBe(JSON.stringify(small()))
  })

  it('gives a different city for a different seed', () => {
    const other = city(8, 0.03)
    expect(other.compounds.map((c) => c.boundary)).not.toEqual(
      small().compounds.map((c) => c.boundary),
    )
    expect(other.compounds.map((c) => c.name)).not.toEqual(small().compounds.map((c) => c.name))
  })

  it('rejects a scale outside (0, 2] and a fractional seed', () => {
    expect(() => generateDemoCity({ scale: 0 })).toThrow(RangeError)
    expect(() => generateDemoCity({ scale: 3 })).toThrow(RangeError)
    expect(() => generateDemoCity({ seed: 1.5, scale: 0.02 })).toThrow(RangeError)
  })

  it('is a complete city: a district, several streets and communities, hundreds of compounds', () => {
    const { stats } = small()
    expect(stats.districts).toBeGreaterThanOrEqual(1)
    expect(stats.streets).toBeGreaterThanOrEqual(3)
    expect(stats.communities).toBeGreaterThanOrEqual(30)
    expect(stats.compounds).toBeGreaterThanOrEqual(300)
    expect(
      small()
        .areas.filter((a) => a.level === 'city')
        .map((a) => a.id),
    ).toEqual(['510100'])
  })

  it('has every member class, organisation kind, stations and funding on both sides of 1,000 yuan', () => {
    const c = small()
    expect(new Set(c.compounds.map((x) => x.memberClass))).toEqual(
      new Set(['branch', 'clustered', 'scattered', 'new']),
    )
    expect(new Set(c.orgs.map((o) => o.kind))).toEqual(
      new Set(['standalone', 'joint', 'temporary', 'instructor']),
    )
    expect(c.stations.length).toBeGreaterThan(0)
    expect(c.funding.some((f) => f.amountYuan < 1000)).toBe(true)
    expect(c.funding.some((f) => f.amountYuan >= 1000)).toBe(true)
    expect(new Set(c.funding.map((f) => f.year))).toEqual(new Set([2024, 2025, 2026]))
  })

  it('uses statistical codes: 6-digit districts, 9-digit streets, 12-digit communities, unique compound codes', () => {
    const c = small()
    const digits = { city: 6, district: 6, street: 9, community: 12 } as const
    for (const a of c.areas) expect(a.id).toMatch(new RegExp(`^\\d{${digits[a.level]}}$`))
    for (const x of c.compounds) expect(x.code.slice(0, 12)).toBe(x.communityId)
    expect(new Set(c.compounds.map((x) => x.code)).size).toBe(c.compounds.length)
    expect(
      c.areas.filter((a) => a.level === 'street').every((a) => /(街道|镇)$/.test(a.name)),
    ).toBe(true)
    expect(
      c.areas.filter((a) => a.level === 'community').every((a) => a.name.endsWith('社区')),
    ).toBe(true)
  })

  it('keeps organisation names unique per community and a compound in at most one standalone or joint branch', () => {
    const c = small()
    const names = c.orgs.map((o) => `${o.communityId}/${o.name}`)
    expect(new Set(names).size).toBe(names.length)
    const branchCodes = c.orgs
      .filter((o) => o.kind === 'standalone' || o.kind === 'joint')
      .flatMap((o) => o.compoundCodes)
    expect(new Set(branchCodes).size).toBe(branchCodes.length)
  })

  it('makes valid, closed, counter-clockwise, simple rings', () => {
    expect(checkRings(small())).toEqual([])
  })

  it('nests compounds in communities, streets, districts and the city', () => {
    expect(checkNesting(small())).toEqual([])
  })

  it('tiles blocks with compounds that touch along shared edges and never overlap', () => {
    expect(checkBlockTiling(small())).toEqual([])
  })

  it('separates blocks by streets 10 to 40 m wide', () => {
    expect(checkStreets(small())).toEqual([])
  })

  it('forms existing joint branches of 2-5 contiguous compounds in one community with >= 3 members', () => {
    expect(small().orgs.some((o) => o.kind === 'joint')).toBe(true)
    expect(checkJointBranches(small())).toEqual([])
  })

  it('gives scattered compounds no feasible group and clustered ones a feasible one', () => {
    expect(checkMemberClasses(small())).toEqual([])
  })

  it('leaves planning gaps: organisation coverage near 57% and station coverage near 15%', () => {
    const { stats } = small()
    expect(stats.orgCoverageOld).toBeGreaterThan(0.5)
    expect(stats.orgCoverageOld).toBeLessThan(0.65)
    expect(stats.stationCoverageOld).toBeGreaterThan(0.1)
    expect(stats.stationCoverageOld).toBeLessThan(0.25)
    expect(stats.oldShouldBuild).toBeGreaterThan(0)
  })
})

describe('generateDemoCity at full scale (seed 1, one run)', () => {
  let full: DemoCity
  beforeAll(() => {
    full = city(1, 1)
  })

  it('has Chengdu’s areas: 20 districts, ~261 streets and towns, ~3,000 communities', () => {
    expect(full.stats.districts).toBe(20)
    within(full.stats.streets, 261, 5)
    within(full.stats.communities, 3000, 50)
    const districtNames = full.areas.filter((a) => a.level === 'district').map((a) => a.name)
    expect(districtNames).toContain('简阳市')
    expect(districtNames).toContain('锦江区')
  })

  it('has ~20,000 compounds, ~11,000 old, ~12 old per community that has any', () => {
    within(full.stats.compounds, 20_000, 1_500)
    within(full.stats.oldCompounds, 11_000, 500)
    within(full.stats.oldPerCommunityWithOld, 12, 1)
  })

  it('splits old compounds into >= 3-member, clustered small (~4,515) and scattered (~511)', () => {
    expect(full.stats.oldBranchClass).toBeGreaterThan(2_200)
    within(full.stats.oldClustered, 4_515, 250)
    within(full.stats.oldScattered, 511, 50)
  })

  it('starts from organisation coverage of 55-60% and station coverage near 15%', () => {
    expect(full.stats.orgCoverageOld).toBeGreaterThanOrEqual(0.55)
    expect(full.stats.orgCoverageOld).toBeLessThanOrEqual(0.6)
    within(full.stats.stationCoverageOld, 0.15, 0.01)
    expect(full.stats.oldShouldBuild).toBeGreaterThan(1_500)
  })

  it('sizes old compounds at ~500 households and mostly 0.5-3 ha, ~2.5 residents per household', () => {
    const old = full.compounds.filter((c) => c.isOld)
    within(full.stats.oldHouseholdsMean, 500, 20)
    const inRange = old.filter((c) => c.siteAreaM2 >= 4_000 && c.siteAreaM2 <= 32_000).length
    expect(inRange / old.length).toBeGreaterThan(0.9)
    within(full.stats.residents / full.stats.households, 2.5, 0.05)
  })

  it('matches the published member totals of old compounds (89,000 / 18,000 / 3,816)', () => {
    const k = full.stats.oldCompounds / 11_000
    within(full.stats.membersRegisteredOld, 89_000 * k, 89_000 * k * 0.05)
    within(full.stats.membersInServiceOld, 18_000 * k, 18_000 * k * 0.05)
    within(full.stats.membersFloatingOld, 3_816 * k, 3_816 * k * 0.1)
    within(full.stats.consultationsOld, 9_921 * k, 9_921 * k * 0.1)
    within(full.stats.problemsClosedOld, 8_338 * k, 8_338 * k * 0.1)
  })

  it('keeps geometry valid, nested and tiled everywhere', () => {
    expect(checkRings(full)).toEqual([])
    expect(checkNesting(full)).toEqual([])
    expect(checkBlockTiling(full)).toEqual([])
    expect(checkStreets(full)).toEqual([])
  })

  it('keeps joint branches and member classes consistent everywhere', () => {
    expect(checkJointBranches(full)).toEqual([])
    expect(checkMemberClasses(full)).toEqual([])
    within(full.stats.oldInJoint / full.stats.orgs.joint, 3.2, 0.4)
  })
})
