import type { CostModel } from './cost-model.ts'
import { Milp } from './milp.ts'

/** A location model in min-cost form plus what distinguishes the three problems. */
export interface LocationModel {
  cost: CostModel
  /** 'k': at most k new sites, least cost; 'target': fewest sites saving at least `deficit`. */
  goal: { kind: 'k'; k: number } | { kind: 'target'; deficit: number }
  /** Capacity (households) per candidate, Infinity when unlimited; null when no candidate has one. */
  capacity: Float64Array | null
  /** Households per cost-model row (the capacity unit). */
  households: Float64Array
}

/** A built MILP and how to read a solution vector back. */
export interface Formulation {
  milp: Milp
  /** Column of each candidate's open variable. */
  siteCol: Int32Array
  /** Column of each pair's assignment variable (cost-model pair order), or null when not modelled. */
  pairCol: Int32Array | null
  /** Compact form only: each merged row's coverage column and the candidates that cover it. */
  groups: { col: number; sites: number[] }[] | null
  /**
   * MILP objective × sign = the problem's value: the cost saved by new sites for goal 'k' (to maximise),
   * the number of sites for goal 'target' (to minimise). The same holds for the bound.
   */
  sign: 1 | -1
}

/**
 * Builds the MILP. Pure coverage problems without capacity (every pair cost 0) use the compact form
 * z_i <= Σ_j y_j, with rows of identical candidate sets merged; otherwise each pair gets an assignment
 * variable x_ij <= y_j (the strong linking, whose LP bound is far tighter than aggregated capacity rows),
 * binary under capacity because a compound is served by one station.
 */
export function formulate(model: LocationModel): Formulation {
  const { cost } = model
  const coverage = model.capacity === null && cost.cost.every((c) => c === 0)
  return coverage ? compact(model) : assignment(model)
}

function siteColumns(milp: Milp, model: LocationModel): Int32Array {
  const target = model.goal.kind === 'target'
  return Int32Array.from({ length: model.cost.n }, () => milp.addCol(target ? 1 : 0, 0, 1, true))
}

function goalRows(
  milp: Milp,
  model: LocationModel,
  siteCol: Int32Array,
  saving: [number[], number[]],
) {
  if (model.goal.kind === 'k') {
    milp.addRow(
      -Infinity,
      model.goal.k,
      Array.from(siteCol),
      Array.from(siteCol, () => 1),
    )
  } else {
    // Float sums of the same weights in another order must still count as meeting the target.
    const d = model.goal.deficit
    milp.addRow(d - 1e-9 * Math.max(1, d), Infinity, saving[0], saving[1])
  }
}

function compact(model: LocationModel): Formulation {
  const { cost } = model
  const byKey = new Map<string, number>()
  const groups: { weight: number; cols: number[] }[] = []
  for (let i = 0; i < cost.m; i++) {
    const cols = Array.from(cost.col.subarray(cost.rowStart[i]!, cost.rowStart[i + 1]!)).sort(
      (a, b) => a - b,
    )
    const key = cols.join(',')
    const g = byKey.get(key)
    if (g === undefined) {
      byKey.set(key, groups.length)
      groups.push({ weight: cost.fallback[i]!, cols })
    } else groups[g]!.weight += cost.fallback[i]!
  }
  const isK = model.goal.kind === 'k'
  const milp = new Milp(isK ? 'max' : 'min')
  const siteCol = siteColumns(milp, model)
  const z = groups.map((g) => milp.addCol(isK ? g.weight : 0, 0, 1, false))
  groups.forEach((g, t) => {
    milp.addRow(
      -Infinity,
      0,
      [z[t]!, ...g.cols.map((j) => siteCol[j]!)],
      [1, ...g.cols.map(() => -1)],
    )
  })
  goalRows(milp, model, siteCol, [z, groups.map((g) => g.weight)])
  const out = groups.map((g, t) => ({ col: z[t]!, sites: g.cols }))
  return { milp, siteCol, pairCol: null, groups: out, sign: 1 }
}

function assignment(model: LocationModel): Formulation {
  const { cost, capacity, households } = model
  const isK = model.goal.kind === 'k'
  const milp = new Milp('min')
  const siteCol = siteColumns(milp, model)
  const binary = capacity !== null
  const pairCol = new Int32Array(cost.col.length)
  const savingCols: number[] = []
  const savingCoefs: number[] = []
  for (let i = 0; i < cost.m; i++) {
    const cols: number[] = []
    for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++) {
      const saving = cost.fallback[i]! - cost.cost[p]!
      pairCol[p] = milp.addCol(isK ? -saving : 0, 0, 1, binary)
      cols.push(pairCol[p]!)
      savingCols.push(pairCol[p]!)
      savingCoefs.push(saving)
      milp.addRow(-Infinity, 0, [pairCol[p]!, siteCol[cost.col[p]!]!], [1, -1])
    }
    milp.addRow(
      -Infinity,
      1,
      cols,
      cols.map(() => 1),
    )
  }
  if (capacity)
    for (let j = 0; j < cost.n; j++) {
      if (!Number.isFinite(capacity[j]!)) continue
      const cols = [siteCol[j]!]
      const coefs = [-capacity[j]!]
      // Pairs are row-compressed; walk this column's rows and find each pair's slot in its row.
      for (let q = cost.colStart[j]!; q < cost.colStart[j + 1]!; q++) {
        const i = cost.row[q]!
        for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++)
          if (cost.col[p] === j) {
            cols.push(pairCol[p]!)
            coefs.push(households[i]!)
            break
          }
      }
      milp.addRow(-Infinity, 0, cols, coefs)
    }
  goalRows(milp, model, siteCol, [savingCols, savingCoefs])
  return { milp, siteCol, pairCol, groups: null, sign: isK ? -1 : 1 }
}
