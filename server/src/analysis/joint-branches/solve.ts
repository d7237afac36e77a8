import { computeBound, enumeratedBound } from './bound.ts'
import type { ExactComponent } from './bound.ts'
import { maxGroupsIn, solveComponent } from './component.ts'
import type { RunState } from './component.ts'
import { centreOf, radiusOf } from './geometry.ts'
import { groupViolation, membersOf, newPlan } from './plan.ts'
import type { Plan } from './plan.ts'
import { buildProblem, MEMBER_TOLERANCE } from './problem.ts'
import type { Problem } from './problem.ts'
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

// Connected sets explored per unit of an unproven component to tighten its bound (capped per component).
// Uncapped groups have far more candidate sets per unit, so they get less before giving up.
const BOUND_VISITS_PER_UNIT = 300
const BOUND_VISITS_PER_UNIT_UNCAPPED = 30
const BOUND_VISITS_MAX = 300_000

/**
 * Candidate joint branches for small compounds: most units covered, then most groups, then the most
 * compact groups (least sum of squared distances from member centres to group centres, m²), under
 * `rules`, with an upper bound and a reason for every unit left out. Pure; deterministic for a seed
 * unless the time limit (ms) cuts the search short. Throws JointInputError naming a bad parameter.
 */
export function solveJointBranches(
  units: readonly JointUnit[],
  edges: readonly JointEdge[],
  rules: JointRules = DEFAULT_JOINT_RULES,
  options: SolveOptions = {},
): JointResult {
  const t0 = performance.now()
  const seed = options.seed ?? 1
  const exactMaxUnits = options.exactMaxUnits ?? 80
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
  const run: RunState = {
    p,
    plan,
    seed,
    exactMaxUnits,
    deadline: t0 + timeLimitMs,
    timedOut: false,
    coverable: new Uint8Array(p.n),
    isCoverable: (u) => classify(u).coverable,
  }
  const proven = new Map<number, ExactComponent>()
  let withGroups = 0
  p.comps.forEach((comp, c) => {
    if (compMembers[c]! < p.limits.floor - MEMBER_TOLERANCE) return
    withGroups++
    const known = solveComponent(run, comp)
    if (known) proven.set(c, known)
  })
  for (const [c, known] of proven) known.maxGroups = maxGroupsIn(run, p.comps[c]!, known)
  const refined = new Map<number, { covered: number; groups: number }>()
  p.comps.forEach((comp, c) => {
    if (proven.has(c) || compMembers[c]! < p.limits.floor - MEMBER_TOLERANCE) return
    const perUnit = p.limits.uncapped ? BOUND_VISITS_PER_UNIT_UNCAPPED : BOUND_VISITS_PER_UNIT
    const visits = Math.min(BOUND_VISITS_MAX, perUnit * comp.length)
    const r = enumeratedBound(p, comp, run.coverable, visits)
    if (r) refined.set(c, r)
  })

  const bound = computeBound(p, run.coverable, proven, refined)
  const groups = outputGroups(p, plan)
  const leftovers = []
  for (let u = 0; u < p.n; u++)
    if (plan.label[u] === -1) leftovers.push(leftoverOf(p, plan, u, classify(u)))
  const coveredUnits = groups.reduce((s, g) => s + g.unitIds.length, 0)
  return {
    groups,
    leftovers,
    bound,
    stats: {
      units: p.n,
      coveredUnits,
      groups: groups.length,
      components: withGroups,
      exactComponents: proven.size,
      provenOptimal: proven.size === withGroups,
      timedOut: run.timedOut,
      ms: performance.now() - t0,
    },
  }
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
