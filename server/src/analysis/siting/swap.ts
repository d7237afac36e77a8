import type { CostModel } from './cost-model.ts'

/** The result of swap improvement: the open sites and their total cost (fallback units, with base). */
export interface SwapRun {
  open: number[]
  cost: number
  swaps: number
}

/**
 * Teitz–Bart vertex substitution with Whitaker's fast interchange: each pass prices every (close j, open c)
 * swap at once from each row's best and second-best cost, then makes the best improving swap, until none
 * improves. A pass costs O(pairs): the swap's joint effect differs from "gain of c − loss of j" only on rows
 * that j serves and c reaches, so only those pairs are visited.
 */
export function improveBySwaps(
  model: CostModel,
  start: readonly number[],
  maxPasses = 10 * start.length + 100,
): SwapRun {
  const { m, n, rowStart, col, cost, colStart, row, colCost, fallback } = model
  const open = [...start]
  const isOpen = new Uint8Array(n)
  for (const j of open) isOpen[j] = 1
  const b1 = new Float64Array(m)
  const b2 = new Float64Array(m)
  const s1 = new Int32Array(m)
  const gain = new Float64Array(n)
  const loss = new Float64Array(n)
  const extra = new Float64Array(n)
  const touched: number[] = []
  const servedStart = new Int32Array(n + 1)
  const served = new Int32Array(m)
  let swaps = 0
  let total = 0
  for (let pass = 0; pass <= maxPasses; pass++) {
    total = model.base
    for (let i = 0; i < m; i++) {
      let first = fallback[i]!
      let second = fallback[i]!
      let site = -1
      for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
        const j = col[p]!
        if (!isOpen[j]) continue
        const c = cost[p]!
        if (c < first) {
          second = first
          first = c
          site = j
        } else if (c < second) second = c
      }
      b1[i] = first
      b2[i] = second
      s1[i] = site
      total += first
    }
    if (pass === maxPasses) break
    let topGain = 0
    let topSite = -1
    for (let c = 0; c < n; c++) {
      gain[c] = 0
      if (isOpen[c]) continue
      let g = 0
      for (let q = colStart[c]!; q < colStart[c + 1]!; q++) {
        const d = b1[row[q]!]! - colCost[q]!
        if (d > 0) g += d
      }
      gain[c] = g
      if (g > topGain) {
        topGain = g
        topSite = c
      }
    }
    // Rows grouped by the open site serving them (a counting sort), with each site's removal loss.
    servedStart.fill(0)
    loss.fill(0)
    for (let i = 0; i < m; i++)
      if (s1[i]! >= 0) {
        servedStart[s1[i]! + 1]!++
        loss[s1[i]!]! += b2[i]! - b1[i]!
      }
    for (let j = 0; j < n; j++) servedStart[j + 1]! += servedStart[j]!
    const fill = servedStart.slice(0, n)
    for (let i = 0; i < m; i++) if (s1[i]! >= 0) served[fill[s1[i]!]!++] = i
    let bestProfit = 0
    let bestOut = -1
    let bestIn = -1
    for (const j of open) {
      for (let r = servedStart[j]!; r < servedStart[j + 1]!; r++) {
        const i = served[r]!
        for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
          const c = col[p]!
          if (isOpen[c] || cost[p]! >= b2[i]!) continue
          if (extra[c] === 0) touched.push(c)
          extra[c]! += b2[i]! - Math.max(cost[p]!, b1[i]!)
        }
      }
      let inSite = topSite
      let value = topGain
      for (const c of touched) {
        const v = gain[c]! + extra[c]!
        if (v > value || (v === value && c < inSite)) {
          value = v
          inSite = c
        }
        extra[c] = 0
      }
      touched.length = 0
      const profit = value - loss[j]!
      if (inSite >= 0 && profit > bestProfit) {
        bestProfit = profit
        bestOut = j
        bestIn = inSite
      }
    }
    // Improvements below rounding noise would let the search cycle.
    if (bestProfit <= 1e-9 * Math.max(1, Math.abs(total))) break
    isOpen[bestOut] = 0
    isOpen[bestIn] = 1
    open[open.indexOf(bestOut)] = bestIn
    swaps++
  }
  return { open, cost: total, swaps }
}

/** What closing each open site alone would cost (fallback units), indexed by candidate; 0 for closed ones. */
export function removalLosses(model: CostModel, open: readonly number[]): Float64Array {
  const isOpen = new Uint8Array(model.n)
  for (const j of open) isOpen[j] = 1
  const loss = new Float64Array(model.n)
  for (let i = 0; i < model.m; i++) {
    let first = model.fallback[i]!
    let second = first
    let site = -1
    for (let p = model.rowStart[i]!; p < model.rowStart[i + 1]!; p++) {
      if (!isOpen[model.col[p]!]) continue
      const c = model.cost[p]!
      if (c < first) {
        second = first
        first = c
        site = model.col[p]!
      } else if (c < second) second = c
    }
    if (site >= 0) loss[site]! += second - first
  }
  return loss
}
