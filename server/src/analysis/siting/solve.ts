import { combinatorialBound } from './bound.ts'
import { costWithNone, totalCost } from './cost-model.ts'
import { lpBound, milpSize, polishAssignment, solveExact } from './exact.ts'
import type { ExactRun } from './exact.ts'
import { bestWithK, fewestSites, finish, pruneUseless } from './heuristic.ts'
import type { HeuristicPlan } from './heuristic.ts'
import { prepare } from './prepare.ts'
import type { Prepared } from './prepare.ts'
import { describe, greedyCurve } from './report.ts'
import type { Outcome } from './report.ts'
import type {
  CurvePoint,
  SitingMethod,
  SitingProblem,
  SitingResult,
  SolveOptions,
} from './types.ts'
import { checkProblem } from './validate.ts'

const DEFAULTS = { timeLimitS: 10, exactMaxNonZeros: 400_000, mipRelGap: 1e-6 }

const now = () => performance.now()

/** Relative gap between an objective and a bound on the optimum, 0 when both are 0. */
export function relativeGap(objective: number, bound: number): number {
  const scale = Math.max(Math.abs(objective), Math.abs(bound))
  return scale === 0 ? 0 : Math.abs(bound - objective) / scale
}

/** Greatest weight-share the new sites could add with every candidate open (uncapacitated). */
function reachableSaving(prep: Prepared): number {
  const all = Array.from({ length: prep.candidateCount }, (_, j) => j)
  return costWithNone(prep.coverage) - totalCost(prep.coverage, all)
}

/** Which plan to report: the exact one unless the heuristic's is strictly better (or the only one). */
function better(
  prep: Prepared,
  heuristic: Outcome | null,
  exact: Outcome | null,
): 'heuristic' | 'exact' {
  if (!exact) return 'heuristic'
  if (!heuristic) return 'exact'
  if (prep.location.goal.kind === 'k')
    return heuristic.saving > exact.saving + 1e-9 * Math.max(1, exact.saving)
      ? 'heuristic'
      : 'exact'
  return heuristic.chosen.length < exact.chosen.length ? 'heuristic' : 'exact'
}

/**
 * Solves a siting problem: validates it (throwing SitingInputError), runs greedy + swap, then HiGHS when the
 * MILP is small enough (or asked for) under the time limit, and bounds the answer by the MILP dual bound,
 * the LP relaxation, or a combinatorial bound, whichever is available first. Times in ms.
 */
export async function solveSiting(
  problem: SitingProblem,
  options: SolveOptions = {},
): Promise<SitingResult> {
  const t0 = now()
  const opts = { ...DEFAULTS, ...options }
  const checked = checkProblem(problem)
  const prep = prepare(checked)
  const reachMs = now() - t0
  const model = prep.location
  const notes: string[] = []
  const timings = { reachMs, heuristicMs: 0, exactMs: 0, boundMs: 0 }

  const tH = now()
  let heuristic: HeuristicPlan | null = null
  let maxAchievableShare: number | undefined
  if (model.goal.kind === 'target') {
    const reachable = reachableSaving(prep)
    if (reachable < prep.deficit - 1e-9 * Math.max(1, prep.deficit)) {
      maxAchievableShare =
        (prep.totalWeight - costWithNone(prep.coverage) + reachable) / prep.totalWeight
      notes.push(
        `target ${(checked.model === 'set-cover' ? checked.targetShare * 100 : 0).toFixed(1)}% is out of reach: ` +
          `every candidate together covers at most ${(maxAchievableShare * 100).toFixed(1)}% of the weight`,
      )
    } else
      heuristic =
        prep.deficit <= 0
          ? finish(model, [])
          : fewestSites(model, prep.deficit, options.heuristicRounds)
  } else {
    heuristic = bestWithK(model, model.goal.k, undefined, options.heuristicRounds)
    // Under capacity the greedy packing of compounds into stations is loose; a small MILP repacks it.
    heuristic = await polishAssignment(model, heuristic, Math.min(2, opts.timeLimitS / 4))
  }
  timings.heuristicMs = now() - tH

  const infeasibleTarget = maxAchievableShare !== undefined
  const size = infeasibleTarget ? 0 : milpSize(model)
  const wantExact =
    !infeasibleTarget &&
    !(model.goal.kind === 'target' && prep.deficit <= 0) &&
    (opts.method === 'exact' ||
      ((opts.method ?? 'auto') === 'auto' && size <= opts.exactMaxNonZeros))
  let exact: ExactRun | null = null
  if (wantExact) {
    exact = await solveExact(model, {
      timeLimitS: opts.timeLimitS,
      mipRelGap: opts.mipRelGap,
      start: heuristic,
    })
    timings.exactMs = exact.ms
    if (exact.status === 'time-limit')
      notes.push(`exact solver stopped at the ${opts.timeLimitS} s time limit`)
  } else if (opts.method !== 'heuristic' && !infeasibleTarget)
    notes.push(
      `MILP has ${size} non-zeros, above the exact limit of ${opts.exactMaxNonZeros}: heuristic used`,
    )

  if (exact?.status === 'infeasible' || (!heuristic && !exact?.plan)) {
    if (!infeasibleTarget)
      notes.push(
        exact?.status === 'infeasible'
          ? 'no set of candidates meets the target under station capacity (proven by the exact solver)'
          : 'the heuristic found no set of candidates meeting the target under station capacity; not proven impossible',
      )
    return infeasible(prep, t0, timings, notes, maxAchievableShare, exact ? 'exact' : 'heuristic')
  }

  const fromHeuristic = heuristic ? describe(prep, pruneUseless(model, heuristic)) : null
  const fromExact = exact?.plan ? describe(prep, pruneUseless(model, exact.plan)) : null
  const method = better(prep, fromHeuristic, fromExact)
  const outcome = (method === 'exact' ? fromExact : fromHeuristic)!

  let bound = exact && !Number.isNaN(exact.bound) ? exact.bound : NaN
  let boundSource: SitingResult['boundSource'] = 'milp'
  if (Number.isNaN(bound) && !(model.goal.kind === 'target' && prep.deficit <= 0)) {
    const tB = now()
    const lp = await lpBound(model, opts.timeLimitS)
    timings.boundMs = now() - tB
    bound = lp.bound
    boundSource = 'lp'
    if (Number.isNaN(bound))
      notes.push('LP relaxation did not finish in time: combinatorial bound used')
  }
  if (Number.isNaN(bound)) {
    bound = model.goal.kind === 'target' && prep.deficit <= 0 ? 0 : combinatorialBound(model)
    boundSource = 'combinatorial'
  }
  return assemble(
    prep,
    outcome,
    method,
    bound,
    boundSource,
    exact,
    opts.mipRelGap,
    t0,
    timings,
    notes,
  )
}

function assemble(
  prep: Prepared,
  outcome: Outcome,
  method: SitingMethod,
  savingOrSitesBound: number,
  boundSource: SitingResult['boundSource'],
  exact: ExactRun | null,
  mipRelGap: number,
  t0: number,
  timings: SitingResult['timings'],
  notes: string[],
): SitingResult {
  const { problem, location } = prep
  let objective: number
  let bound: number
  if (problem.model === 'max-cover') {
    objective = outcome.saving
    bound = Math.max(savingOrSitesBound, objective)
  } else if (problem.model === 'p-median') {
    const none = costWithNone(location.cost)
    objective = none - outcome.saving
    bound = Math.min(none - savingOrSitesBound, objective)
  } else {
    objective = outcome.chosen.length
    bound = Math.min(Math.ceil(savingOrSitesBound - 1e-6), objective)
  }
  const gap = relativeGap(objective, bound)
  const k = location.goal.kind === 'k' ? location.goal.k : Math.max(1, outcome.chosen.length)
  if (location.goal.kind === 'k' && outcome.chosen.length < k)
    notes.push(
      `only ${outcome.chosen.length} of the k = ${k} new stations add anything; the rest are left out`,
    )
  if (location.capacity) notes.push('the coverage curve ignores station capacity')
  const proven = gap <= mipRelGap || (exact?.status === 'optimal' && method === 'exact')
  return {
    model: problem.model,
    method,
    status: proven ? 'optimal' : 'feasible',
    chosen: outcome.chosen,
    sites: outcome.sites,
    before: outcome.before,
    after: outcome.after,
    objective,
    objectiveSense: problem.model === 'max-cover' ? 'max' : 'min',
    bound,
    boundSource,
    gap,
    ms: now() - t0,
    timings,
    curve: greedyCurve(prep, k),
    demand: outcome.demand,
    notes,
  }
}

function infeasible(
  prep: Prepared,
  t0: number,
  timings: SitingResult['timings'],
  notes: string[],
  maxAchievableShare: number | undefined,
  method: SitingMethod,
): SitingResult {
  const outcome = describe(prep, { open: [], rowSite: null, saving: 0 })
  return {
    model: prep.problem.model,
    method,
    status: 'infeasible',
    chosen: [],
    sites: [],
    before: outcome.before,
    after: outcome.after,
    objective: 0,
    objectiveSense: 'min',
    bound: 0,
    boundSource: 'combinatorial',
    gap: 0,
    ms: now() - t0,
    timings,
    curve: greedyCurve(prep, prep.candidateCount),
    demand: outcome.demand,
    ...(maxAchievableShare === undefined ? {} : { maxAchievableShare }),
    notes,
  }
}

/** Coverage curve (greedy, one station at a time) for up to maxStations new stations of any problem's data. */
export function coverageCurve(problem: SitingProblem, maxStations: number): CurvePoint[] {
  const prep = prepare(checkProblem(problem))
  return greedyCurve(prep, Math.max(0, Math.floor(maxStations)))
}
