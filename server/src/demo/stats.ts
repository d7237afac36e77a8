import { toXy } from './frame.ts'
import { centroid, pointRingDistance } from './geometry.ts'
import type { Ring, Xy } from './geometry.ts'
import { STATION_WALK_M } from './orgs.ts'
import type { DemoCity, DemoStats, OrgKind } from './types.ts'

const share = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000
const sum = <T>(items: readonly T[], f: (t: T) => number) => items.reduce((s, t) => s + f(t), 0)

/** Old compounds with a station within `walkM` metres of their boundary (planar, frame metres), by index. */
export function stationReach(
  city: Pick<DemoCity, 'compounds' | 'stations'>,
  rings: readonly Ring[],
  walkM = STATION_WALK_M,
): Set<number> {
  const cell = 1000
  const grid = new Map<string, Xy[]>()
  for (const s of city.stations) {
    const p = toXy(s.location)
    const k = `${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`
    grid.set(k, [...(grid.get(k) ?? []), p])
  }
  const reached = new Set<number>()
  city.compounds.forEach((c, i) => {
    if (!c.isOld) return
    const [x, y] = centroid(rings[i] as Ring)
    const cx = Math.floor(x / cell)
    const cy = Math.floor(y / cell)
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const p of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (pointRingDistance(p, rings[i] as Ring) <= walkM) reached.add(i)
        }
      }
    }
  })
  return reached
}

/** The calibration figures of a generated city (see DOMAIN.md for the published ones). */
export function computeStats(city: Omit<DemoCity, 'stats'>, rings: readonly Ring[]): DemoStats {
  const old = city.compounds.filter((c) => c.isOld)
  const coveredCodes = new Set(city.orgs.flatMap((o) => o.compoundCodes))
  const codesOf = (kind: OrgKind) =>
    new Set(city.orgs.filter((o) => o.kind === kind).flatMap((o) => o.compoundCodes))
  const standaloneCodes = codesOf('standalone')
  const jointCodes = codesOf('joint')
  const temporaryCodes = codesOf('temporary')
  const instructorCodes = codesOf('instructor')
  const orgs: Record<OrgKind, number> = { standalone: 0, joint: 0, temporary: 0, instructor: 0 }
  for (const o of city.orgs) orgs[o.kind]++
  const communitiesWithOld = new Set(old.map((c) => c.communityId)).size
  return {
    districts: city.areas.filter((a) => a.level === 'district').length,
    streets: city.areas.filter((a) => a.level === 'street').length,
    communities: city.areas.filter((a) => a.level === 'community').length,
    blocks: city.blocks.length,
    compounds: city.compounds.length,
    oldCompounds: old.length,
    communitiesWithOld,
    oldPerCommunityWithOld: Math.round((old.length / Math.max(1, communitiesWithOld)) * 100) / 100,
    oldBranchClass: old.filter((c) => c.memberClass === 'branch').length,
    oldClustered: old.filter((c) => c.memberClass === 'clustered').length,
    oldScattered: old.filter((c) => c.memberClass === 'scattered').length,
    oldShouldBuild: old.filter((c) => c.membersFull >= 3 && !coveredCodes.has(c.code)).length,
    orgCoverageOld: share(old.filter((c) => coveredCodes.has(c.code)).length, old.length),
    stationCoverageOld: share(stationReach(city, rings).size, old.length),
    orgs,
    oldInJoint: old.filter((c) => jointCodes.has(c.code)).length,
    oldStandalone: old.filter((c) => standaloneCodes.has(c.code)).length,
    oldInTemporary: old.filter((c) => temporaryCodes.has(c.code)).length,
    oldWithInstructor: old.filter((c) => instructorCodes.has(c.code)).length,
    stations: city.stations.length,
    fundingRows: city.funding.length,
    households: sum(city.compounds, (c) => c.households),
    residents: sum(city.compounds, (c) => c.residents),
    oldHouseholdsMean: Math.round(sum(old, (c) => c.households) / Math.max(1, old.length)),
    oldSiteAreaHaMean:
      Math.round(sum(old, (c) => c.siteAreaM2) / Math.max(1, old.length) / 100) / 100,
    membersRegisteredOld: sum(old, (c) => c.membersRegistered),
    membersInServiceOld: sum(old, (c) => c.membersInService),
    membersFloatingOld: sum(old, (c) => c.membersFloatingIn + c.membersFloatingOut),
    vanguardTeamsOld: old.filter((c) => c.vanguardTeam !== null).length,
    selfGovernanceBodiesOld: sum(old, (c) => c.selfGovernance.length),
    consultationsOld: sum(old, (c) => c.consultations),
    problemsClosedOld: sum(old, (c) => c.problemsClosed),
  }
}
