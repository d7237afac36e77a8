import type { CostModel } from './cost-model.ts'
import { MaxHeap } from './heap.ts'

/** Sites in the order greedy opened them, and the cost each one saved (fallback units). */
export interface GreedyRun {
  order: number[]
  gains: number[]
}

/** Current cost of each row given no open candidate: its fallback. */
export const initialBest = (model: CostModel): Float64Array => Float64Array.from(model.fallback)

/** Cost a candidate j would save if opened now (fallback units). */
export function gainOf(model: CostModel, best: Float64Array, j: number): number {
  let g = 0
  for (let q = model.colStart[j]!; q < model.colStart[j + 1]!; q++) {
    const d = best[model.row[q]!]! - model.colCost[q]!
    if (d > 0) g += d
  }
  return g
}

/** Opens j: lowers each row's best cost where j is cheaper. */
export function openSite(model: CostModel, best: Float64Array, j: number): void {
  for (let q = model.colStart[j]!; q < model.colStart[j + 1]!; q++) {
    const i = model.row[q]!
    if (model.colCost[q]! < best[i]!) best[i] = model.colCost[q]!
  }
}

/** Where greedy starts: sites already open (not counted against maxSites) and sites it must not open. */
export interface GreedyStart {
  open?: readonly number[]
  banned?: readonly number[]
}

/**
 * Lazy greedy (Minoux): opens up to maxSites candidates one at a time, each the largest saving. The saving
 * of a site only shrinks as others open (the objective is submodular), so a stale saving is an upper bound
 * and most candidates are never re-evaluated. Stops early when no site saves anything, or when `enough`
 * says the total saved so far suffices.
 */
export function greedy(
  model: CostModel,
  maxSites: number,
  enough: (saved: number) => boolean = () => false,
  from: GreedyStart = {},
): GreedyRun {
  const best = initialBest(model)
  const skip = new Uint8Array(model.n)
  for (const j of from.open ?? []) {
    openSite(model, best, j)
    skip[j] = 1
  }
  for (const j of from.banned ?? []) skip[j] = 1
  const heap = new MaxHeap()
  for (let j = 0; j < model.n; j++) {
    if (skip[j]) continue
    const g = gainOf(model, best, j)
    if (g > 0) heap.push(g, j)
  }
  const order: number[] = []
  const gains: number[] = []
  let saved = 0
  while (order.length < maxSites && heap.size > 0 && !enough(saved)) {
    const j = heap.pop()!
    const g = gainOf(model, best, j)
    if (g <= 0) continue
    // Ties go to the lower index, as the heap orders them.
    if (g < heap.peekKey()) {
      heap.push(g, j)
      continue
    }
    openSite(model, best, j)
    order.push(j)
    gains.push(g)
    saved += g
  }
  return { order, gains }
}
