import type { CostModel } from './cost-model.ts'
import { gainOf, greedy, initialBest, openSite } from './greedy.ts'
import type { HeuristicPlan } from './heuristic.ts'
import type { Prepared } from './prepare.ts'
import type { Coverage, CurvePoint, DemandOutcome, SiteCatchment } from './types.ts'

/** What the answer looks like on the ground: who serves whom, coverage, and the saving it achieves. */
export interface Outcome {
  chosen: string[]
  sites: SiteCatchment[]
  before: Coverage
  after: Coverage
  demand: DemandOutcome[]
  /** Cost saved against opening nothing, recomputed from the assignment (fallback units). */
  saving: number
}

function coverage(prep: Prepared, covered: (i: number) => boolean): Coverage {
  const { demand } = prep.problem
  let count = 0
  let weight = 0
  demand.forEach((d, i) => {
    if (!covered(i)) return
    count++
    weight += d.weight
  })
  return { count, weight, share: weight / prep.totalWeight, countShare: count / demand.length }
}

/** Opens sites in greedy order of their saving among themselves, so the list reads most useful first. */
function greedyOrder(model: CostModel, open: readonly number[]): number[] {
  const best = initialBest(model)
  const left = [...open].sort((a, b) => a - b)
  const order: number[] = []
  while (left.length > 0) {
    let pick = 0
    let pickGain = -Infinity
    left.forEach((j, t) => {
      const g = gainOf(model, best, j)
      if (g > pickGain) {
        pickGain = g
        pick = t
      }
    })
    const j = left.splice(pick, 1)[0]!
    openSite(model, best, j)
    order.push(j)
  }
  return order
}

/** Assigns every demand point to its station and tallies coverage and catchments for a plan. */
export function describe(prep: Prepared, plan: HeuristicPlan): Outcome {
  const { problem, reach, candidateCount: n, location } = prep
  const { demand, candidates, existing, serviceM } = problem
  const isOpen = new Uint8Array(n)
  for (const j of plan.open) isOpen[j] = 1
  // -2: nearest open station; -1: existing stations only; j >= 0: the candidate the solver assigned.
  // Under capacity every point not assigned a new site stays with existing stations, so no new site
  // serves more households than its capacity.
  const assigned = new Int32Array(demand.length).fill(plan.rowSite ? -1 : -2)
  if (plan.rowSite) location.cost.demandOf.forEach((i, r) => (assigned[i] = plan.rowSite![r]!))
  const siteOf = new Int32Array(demand.length).fill(-1)
  const walkOf = new Float64Array(demand.length).fill(NaN)
  const newlyCovered = new Uint8Array(demand.length)
  for (let i = 0; i < demand.length; i++) {
    const forced = assigned[i]!
    for (let p = reach.start[i]!; p < reach.start[i + 1]!; p++) {
      const s = reach.site[p]!
      const w = reach.walkM[p]!
      const eligible =
        forced === -2 ? s >= n || isOpen[s] === 1 : forced === -1 ? s >= n : s === forced
      if (!eligible) continue
      if (s < n && w <= serviceM) newlyCovered[i] = 1
      if (siteOf[i]! < 0 && w <= prep.assignM) {
        siteOf[i] = s
        walkOf[i] = w
      }
    }
  }
  const covered = (i: number) => prep.coveredByExisting[i] === 1 || newlyCovered[i] === 1
  const stationId = (s: number) => (s < n ? candidates[s]!.id : existing[s - n]!.id)
  const order = greedyOrder(location.cost, plan.open)
  const sites: SiteCatchment[] = order.map((j) => ({
    id: candidates[j]!.id,
    demandIds: [],
    weight: 0,
    households: 0,
    capacity: candidates[j]!.capacity ?? null,
  }))
  const slot = new Map(order.map((j, t) => [j, sites[t]!]))
  const outcomes: DemandOutcome[] = demand.map((d, i) => {
    const s = siteOf[i]!
    const site = slot.get(s)
    if (site) {
      site.demandIds.push(d.id)
      site.weight += d.weight
      site.households += d.households ?? d.weight
    }
    return {
      id: d.id,
      coveredByExisting: prep.coveredByExisting[i] === 1,
      covered: covered(i),
      stationId: s >= 0 ? stationId(s) : null,
      walkM: s >= 0 ? walkOf[i]! : null,
    }
  })
  return {
    chosen: order.map((j) => candidates[j]!.id),
    sites,
    before: coverage(prep, (i) => prep.coveredByExisting[i] === 1),
    after: coverage(prep, covered),
    demand: outcomes,
    saving: savingOf(prep, siteOf, walkOf),
  }
}

/** Σ over demand of (fallback − cost at the assigned station) in the location model's units. */
function savingOf(prep: Prepared, siteOf: Int32Array, walkOf: Float64Array): number {
  const { cost } = prep.location
  const { demand } = prep.problem
  const pMedian = prep.problem.model === 'p-median'
  let saving = 0
  cost.demandOf.forEach((i, r) => {
    const s = siteOf[i]!
    if (s < 0 || s >= prep.candidateCount) return
    const paid = pMedian ? demand[i]!.weight * walkOf[i]! : 0
    saving += Math.max(0, cost.fallback[r]! - paid)
  })
  return saving
}

/** Coverage after the best 1..maxStations new stations, each chosen greedily given the ones before it. */
export function greedyCurve(prep: Prepared, maxStations: number): CurvePoint[] {
  const run = greedy(prep.coverage, maxStations)
  let weight = 0
  for (let i = 0; i < prep.problem.demand.length; i++)
    if (prep.coveredByExisting[i]) weight += prep.problem.demand[i]!.weight
  return run.gains.map((g, t) => {
    weight += g
    return { stations: t + 1, weight, share: weight / prep.totalWeight, marginalWeight: g }
  })
}
