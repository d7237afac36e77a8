import { beatTarget, findBetter } from './bnb.ts'
import type { BeatBudget } from './bnb.ts'
import { countingBound } from './bound.ts'
import type { ExactComponent } from './bound.ts'
import { absorbLeftovers, construct } from './construct.ts'
import { inertiaOf } from './geometry.ts'
import { improve } from './improve.ts'
import { packExact } from './pack.ts'
import type { PackBudget } from './pack.ts'
import { addGroup, removeGroup } from './plan.ts'
import type { Plan } from './plan.ts'
import type { Problem } from './problem.ts'
import { mixSeed, seededRandom } from './prng.ts'

// Budgets keep every exact call within milliseconds; past them the heuristic plan stands.
const COMPONENT_BEAT: BeatBudget = { maxGroups: 20_000, maxNodes: 50_000 }
const NEIGHBOURHOOD_BUDGET: PackBudget = { maxGroups: 4_000, maxStates: 20_000 }
const NEIGHBOURHOOD_BEAT: BeatBudget = { maxGroups: 4_000, maxNodes: 10_000 }
// Neighbourhood sizes for the local search, smallest first. Uncapped groups may be large, so their
// neighbourhoods hold fewer groups for the same size.
const CAPS_CAPPED = [12, 16, 20]
const CAPS_UNCAPPED = [8, 11, 14]
const MAX_PASSES = 20
const MAX_TIDY_PASSES = 1

/** What the per-component solver shares with the run. */
export interface RunState {
  p: Problem
  plan: Plan
  seed: number
  exactMaxUnits: number
  deadline: number
  timedOut: boolean
  /** 1 for units that are placed or could be in some valid group; filled per component. */
  coverable: Uint8Array
  isCoverable: (u: number) => boolean
}

/** Covered units, groups and inertia (m²) of the plan inside a set of units. */
export function valueIn(p: Problem, plan: Plan, units: readonly number[]) {
  const ids = new Set<number>()
  let covered = 0
  for (const u of units) {
    if (plan.label[u] === -1) continue
    covered++
    ids.add(plan.label[u]!)
  }
  let inertia = 0
  for (const g of ids) inertia += inertiaOf(p, plan.groups[g]!)
  return { covered, count: ids.size, inertia }
}

function replaceGroups(plan: Plan, units: readonly number[], groups: readonly number[][]) {
  for (const g of new Set(units.map((u) => plan.label[u]!))) if (g !== -1) removeGroup(plan, g)
  for (const members of groups) addGroup(plan, members)
}

function search(
  run: RunState,
  comp: readonly number[],
  random: () => number,
  caps: number[],
  tidy: number,
) {
  if (run.timedOut) return
  const all = run.p.limits.uncapped ? CAPS_UNCAPPED : CAPS_CAPPED
  run.timedOut = !improve(run.p, run.plan, comp, random, {
    caps,
    tidyCap: all[0]!,
    budget: NEIGHBOURHOOD_BUDGET,
    beatBudget: NEIGHBOURHOOD_BEAT,
    maxPasses: MAX_PASSES,
    maxTidyPasses: tidy,
    deadline: run.deadline,
  })
}

/**
 * Plans one connected component: small ones by exact dynamic programming; others by seeded growth and
 * local search, then a pruned search that either beats the plan or proves it optimal (components up to
 * `exactMaxUnits`). Returns the proven optimum, or null when the plan is heuristic.
 */
export function solveComponent(run: RunState, comp: readonly number[]): ExactComponent | null {
  const { p, plan } = run
  const uncapped = p.limits.uncapped
  const caps = uncapped ? CAPS_UNCAPPED : CAPS_CAPPED
  const markCoverable = () => {
    for (const u of comp) run.coverable[u] = plan.label[u] !== -1 || run.isCoverable(u) ? 1 : 0
  }
  // No larger than the smallest neighbourhood: local search would re-pack it whole anyway.
  if (comp.length <= Math.min(caps[0]!, run.exactMaxUnits)) {
    const best = packExact(p, comp, uncapped ? 'groups' : 'covered', NEIGHBOURHOOD_BUDGET)
    if (best) {
      replaceGroups(plan, comp, uncapped ? absorbLeftovers(p, comp, best.groups) : best.groups)
      markCoverable()
      const now = valueIn(p, plan, comp)
      return { covered: now.covered, maxGroups: now.count }
    }
  }
  const random = seededRandom(mixSeed(run.seed, p.ids[comp[0]!]!))
  construct(p, plan, comp, random)
  // Components the proof search can settle get only the cheapest local search first.
  const small = comp.length <= run.exactMaxUnits
  search(run, comp, random, small ? caps.slice(0, 1) : caps, 0)
  markCoverable()
  const bound = countingBound(p, comp, run.coverable)
  let now = valueIn(p, plan, comp)
  let proven: ExactComponent | null = null
  if (now.covered === bound.covered && now.count === bound.groups) {
    // At the counting bound: optimal in covered units and groups.
    proven = { covered: now.covered, maxGroups: now.count }
  } else if (small && !run.timedOut) {
    // With coverage at its bound, a plan is optimal if no plan at all has more groups; counting groups
    // alone needs only minimal groups, which makes that proof much cheaper than the full search.
    if (now.covered === bound.covered && !uncapped) {
      const target = { covered: now.covered, count: now.count }
      if (beatTarget(p, comp, 'groups', target, COMPONENT_BEAT).kind === 'none')
        proven = { covered: now.covered, maxGroups: now.count }
    }
    while (!proven) {
      const found = findBetter(p, comp, now, COMPONENT_BEAT)
      if (found.kind === 'budget') break
      if (found.kind === 'none') {
        proven = { covered: now.covered, maxGroups: now.count }
        break
      }
      replaceGroups(plan, comp, found.packing.groups)
      now = found.packing
    }
    markCoverable()
  }
  if (!proven) search(run, comp, random, caps, 0)
  // Uncapped groups are minimal plus absorbed units; compactness passes would need every group.
  if (!uncapped) search(run, comp, random, [], MAX_TIDY_PASSES)
  return proven
}

/**
 * The most groups any valid plan forms in a proven component, when the counting bound leaves room above
 * the optimum's groups (the optimum maximises covered units first).
 */
export function maxGroupsIn(run: RunState, comp: readonly number[], known: ExactComponent): number {
  const counted = countingBound(run.p, comp, run.coverable).groups
  if (run.p.limits.uncapped) return known.maxGroups // groups came first there already
  let most = known.maxGroups
  while (most < counted) {
    const target = { covered: 0, count: most }
    const found = beatTarget(run.p, comp, 'groups', target, COMPONENT_BEAT)
    if (found.kind === 'none') break
    most = found.kind === 'better' ? found.packing.count : counted
  }
  return most
}
