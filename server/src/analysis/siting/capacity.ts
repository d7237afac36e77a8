import type { LocationModel } from './formulations.ts'

/** An assignment of cost-model rows to open candidates under capacity. */
export interface CapacitatedPlan {
  open: number[]
  /** Candidate serving each row, or -1 when the row keeps its fallback. */
  rowSite: Int32Array
  /** Cost saved against opening nothing (fallback units). */
  saving: number
}

const EPS = 1e-9

/**
 * Assigns rows to the open sites greedily by saving per household (the classic ratio rule for knapsack-like
 * assignment), each row to one site, never over a site's capacity. A row's own best site may be full; it then
 * takes its next best, so the result is feasible but not always the best assignment for these sites.
 */
export function assignRows(model: LocationModel, open: readonly number[]): CapacitatedPlan {
  const { cost, households } = model
  const capacity = model.capacity
  const isOpen = new Uint8Array(cost.n)
  for (const j of open) isOpen[j] = 1
  const rowOf = new Int32Array(cost.col.length)
  for (let i = 0; i < cost.m; i++)
    for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++) rowOf[p] = i
  const saving = (p: number) => cost.fallback[rowOf[p]!]! - cost.cost[p]!
  // Rows by their best saving per household; among equals, rows with fewer open sites first and then
  // bigger rows (both are harder to fit later). Each goes to the open site of greatest saving, the
  // tightest fit among equal savings.
  const rows: { i: number; density: number; pairs: number[] }[] = []
  for (let i = 0; i < cost.m; i++) {
    const mine: number[] = []
    for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++)
      if (isOpen[cost.col[p]!] && saving(p) > 0) mine.push(p)
    if (mine.length === 0) continue
    const top = Math.max(...mine.map(saving))
    rows.push({ i, density: top / Math.max(households[i]!, EPS), pairs: mine })
  }
  rows.sort(
    (a, b) =>
      b.density - a.density ||
      a.pairs.length - b.pairs.length ||
      households[b.i]! - households[a.i]! ||
      a.i - b.i,
  )
  const left = Float64Array.from({ length: cost.n }, (_, j) => capacity?.[j] ?? Infinity)
  const rowSite = new Int32Array(cost.m).fill(-1)
  const rowPair = new Int32Array(cost.m).fill(-1)
  let total = 0
  for (const { i, pairs } of rows) {
    let pick = -1
    for (const p of pairs) {
      const j = cost.col[p]!
      if (households[i]! > left[j]! + EPS) continue
      if (pick < 0 || saving(p) > saving(pick) + EPS) pick = p
      else if (saving(p) >= saving(pick) - EPS && left[j]! < left[cost.col[pick]!]!) pick = p
    }
    if (pick < 0) continue
    const j = cost.col[pick]!
    rowSite[i] = j
    rowPair[i] = pick
    left[j]! -= households[i]!
    total += saving(pick)
  }
  total += repack(model, isOpen, { rowSite, rowPair, left }, saving)
  return { open: [...open], rowSite, saving: total }
}

interface Loads {
  rowSite: Int32Array
  rowPair: Int32Array
  left: Float64Array
}

/**
 * Packing repair after the greedy assignment: a row left out because its sites are full gets in when one
 * assigned row moves to another open site with room, or when it displaces a row of smaller saving that
 * frees enough room. Returns the saving added.
 */
function repack(
  model: LocationModel,
  isOpen: Uint8Array,
  loads: Loads,
  saving: (p: number) => number,
): number {
  const { cost, households: hh } = model
  const { rowSite, rowPair, left } = loads
  const members = new Map<number, number[]>()
  for (let i = 0; i < cost.m; i++) {
    const j = rowSite[i]!
    if (j < 0) continue
    const list = members.get(j)
    if (list) list.push(i)
    else members.set(j, [i])
  }
  const pairOf = (i: number, j: number) => {
    for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++) if (cost.col[p] === j) return p
    return -1
  }
  const assign = (i: number, p: number) => {
    const j = cost.col[p]!
    rowSite[i] = j
    rowPair[i] = p
    left[j]! -= hh[i]!
    const list = members.get(j)
    if (list) list.push(i)
    else members.set(j, [i])
  }
  const release = (i: number) => {
    const j = rowSite[i]!
    left[j]! += hh[i]!
    const list = members.get(j)!
    list.splice(list.indexOf(i), 1)
    rowSite[i] = -1
    rowPair[i] = -1
  }
  let added = 0
  for (let i = 0; i < cost.m; i++) {
    if (rowSite[i] !== -1) continue
    let done = false
    for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]! && !done; p++) {
      const j = cost.col[p]!
      if (!isOpen[j] || saving(p) <= 0) continue
      const need = hh[i]! - left[j]!
      for (const r of [...(members.get(j) ?? [])]) {
        if (hh[r]! + EPS < need) continue
        // Move r elsewhere, keeping its saving (or losing less than i brings).
        let moveTo = -1
        let moveGain = -Infinity
        for (let q = cost.rowStart[r]!; q < cost.rowStart[r + 1]!; q++) {
          const j2 = cost.col[q]!
          if (j2 === j || !isOpen[j2] || hh[r]! > left[j2]! + EPS) continue
          const g = saving(q) - saving(rowPair[r]!)
          if (g > moveGain) {
            moveGain = g
            moveTo = q
          }
        }
        const displaceGain = saving(p) - saving(rowPair[r]!)
        if (moveTo >= 0 && saving(p) + moveGain > EPS) {
          release(r)
          assign(r, moveTo)
          assign(i, pairOf(i, j))
          added += saving(p) + moveGain
          done = true
          break
        }
        if (displaceGain > EPS && hh[i]! <= left[j]! + hh[r]! + EPS) {
          release(r)
          assign(i, p)
          added += displaceGain
          done = true
          break
        }
      }
    }
  }
  return added
}

/** Upper estimate of what opening c adds to a plan: its capacity filled by the best per-household savings. */
function fillGain(model: LocationModel, c: number, current: Float64Array): number {
  const { cost, households } = model
  const items: [number, number][] = []
  for (let q = cost.colStart[c]!; q < cost.colStart[c + 1]!; q++) {
    const i = cost.row[q]!
    const s = current[i]! - cost.colCost[q]!
    if (s > 0) items.push([s, households[i]!])
  }
  items.sort((a, b) => b[0] / Math.max(b[1], EPS) - a[0] / Math.max(a[1], EPS))
  let left = model.capacity?.[c] ?? Infinity
  let gain = 0
  for (const [s, h] of items) {
    if (h <= left) {
      gain += s
      left -= h
    } else {
      gain += (s * left) / h
      break
    }
  }
  return gain
}

/** Each row's current cost under a plan. */
function rowCosts(model: LocationModel, plan: CapacitatedPlan): Float64Array {
  const { cost } = model
  const out = Float64Array.from(cost.fallback)
  for (let i = 0; i < cost.m; i++) {
    const j = plan.rowSite[i]!
    if (j < 0) continue
    for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++)
      if (cost.col[p] === j) out[i] = cost.cost[p]!
  }
  return out
}

/** Candidates ranked by fill gain against a plan, best first, at most `limit`. */
function ranked(model: LocationModel, plan: CapacitatedPlan, limit: number): number[] {
  const current = rowCosts(model, plan)
  const isOpen = new Uint8Array(model.cost.n)
  for (const j of plan.open) isOpen[j] = 1
  const scored: [number, number][] = []
  for (let c = 0; c < model.cost.n; c++) {
    if (isOpen[c]) continue
    const g = fillGain(model, c, current)
    if (g > EPS) scored.push([g, c])
  }
  scored.sort((a, b) => b[0] - a[0] || a[1] - b[1])
  return scored.slice(0, limit).map(([, c]) => c)
}

/** Greedy under capacity: opens up to maxSites, each the candidate whose re-assigned plan saves most. */
export function capacitatedGreedy(
  model: LocationModel,
  maxSites: number,
  enough: (saving: number) => boolean = () => false,
  shortlist = 8,
): CapacitatedPlan {
  let plan = assignRows(model, [])
  while (plan.open.length < maxSites && !enough(plan.saving)) {
    let best: CapacitatedPlan | null = null
    for (const c of ranked(model, plan, shortlist)) {
      const next = assignRows(model, [...plan.open, c])
      if (next.saving > (best?.saving ?? plan.saving) + EPS) best = next
    }
    if (!best) break
    plan = best
  }
  return plan
}

/**
 * Swap improvement under capacity: for each open site, try the best few replacements ranked by fill gain
 * against the plan without it, re-assigning all rows for each trial; keep any swap that saves more.
 */
export function capacitatedSwaps(
  model: LocationModel,
  start: CapacitatedPlan,
  shortlist = 6,
  maxPasses = 4,
): CapacitatedPlan {
  let plan = start
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false
    for (const j of [...plan.open]) {
      if (!plan.open.includes(j)) continue
      const without = assignRows(
        model,
        plan.open.filter((x) => x !== j),
      )
      for (const c of ranked(model, without, shortlist)) {
        const next = assignRows(model, [...without.open, c])
        if (next.saving > plan.saving + EPS * Math.max(1, plan.saving)) {
          plan = next
          improved = true
          break
        }
      }
    }
    if (!improved) break
  }
  return plan
}
