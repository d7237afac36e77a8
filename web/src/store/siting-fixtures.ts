// Builders for siting tests: small, explicit results whose every figure is chosen here.
import type { ChosenSite, CurvePoint, SitingResult } from '../api/siting-types.ts'
import type { CompoundFeature } from '../api/types.ts'

/** A chosen compound site serving `compoundIds`, 500 households each. */
export function site(compoundId: number, compoundIds: number[] = [compoundId]): ChosenSite {
  return {
    id: `c${compoundId}`,
    kind: 'compound',
    compoundId,
    name: `小区${compoundId}`,
    location: [104.07 + compoundId * 0.001, 30.66],
    catchment: {
      compoundIds,
      weight: 500 * compoundIds.length,
      households: 500 * compoundIds.length,
    },
  }
}

/** A greedy curve from marginal gains, starting from `beforeWeight` of `totalWeight`. */
export function curve(gains: number[], beforeWeight = 0, totalWeight = 10_000): CurvePoint[] {
  let weight = beforeWeight
  return gains.map((g, i) => {
    weight += g
    return { stations: i + 1, weight, share: weight / totalWeight, marginalWeight: g }
  })
}

/**
 * A max-cover result for 锦江区: demand compounds 1–6; 1 covered before, 2–3 newly covered by the
 * chosen sites, 4–6 uncovered.
 */
export function sitingResult(change: Partial<SitingResult> = {}): SitingResult {
  return {
    area: { id: '510104', level: 'district', name: '锦江区' },
    params: {
      area: '510104',
      model: 'max-cover',
      k: 2,
      serviceM: 300,
      detourFactor: 1.5,
      weight: 'households',
      oldOnly: true,
      onlyFailing: false,
      candidates: 'compounds',
      points: [],
      method: 'auto',
      timeLimitS: 10,
    },
    model: 'max-cover',
    method: 'exact',
    status: 'optimal',
    chosen: [site(2), site(3)],
    existingStations: [{ id: 9, name: '某社区党群服务站', location: [104.07, 30.66] }],
    before: { count: 1, weight: 500, share: 1 / 6, countShare: 1 / 6 },
    after: { count: 3, weight: 1500, share: 0.5, countShare: 0.5 },
    coveredBefore: [1],
    coveredAfter: [1, 2, 3],
    uncovered: [4, 5, 6],
    objective: 1000,
    objectiveSense: 'max',
    bound: 1000,
    boundSource: 'milp',
    gap: 0,
    curve: curve([500, 500], 500, 3000),
    maxAchievableShare: null,
    notes: [],
    stats: { demand: 6, candidates: 6, existing: 1, solverMs: 5, totalMs: 20 },
    ...change,
  }
}

/** A square compound east of Tianfu Square with `households`. */
export function compound(id: number, households = 500): CompoundFeature {
  const x = 104 + id * 0.001
  return {
    type: 'Feature',
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [x, 30.66],
            [x + 0.0005, 30.66],
            [x + 0.0005, 30.6605],
            [x, 30.66],
          ],
        ],
      ],
    },
    properties: {
      id,
      code: `C${id}`,
      name: `小区${id}`,
      status: 'no_members',
      isOld: true,
      households,
      membersFull: 0,
      communityId: '510104001001',
    },
  }
}
