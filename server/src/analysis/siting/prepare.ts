import { buildCostModel } from './cost-model.ts'
import type { CostModel } from './cost-model.ts'
import type { LocationModel } from './formulations.ts'
import { buildReach } from './reach.ts'
import type { Reach } from './reach.ts'
import type { CheckedProblem } from './validate.ts'

/** Everything the solvers and the report share, derived once from a checked problem. */
export interface Prepared {
  problem: CheckedProblem
  /** Sites are the candidates (0..n-1) then the existing stations (n..). */
  reach: Reach
  candidateCount: number
  totalWeight: number
  coveredByExisting: Uint8Array
  /** Coverage form: uncovered weight, pairs within serviceM cost 0. Drives the curve and coverage models. */
  coverage: CostModel
  /** The model the problem asks to solve. */
  location: LocationModel
  /** Walking distance (m) within which a station serves a demand point in the answer. */
  assignM: number
  /** Set covering only: weight the new stations must add. */
  deficit: number
}

/** Builds reach pairs and the cost models for a checked problem. */
export function prepare(problem: CheckedProblem): Prepared {
  const { demand, candidates, existing, serviceM, detourFactor } = problem
  const n = candidates.length
  const pMedian = problem.model === 'p-median'
  const assignM = pMedian ? problem.maxDistanceM : serviceM
  const reach = buildReach(
    demand,
    [...candidates, ...existing],
    Math.max(serviceM, assignM),
    detourFactor,
  )
  const coveredByExisting = new Uint8Array(demand.length)
  const nearestExistingM = new Float64Array(demand.length).fill(Infinity)
  for (let i = 0; i < demand.length; i++)
    for (let p = reach.start[i]!; p < reach.start[i + 1]!; p++) {
      if (reach.site[p]! < n) continue
      const w = reach.walkM[p]!
      if (w <= serviceM) coveredByExisting[i] = 1
      if (w <= assignM && w < nearestExistingM[i]!) nearestExistingM[i] = w
    }
  const weight = (i: number) => demand[i]!.weight
  const coverage = buildCostModel(reach, n, {
    fallback: (i) => (coveredByExisting[i] ? 0 : weight(i)),
    pairCost: () => 0,
    maxWalkM: serviceM,
  })
  const penalty = problem.unservedPenaltyM
  const cost = pMedian
    ? buildCostModel(reach, n, {
        fallback: (i) => weight(i) * Math.min(penalty, nearestExistingM[i]!),
        pairCost: (i, walkM) => weight(i) * walkM,
        maxWalkM: assignM,
      })
    : coverage
  const totalWeight = demand.reduce((s, d) => s + d.weight, 0)
  let existingWeight = 0
  for (let i = 0; i < demand.length; i++) if (coveredByExisting[i]) existingWeight += weight(i)
  const deficit =
    problem.model === 'set-cover' ? problem.targetShare * totalWeight - existingWeight : 0
  const capacity = candidates.some((c) => c.capacity !== undefined)
    ? Float64Array.from(candidates, (c) => c.capacity ?? Infinity)
    : null
  const households = Float64Array.from(
    cost.demandOf,
    (i) => demand[i]!.households ?? demand[i]!.weight,
  )
  const goal =
    problem.model === 'set-cover'
      ? ({ kind: 'target', deficit } as const)
      : ({ kind: 'k', k: problem.k } as const)
  return {
    problem,
    reach,
    candidateCount: n,
    totalWeight,
    coveredByExisting,
    coverage,
    location: { cost, goal, capacity, households },
    assignM,
    deficit,
  }
}
