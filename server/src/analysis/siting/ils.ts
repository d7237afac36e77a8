import type { CostModel } from './cost-model.ts'
import { greedy } from './greedy.ts'
import { improveBySwaps } from './swap.ts'
import type { SwapRun } from './swap.ts'
import { seeded } from './seeded.ts'

/**
 * Iterated local search around swap improvement: a 1-swap optimum is often a few percent short when sites
 * compete for overlapping demand, so each round closes a random fifth of the open sites, refills greedily
 * from the others (not reopening the closed ones), swap-improves, and keeps the result when it is no worse.
 * Seeded, so the same input gives the same answer.
 */
export function iteratedLocalSearch(
  model: CostModel,
  start: SwapRun,
  rounds: number,
  seed = 1,
): SwapRun {
  const rnd = seeded(seed)
  let current = start
  let best = start
  const k = start.open.length
  if (k === 0) return start
  const most = Math.min(k, Math.max(2, Math.ceil(k / 3)))
  for (let r = 0; r < rounds; r++) {
    const open = [...current.open]
    const closed: number[] = []
    // Closing one site and refilling is just a swap, already exhausted: close two or more.
    const kick = Math.min(k, 2 + Math.floor(rnd() * (most - 1)))
    for (let t = 0; t < kick && open.length > 0; t++)
      closed.push(...open.splice(Math.floor(rnd() * open.length), 1))
    const refill = greedy(model, k - open.length, undefined, { open, banned: closed }).order
    const next = improveBySwaps(model, [...open, ...refill])
    // Accepting ties lets the search drift across plateaus of equal coverage.
    if (next.cost <= current.cost + 1e-9 * Math.max(1, Math.abs(current.cost))) current = next
    if (next.cost < best.cost - 1e-9 * Math.max(1, Math.abs(best.cost))) best = next
  }
  return best
}
