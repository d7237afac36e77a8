import { assignRows, capacitatedGreedy, capacitatedSwaps } from './capacity.ts'
import { totalCost, costWithNone } from './cost-model.ts'
import type { LocationModel } from './formulations.ts'
import { greedy } from './greedy.ts'
import { iteratedLocalSearch } from './ils.ts'
import { improveBySwaps, removalLosses } from './swap.ts'

/** A heuristic answer: open candidates, the row assignment under capacity (else null), cost saved. */
export interface HeuristicPlan {
  open: number[]
  rowSite: Int32Array | null
  saving: number
}

const EPS = 1e-9
/**
 * Iterated-local-search rounds: about 4 million pair visits' worth, at least 50 and at most 300. On the
 * random medium instances of the tests 100 rounds already close the 1-swap shortfall to under 1%.
 */
export function defaultRounds(model: LocationModel): number {
  const { cost } = model
  const work = cost.col.length + cost.m + cost.n
  return Math.max(50, Math.min(300, Math.floor(4e6 / Math.max(1, work))))
}

/** Best plan with at most k sites: greedy then swaps; capacity-aware when the model has capacities. */
export function bestWithK(
  model: LocationModel,
  k: number,
  start?: readonly number[],
  rounds = defaultRounds(model),
): HeuristicPlan {
  if (model.capacity) {
    const first = start ? assignRows(model, start) : capacitatedGreedy(model, k)
    const plan = capacitatedSwaps(model, first)
    return { open: plan.open, rowSite: plan.rowSite, saving: plan.saving }
  }
  const none = costWithNone(model.cost)
  const open = start ? [...start] : greedy(model.cost, k).order
  const run = iteratedLocalSearch(model.cost, improveBySwaps(model.cost, open), rounds)
  return { open: run.open, rowSite: null, saving: none - run.cost }
}

function savingOf(model: LocationModel, open: readonly number[]): number {
  if (model.capacity) return assignRows(model, open).saving
  return costWithNone(model.cost) - totalCost(model.cost, open)
}

/**
 * Fewest sites saving at least `deficit`: greedy until it does, drop sites that became redundant, then keep
 * trying one site fewer (drop the least useful, swap-improve) while the target is still met. Null if even
 * every useful candidate together falls short.
 */
export function fewestSites(
  model: LocationModel,
  deficit: number,
  rounds = 20,
): HeuristicPlan | null {
  const met = (s: number) => s >= deficit - EPS * Math.max(1, deficit)
  const first = model.capacity
    ? capacitatedGreedy(model, model.cost.n, met)
    : { open: greedy(model.cost, model.cost.n, met).order }
  let open = first.open
  if (!met(savingOf(model, open))) return null
  open = dropRedundant(model, open, met)
  while (open.length > 1) {
    const losses = siteLosses(model, open)
    // Start one site fewer from the set without the least useful site.
    const least = open.reduce((a, b) => (losses.get(b)! < losses.get(a)! ? b : a))
    const tried = bestWithK(
      model,
      open.length - 1,
      open.filter((x) => x !== least),
      rounds,
    )
    if (!met(tried.saving)) break
    open = dropRedundant(model, tried.open, met)
  }
  return finish(model, open)
}

/** Loss of closing each open site alone (fallback units). */
function siteLosses(model: LocationModel, open: readonly number[]): Map<number, number> {
  if (!model.capacity) {
    const loss = removalLosses(model.cost, open)
    return new Map(open.map((j) => [j, loss[j]!]))
  }
  const all = savingOf(model, open)
  return new Map(
    open.map((j) => [
      j,
      all -
        savingOf(
          model,
          open.filter((x) => x !== j),
        ),
    ]),
  )
}

/** Closes sites whose loss leaves the target met, least loss first, re-pricing after each close. */
function dropRedundant(
  model: LocationModel,
  start: readonly number[],
  met: (s: number) => boolean,
): number[] {
  let open = [...start]
  for (;;) {
    const saving = savingOf(model, open)
    const losses = siteLosses(model, open)
    const order = [...open].sort((a, b) => losses.get(a)! - losses.get(b)! || a - b)
    const drop = order.find((j) => met(saving - losses.get(j)!))
    if (drop === undefined) return open
    open = open.filter((x) => x !== drop)
  }
}

/** Closes open sites that save nothing (a MILP may open free extras; swaps may strand one). */
export function pruneUseless(model: LocationModel, plan: HeuristicPlan): HeuristicPlan {
  if (model.capacity && plan.rowSite) {
    const used = new Set(plan.rowSite)
    return { ...plan, open: plan.open.filter((j) => used.has(j)) }
  }
  let open = [...plan.open]
  for (;;) {
    const loss = removalLosses(model.cost, open)
    const idle = open.find((j) => loss[j]! <= 0)
    if (idle === undefined) return finish(model, open)
    open = open.filter((j) => j !== idle)
  }
}

/** Re-derives saving and assignment for a set of open sites. */
export function finish(model: LocationModel, open: readonly number[]): HeuristicPlan {
  if (model.capacity) {
    const plan = assignRows(model, open)
    return { open: plan.open, rowSite: plan.rowSite, saving: plan.saving }
  }
  return { open: [...open], rowSite: null, saving: savingOf(model, open) }
}
