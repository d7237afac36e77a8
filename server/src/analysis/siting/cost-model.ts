import type { Reach } from './reach.ts'

/**
 * The uncapacitated location problems as one min-cost form: each demand row i pays `fallback[i]` (what it
 * costs with no new station: its weight if uncovered, or weight × distance to the nearest existing station
 * or the penalty) unless an open candidate j offers a cheaper `cost` for the pair (i, j). Max-cover is the
 * case cost = 0, fallback = weight; p-median has cost = weight × walking metres. Only rows some candidate
 * improves are kept; the rest add the constant `base`.
 */
export interface CostModel {
  /** Rows kept. */
  m: number
  /** Candidate columns. */
  n: number
  /** Original demand index of each row. */
  demandOf: Int32Array
  fallback: Float64Array
  /** Row-compressed pairs: candidates of row i are col[rowStart[i] .. rowStart[i+1]), cheapest first. */
  rowStart: Int32Array
  col: Int32Array
  cost: Float64Array
  /** The same pairs column-compressed. */
  colStart: Int32Array
  row: Int32Array
  colCost: Float64Array
  /** Σ fallback of the rows dropped. */
  base: number
}

/** Per demand point: its fallback cost and the cost it would pay at a pair (i, candidate j, walk metres). */
export interface CostRule {
  fallback: (i: number) => number
  pairCost: (i: number, walkM: number) => number
  /** Pairs farther than this (m) never count. */
  maxWalkM: number
}

/** Builds the min-cost form from reach pairs; sites >= candidateCount (existing stations) are skipped. */
export function buildCostModel(reach: Reach, candidateCount: number, rule: CostRule): CostModel {
  const demandOf: number[] = []
  const fallback: number[] = []
  const rowStart = [0]
  const col: number[] = []
  const cost: number[] = []
  let base = 0
  for (let i = 0; i < reach.demandCount; i++) {
    const f = rule.fallback(i)
    const before = col.length
    for (let p = reach.start[i]!; p < reach.start[i + 1]!; p++) {
      const j = reach.site[p]!
      const w = reach.walkM[p]!
      if (j >= candidateCount || w > rule.maxWalkM) continue
      const c = rule.pairCost(i, w)
      if (c < f) {
        col.push(j)
        cost.push(c)
      }
    }
    if (col.length === before) {
      base += f
      continue
    }
    demandOf.push(i)
    fallback.push(f)
    rowStart.push(col.length)
  }
  return {
    m: demandOf.length,
    demandOf: Int32Array.from(demandOf),
    fallback: Float64Array.from(fallback),
    ...byRowAndColumn(rowStart, col, cost, candidateCount),
    base,
  }
}

/** Total cost (same units as fallback) of opening the given candidates. */
export function totalCost(model: CostModel, open: readonly number[]): number {
  const isOpen = new Uint8Array(model.n)
  for (const j of open) isOpen[j] = 1
  let total = model.base
  for (let i = 0; i < model.m; i++) {
    let best = model.fallback[i]!
    for (let p = model.rowStart[i]!; p < model.rowStart[i + 1]!; p++)
      if (isOpen[model.col[p]!] && model.cost[p]! < best) best = model.cost[p]!
    total += best
  }
  return total
}

/** Σ fallback over all rows, kept and dropped: the cost with no new station. */
export function costWithNone(model: CostModel): number {
  let total = model.base
  for (const f of model.fallback) total += f
  return total
}

/** The model with only the given candidate columns (renumbered 0..cols-1 in that order); rows keep theirs. */
export function restrictColumns(model: CostModel, cols: readonly number[]): CostModel {
  const index = new Int32Array(model.n).fill(-1)
  cols.forEach((j, t) => (index[j] = t))
  const rowStart = [0]
  const col: number[] = []
  const cost: number[] = []
  for (let i = 0; i < model.m; i++) {
    for (let p = model.rowStart[i]!; p < model.rowStart[i + 1]!; p++) {
      const t = index[model.col[p]!]!
      if (t < 0) continue
      col.push(t)
      cost.push(model.cost[p]!)
    }
    rowStart.push(col.length)
  }
  return { ...model, ...byRowAndColumn(rowStart, col, cost, cols.length) }
}

/**
 * The (row, column, cost) entries given row by row, stored both ways: as given (rowStart/col/cost)
 * and transposed column by column (colStart/row/colCost), for the row and column passes.
 */
function byRowAndColumn(rowStart: number[], col: number[], cost: number[], n: number) {
  const colStart = new Int32Array(n + 1)
  for (const j of col) colStart[j + 1]!++
  for (let j = 0; j < n; j++) colStart[j + 1]! += colStart[j]!
  const fill = colStart.slice(0, n)
  const row = new Int32Array(col.length)
  const colCost = new Float64Array(col.length)
  for (let i = 0; i + 1 < rowStart.length; i++)
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const q = fill[col[p]!]!++
      row[q] = i
      colCost[q] = cost[p]!
    }
  return {
    n,
    rowStart: Int32Array.from(rowStart),
    col: Int32Array.from(col),
    cost: Float64Array.from(cost),
    colStart,
    row,
    colCost,
  }
}
