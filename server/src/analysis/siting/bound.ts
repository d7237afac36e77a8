import type { LocationModel } from './formulations.ts'

/** Each candidate's saving if it were the only new site (fallback units), largest first. */
function standaloneSavings(model: LocationModel): number[] {
  const { cost } = model
  const out: number[] = []
  for (let j = 0; j < cost.n; j++) {
    let s = 0
    for (let q = cost.colStart[j]!; q < cost.colStart[j + 1]!; q++) {
      const i = cost.row[q]!
      s += cost.fallback[i]! - cost.colCost[q]!
    }
    out.push(s)
  }
  return out.sort((a, b) => b - a)
}

/**
 * A bound that needs no LP, in problem terms: for goal 'k', saving <= the k largest standalone savings and
 * <= every row at its cheapest pair (each row's saving is credited to one site, never more than alone);
 * for 'target', no fewer sites than the largest standalone savings need to reach the deficit.
 */
export function combinatorialBound(model: LocationModel): number {
  const savings = standaloneSavings(model)
  if (model.goal.kind === 'k') {
    const topK = savings.slice(0, model.goal.k).reduce((a, b) => a + b, 0)
    const { cost } = model
    let everyRow = 0
    for (let i = 0; i < cost.m; i++) {
      let cheapest = cost.fallback[i]!
      for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++)
        cheapest = Math.min(cheapest, cost.cost[p]!)
      everyRow += cost.fallback[i]! - cheapest
    }
    return Math.min(topK, everyRow)
  }
  let sum = 0
  for (let p = 0; p < savings.length; p++) {
    if (sum >= model.goal.deficit * (1 - 1e-9)) return p
    sum += savings[p]!
  }
  return savings.length
}
