import { restrictColumns } from './cost-model.ts'
import type { Formulation, LocationModel } from './formulations.ts'
import { formulate } from './formulations.ts'
import type { HeuristicPlan } from './heuristic.ts'
import { solveMilp } from './milp.ts'

/** The MILP's answer: a plan (or null if none in time), its proven bound, and whether it is optimal. */
export interface ExactRun {
  plan: HeuristicPlan | null
  /** Bound in problem terms (upper on saving for goal 'k', lower on sites for 'target'), NaN if none. */
  bound: number
  status: 'optimal' | 'time-limit' | 'infeasible' | 'failed'
  ms: number
}

/** Matrix non-zeros of the model's MILP: the size 'auto' compares against its limit. */
export const milpSize = (model: LocationModel): number => formulate(model).milp.nonZeros

/** The MILP column vector of a plan, so branch-and-bound starts from it. */
function startVector(form: Formulation, model: LocationModel, plan: HeuristicPlan): Float64Array {
  const x = new Float64Array(form.milp.cols)
  const isOpen = new Uint8Array(model.cost.n)
  for (const j of plan.open) {
    isOpen[j] = 1
    x[form.siteCol[j]!] = 1
  }
  const { cost } = model
  if (form.groups) {
    for (const g of form.groups) if (g.sites.some((j) => isOpen[j])) x[g.col] = 1
    return x
  }
  if (!form.pairCol) return x
  for (let i = 0; i < cost.m; i++) {
    let pick = -1
    for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++) {
      const j = cost.col[p]!
      const ok = plan.rowSite ? plan.rowSite[i] === j : isOpen[j] === 1
      if (ok && (pick < 0 || cost.cost[p]! < cost.cost[pick]!)) pick = p
    }
    if (pick >= 0) x[form.pairCol[pick]!] = 1
  }
  return x
}

/** Reads the plan out of a MILP solution vector. */
function decode(form: Formulation, model: LocationModel, x: Float64Array): HeuristicPlan {
  const open: number[] = []
  form.siteCol.forEach((c, j) => {
    if (x[c]! > 0.5) open.push(j)
  })
  let rowSite: Int32Array | null = null
  if (model.capacity && form.pairCol) {
    const { cost } = model
    rowSite = new Int32Array(cost.m).fill(-1)
    for (let i = 0; i < cost.m; i++)
      for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++)
        if (x[form.pairCol[p]!]! > 0.5) rowSite[i] = cost.col[p]!
  }
  return { open, rowSite, saving: NaN }
}

/** Solves the model exactly with HiGHS within timeLimitS (s), seeded with a heuristic plan if given. */
export async function solveExact(
  model: LocationModel,
  opts: { timeLimitS: number; mipRelGap: number; start?: HeuristicPlan | null },
): Promise<ExactRun> {
  const form = formulate(model)
  const start = opts.start ? startVector(form, model, opts.start) : undefined
  const out = await solveMilp(form.milp, {
    timeLimitS: opts.timeLimitS,
    mipRelGap: opts.mipRelGap,
    start,
  })
  const plan = out.x ? decode(form, model, out.x) : null
  return { plan, bound: form.sign * out.bound, status: out.status, ms: out.ms }
}

/** The LP relaxation's bound in problem terms (NaN if not solved within timeLimitS). */
export async function lpBound(
  model: LocationModel,
  timeLimitS: number,
): Promise<{ bound: number; ms: number }> {
  const form = formulate(model)
  const out = await solveMilp(form.milp, { timeLimitS, relax: true })
  return { bound: out.status === 'optimal' ? form.sign * out.bound : NaN, ms: out.ms }
}

/**
 * Re-assigns rows to a fixed set of open sites by MILP (a multiple-knapsack problem the greedy assignment
 * packs loosely), within timeLimitS (s). Returns the better of the polished and the given plan.
 */
export async function polishAssignment(
  model: LocationModel,
  plan: HeuristicPlan,
  timeLimitS: number,
): Promise<HeuristicPlan> {
  if (!model.capacity || plan.open.length === 0 || model.goal.kind !== 'k') return plan
  const cost = restrictColumns(model.cost, plan.open)
  const capacity = Float64Array.from(plan.open, (j) => model.capacity![j]!)
  const sub: LocationModel = { ...model, cost, capacity, goal: { kind: 'k', k: plan.open.length } }
  const local = new Int32Array(model.cost.n).fill(-1)
  plan.open.forEach((j, t) => (local[j] = t))
  const start: HeuristicPlan = {
    open: plan.open.map((_, t) => t),
    rowSite: plan.rowSite ? plan.rowSite.map((j) => (j < 0 ? -1 : local[j]!)) : null,
    saving: plan.saving,
  }
  const run = await solveExact(sub, { timeLimitS, mipRelGap: 1e-4, start })
  if (!run.plan?.rowSite) return plan
  const rowSite = run.plan.rowSite.map((t) => (t < 0 ? -1 : plan.open[t]!))
  const saving = assignedSaving(model, rowSite)
  return saving > plan.saving ? { open: plan.open, rowSite, saving } : plan
}

/** Saving of an explicit row assignment (fallback units). */
function assignedSaving(model: LocationModel, rowSite: Int32Array): number {
  const { cost } = model
  let total = 0
  for (let i = 0; i < cost.m; i++)
    for (let p = cost.rowStart[i]!; p < cost.rowStart[i + 1]!; p++)
      if (cost.col[p] === rowSite[i]) total += cost.fallback[i]! - cost.cost[p]!
  return total
}
