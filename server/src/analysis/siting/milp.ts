import highsLoader from 'highs'
import type { Highs } from 'highs'

/** A mixed-integer linear programme in row form, built incrementally. */
export class Milp {
  readonly colCost: number[] = []
  readonly colLower: number[] = []
  readonly colUpper: number[] = []
  readonly integer: boolean[] = []
  readonly rowLower: number[] = []
  readonly rowUpper: number[] = []
  readonly starts: number[] = [0]
  readonly index: number[] = []
  readonly value: number[] = []
  offset = 0

  constructor(readonly sense: 'max' | 'min') {}

  get cols(): number {
    return this.colCost.length
  }

  get nonZeros(): number {
    return this.index.length
  }

  /** Adds a variable and returns its column. */
  addCol(cost: number, lower: number, upper: number, integer: boolean): number {
    this.colCost.push(cost)
    this.colLower.push(lower)
    this.colUpper.push(upper)
    this.integer.push(integer)
    return this.colCost.length - 1
  }

  /** Adds lower <= Σ coef × x[col] <= upper. */
  addRow(lower: number, upper: number, cols: readonly number[], coefs: readonly number[]): void {
    this.rowLower.push(lower)
    this.rowUpper.push(upper)
    for (let t = 0; t < cols.length; t++) {
      this.index.push(cols[t]!)
      this.value.push(coefs[t]!)
    }
    this.starts.push(this.index.length)
  }
}

/** What the solver returned: the best solution found (if any), its objective and the proven bound. */
export interface MilpOutcome {
  status: 'optimal' | 'time-limit' | 'infeasible' | 'failed'
  x: Float64Array | null
  objective: number
  /** Proven bound on the optimum (upper for max, lower for min), or NaN if none was proven. */
  bound: number
  ms: number
}

let solver: Promise<Highs> | undefined
/** The HiGHS WebAssembly runtime, compiled once per thread. */
export const loadHighs = (): Promise<Highs> => (solver ??= highsLoader())

/**
 * Solves the MILP (or, with relax, its LP relaxation) under a time limit (s). A start solution, if given,
 * seeds branch-and-bound so a time-limited run is never worse than it.
 */
export async function solveMilp(
  milp: Milp,
  opts: { timeLimitS: number; relax?: boolean; mipRelGap?: number; start?: Float64Array },
): Promise<MilpOutcome> {
  const highs = await loadHighs()
  const t0 = performance.now()
  const numCols = milp.cols
  const numRows = milp.rowLower.length
  const relax = opts.relax === true || !milp.integer.some(Boolean)
  const model = highs.createModel({
    numCols,
    numRows,
    sense:
      milp.sense === 'max'
        ? highs.constants.objectiveSense.maximize
        : highs.constants.objectiveSense.minimize,
    offset: milp.offset,
    colCost: Float64Array.from(milp.colCost),
    colLower: Float64Array.from(milp.colLower),
    colUpper: Float64Array.from(milp.colUpper),
    rowLower: Float64Array.from(milp.rowLower, (v) => (v === -Infinity ? -highs.infinity : v)),
    rowUpper: Float64Array.from(milp.rowUpper, (v) => (v === Infinity ? highs.infinity : v)),
    matrix: {
      format: 'csr',
      numRows,
      numCols,
      starts: Int32Array.from(milp.starts),
      indices: Int32Array.from(milp.index),
      values: Float64Array.from(milp.value),
    },
    ...(relax ? {} : { integrality: Int32Array.from(milp.integer, (b) => (b ? 1 : 0)) }),
  })
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, opts.timeLimitS),
      mip_rel_gap: opts.mipRelGap ?? 1e-6,
      random_seed: 0,
    })
    if (opts.start && !relax) model.setSolution({ colValue: opts.start })
    const { modelStatus } = model.run()
    const codes = highs.constants.modelStatus
    const ms = performance.now() - t0
    if (modelStatus === codes.infeasible)
      return { status: 'infeasible', x: null, objective: NaN, bound: NaN, ms }
    const hasPrimal =
      Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible
    const x = hasPrimal ? model.getSolution().colValue : null
    const objective = hasPrimal ? model.getObjectiveValue() : NaN
    let bound = NaN
    if (!relax) bound = Number(model.info.get('mip_dual_bound'))
    else if (modelStatus === codes.optimal) bound = objective
    if (!Number.isFinite(bound)) bound = NaN
    const status =
      modelStatus === codes.optimal
        ? 'optimal'
        : x || !Number.isNaN(bound)
          ? 'time-limit'
          : 'failed'
    return { status, x, objective, bound, ms }
  } finally {
    model.dispose()
  }
}
