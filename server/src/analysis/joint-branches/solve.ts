import { computeBound, countingBound } from './bound.ts'
import type { ExactComponent } from './bound.ts'
import { construct } from './construct.ts'
import { centreOf, inertiaOf, radiusOf } from './geometry.ts'
import { improve } from './improve.ts'
import { compareValue, packExact } from './pack.ts'
import type { PackBudget, Packing } from './pack.ts'
import { addGroup, groupViolation, membersOf, newPlan, removeGroup } from './plan.ts'
import type { Plan } from './plan.ts'
import { buildProblem, MEMBER_TOLERANCE } from './problem.ts'
import type { Problem } from './problem.ts'
import { mixSeed, seededRandom } from './prng.ts'
import { classifyUnit, leftoverOf } from './reasons.ts'
import type { Classification } from './reasons.ts'
import { DEFAULT_JOINT_RULES, JointInputError } from './types.ts'
import type {
  JointEdge,
  JointGroup,
  JointResult,
  JointRules,
  JointUnit,
  SolveOptions,
} from './types.ts'

// Budgets keep every exact call within milliseconds; a component over budget keeps the heuristic plan.
const COMPONENT_BUDGET: PackBudget = { maxGroups: 20_000, maxStates: 40_000 }
const NEIGHBOURHOOD_BUDGET: PackBudget = { maxGroups: 4_000, maxStates: 20_000 }
// Neighbourhood sizes for the local search. Without a compound ceiling every connected subset is a
// candidate group, so neighbourhoods must stay smaller to keep enumeration cheap.
const CAPS_WITH_CEILING = [12, 16, 20]
const CAPS_WITHOUT_CEILING = [8, 11, 14]
const MAX_PASSES = 20
const MAX_TIDY_PASSES = 1

/**
 * Candidate joint branches for small compounds: most units covered, then most groups, then the most
 * compact groups (least sum of squared distances to group centres, m²), under `rules`. Pure and
 * deterministic for a seed; near-linear in units + edges with bounded work per component. Throws
 * JointInputError naming the parameter on invalid input.
 */
export function solveJointBranches(
  units: readonly JointUnit[],
  edges: readonly JointEdge[],
  rules: JointRules = DEFAULT_JOINT_RULES,
  options: SolveOptions = {},
): JointResult {
  const t0 = performance.now()
  const seed = options.seed ?? 1
  const exactMaxUnits = options.exactMaxUnits ?? 40
  const timeLimitMs = options.timeLimitMs ?? 10_000
  if (!Number.isInteger(seed))
    throw new JointInputError('seed', `seed must be an integer, got ${seed}`)
  if (!(timeLimitMs >= 0))
    throw new JointInputError('timeLimitMs', `timeLimitMs must be >= 0, got ${timeLimitMs}`)
  if (!(exactMaxUnits >= 0))
    throw new JointInputError('exactMaxUnits', `exactMaxUnits must be >= 0, got ${exactMaxUnits}`)
  const p = buildProblem(units, edges, rules)
  const plan = newPlan(p.n)
  const compMembers = p.comps.map((comp) => membersOf(p, comp))
  const classes: (Classification | undefined)[] = new Array(p.n)
  const classify = (u: number) => (classes[u] ??= classifyUnit(p, u, compMembers[p.compOf[u]!]!))
  const coverable = new Uint8Array(p.n)
  const proven = new Map<number, ExactComponent>()
  const solvedByDp = new Set<number>()
  const deadline = t0 + timeLimitMs
  let timedOut = false

  const caps = p.limits.maxUnits === Infinity ? CAPS_WITHOUT_CEILING : CAPS_WITH_CEILING
  const search = (comp: readonly number[], random: () => number, sizes: number[], tidy: number) => {
    if (timedOut) return
    const options = {
      caps: sizes,
      tidyCap: caps[0]!,
      budget: NEIGHBOURHOOD_BUDGET,
      maxPasses: MAX_PASSES,
      maxTidyPasses: tidy,
      deadline,
    }
    timedOut = !improve(p, plan, comp, random, options)
  }
  const useExact = (c: number, best: Packing) => {
    const comp = p.comps[c]!
    for (const g of new Set(comp.map((u) => plan.label[u]!))) if (g !== -1) removeGroup(plan, g)
    for (const members of best.groups) addGroup(plan, members)
    for (const u of comp) coverable[u] = plan.label[u] !== -1 || classify(u).coverable ? 1 : 0
    proven.set(c, { covered: best.covered, maxGroups: best.count })
    solvedByDp.add(c)
  }

  p.comps.forEach((comp, c) => {
    if (compMembers[c]! < p.limits.floor - MEMBER_TOLERANCE) return
    // A component no larger than the smallest neighbourhood is what local search would re-pack anyway.
    if (comp.length <= Math.min(caps[0]!, exactMaxUnits)) {
      const best = packExact(p, comp, 'covered', NEIGHBOURHOOD_BUDGET)
      if (best) return useExact(c, best)
    }
    const random = seededRandom(mixSeed(seed, p.ids[comp[0]!]!))
    construct(p, plan, comp, random)
    // Small components get only the cheapest search before the bound check, since the exact programme
    // settles any gap; large ones get every neighbourhood size.
    const small = comp.length <= exactMaxUnits
    search(comp, random, small ? caps.slice(0, 1) : caps, 0)
    for (const u of comp) coverable[u] = plan.label[u] !== -1 || classify(u).coverable ? 1 : 0
    const bound = countingBound(p, comp, coverable)
    const now = componentValue(p, plan, comp)
    // A plan that meets the counting bound is optimal in covered units and groups.
    if (now.covered === bound.covered && now.count === bound.groups) {
      proven.set(c, { covered: bound.covered, maxGroups: bound.groups })
    } else if (small && !timedOut) {
      const best = packExact(p, comp, 'covered', COMPONENT_BUDGET)
      if (best) return useExact(c, best)
      search(comp, random, caps, 0)
    }
    search(comp, random, [], MAX_TIDY_PASSES)
  })

  for (const c of solvedByDp) {
    // The optimum has the most groups among plans covering the most units; the bound needs the most
    // groups of any plan, which only a groups-first search can tell when the counting bound is higher.
    const known = proven.get(c)!
    const counted = countingBound(p, p.comps[c]!, coverable).groups
    if (counted <= known.maxGroups) continue
    const most = packExact(p, p.comps[c]!, 'groups', COMPONENT_BUDGET)
    known.maxGroups = most ? most.count : counted
  }
  const bound = computeBound(p, coverable, proven)
  const groups = outputGroups(p, plan)
  const leftovers = []
  for (let u = 0; u < p.n; u++)
    if (plan.label[u] === -1) leftovers.push(leftoverOf(p, plan, u, classify(u)))
  const coveredUnits = groups.reduce((s, g) => s + g.unitIds.length, 0)
  const withGroups = compMembers.filter((m) => m >= p.limits.floor - MEMBER_TOLERANCE).length
  return {
    groups,
    leftovers: leftovers.sort((a, b) => a.unitId - b.unitId),
    bound,
    stats: {
      units: p.n,
      coveredUnits,
      groups: groups.length,
      components: p.comps.length,
      provenComponents: proven.size,
      provenOptimal: proven.size === withGroups,
      timedOut,
      ms: performance.now() - t0,
    },
  }
}

/** Covered units, groups and inertia (m²) of the plan inside one component. */
function componentValue(p: Problem, plan: Plan, comp: readonly number[]) {
  const ids = new Set<number>()
  let covered = 0
  for (const u of comp) {
    if (plan.label[u] === -1) continue
    covered++
    ids.add(plan.label[u]!)
  }
  let inertia = 0
  for (const g of ids) inertia += inertiaOf(p, plan.groups[g]!)
  return { covered, count: ids.size, inertia }
}

/** Output groups, each re-checked against every rule: a violation here is a solver bug, never data. */
function outputGroups(p: Problem, plan: Plan): JointGroup[] {
  const out: JointGroup[] = []
  for (const members of plan.groups) {
    if (!members) continue
    const problem = groupViolation(p, members)
    if (problem) throw new Error(`joint-branch solver produced an invalid group: ${problem}`)
    const communities = [...new Set(members.map((u) => p.communityNames[p.community[u]!]!))].sort()
    out.push({
      unitIds: members.map((u) => p.ids[u]!).sort((a, b) => a - b),
      members: membersOf(p, members),
      households: members.reduce((s, u) => s + p.hh[u]!, 0),
      communityIds: communities,
      centre: centreOf(p, members),
      radiusM: radiusOf(p.x, p.y, members),
    })
  }
  const key = (g: JointGroup) => g.communityIds[0] ?? ''
  return out.sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.unitIds[0]! - b.unitIds[0]!,
  )
}
