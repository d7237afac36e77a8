import { enumerateGroups, subgraph } from './enumerate.ts'
import type { Plan } from './plan.ts'
import { MEMBER_TOLERANCE } from './problem.ts'
import type { Problem } from './problem.ts'
import type { JointLeftover, LeftoverReason } from './types.ts'

// Connected sets explored per unit before calling it "not placed, unproven".
const REASON_VISITS = 50_000

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2))

/**
 * Whether a unit can be in any valid group, independent of the plan: `coverable` with an example group
 * (or none when only the budget stopped the search), else the reason it never can.
 */
export type Classification =
  | { coverable: true; example: number[] | null }
  | { coverable: false; reason: Exclude<LeftoverReason, 'not_placed'>; detail: string }

/** Units within `hops` steps of `u` in the group graph (all of its component when hops is Infinity). */
function ball(p: Problem, u: number, hops: number): number[] {
  if (hops === Infinity) return p.comps[p.compOf[u]!]!
  const dist = new Map([[u, 0]])
  const out = [u]
  for (let h = 0; h < out.length; h++) {
    const v = out[h]!
    const d = dist.get(v)!
    if (d >= hops) continue
    for (const x of p.adj[v]!) {
      if (!dist.has(x)) {
        dist.set(x, d + 1)
        out.push(x)
      }
    }
  }
  return out
}

/** A valid group containing u, 'none' when proven absent, 'budget' when the search gave up. */
function findGroup(p: Problem, u: number, ignoreRadius: boolean): number[] | 'none' | 'budget' {
  // Any group of at most maxUnits units containing u lies within maxUnits - 1 steps of it.
  const units = ball(p, u, p.limits.maxUnits - 1)
  const sub = subgraph(p, units)
  let found = null as number[] | null
  const end = enumerateGroups(
    sub,
    p.limits,
    (set, size) => {
      found = set.slice(0, size).map((i) => sub.units[i]!)
      return true
    },
    { root: units.indexOf(u), maxVisits: REASON_VISITS, ignoreRadius },
  )
  if (found) return found
  return end === 'budget' ? 'budget' : 'none'
}

/**
 * Can unit u be in some valid group? Checks run cheapest first: its own members against the ceiling and
 * floor, isolation, members reachable across and within communities, then an exhaustive search for a
 * valid group containing it (with and without the radius rule, to tell "too far" from "too many").
 */
export function classifyUnit(p: Problem, u: number, compMembers: number): Classification {
  const { floor, maxUnits, maxMembers, radiusM, sameCommunity } = p.limits
  const w = p.w[u]!
  if (w > maxMembers + MEMBER_TOLERANCE)
    return {
      coverable: false,
      reason: 'exceeds_ceiling',
      detail: `${fmt(w)} full members, above the ceiling of ${fmt(maxMembers)}`,
    }
  if (w >= floor - MEMBER_TOLERANCE) return { coverable: true, example: [u] }
  if (p.rawAdj[u]!.length === 0)
    return {
      coverable: false,
      reason: 'isolated',
      detail: 'no adjacent compound within the gap tolerance',
    }
  if (p.rawCompMembers[u]! < floor - MEMBER_TOLERANCE)
    return {
      coverable: false,
      reason: 'component_too_small',
      detail: `all compounds it connects to hold ${fmt(p.rawCompMembers[u]!)} full members, below ${fmt(floor)}`,
    }
  if (sameCommunity && compMembers < floor - MEMBER_TOLERANCE)
    return {
      coverable: false,
      reason: 'community_too_small',
      detail: `the compounds it connects to in its community hold ${fmt(compMembers)} full members, below ${fmt(floor)}`,
    }
  // Without ceilings or radius, a component holding the floor can take every unit it connects.
  if (maxUnits === Infinity && maxMembers === Infinity && radiusM === Infinity)
    return { coverable: true, example: null }
  const found = findGroup(p, u, false)
  if (found === 'budget') return { coverable: true, example: null }
  if (found !== 'none') return { coverable: true, example: found }
  if (radiusM !== Infinity && findGroup(p, u, true) !== 'none')
    return {
      coverable: false,
      reason: 'too_far',
      detail: `every contiguous set reaching ${fmt(floor)} members has a compound more than ${fmt(radiusM)} m from its centre`,
    }
  const limits = [
    maxUnits !== Infinity ? `${maxUnits} compounds` : '',
    maxMembers !== Infinity ? `${fmt(maxMembers)} members` : '',
  ].filter(Boolean)
  return {
    coverable: false,
    reason: 'exceeds_ceiling',
    detail: `no contiguous set within ${limits.join(' and ')} reaches ${fmt(floor)} members`,
  }
}

/** The leftover entry for an unplaced unit, worded against the final plan. */
export function leftoverOf(p: Problem, plan: Plan, u: number, c: Classification): JointLeftover {
  const unitId = p.ids[u]!
  if (!c.coverable) return { unitId, reason: c.reason, detail: c.detail }
  const ids = (units: readonly number[]) => units.map((v) => p.ids[v]!).join(', ')
  if (c.example === null)
    return {
      unitId,
      reason: 'not_placed',
      detail:
        'a valid group with it may exist (the search stopped at its budget); the solver did not place it',
    }
  if (c.example.length === 1)
    return {
      unitId,
      reason: 'not_placed',
      detail: 'it reaches the floor alone; the solver did not place it',
    }
  const partners = c.example.filter((v) => v !== u)
  const taken = partners.filter((v) => plan.label[v] !== -1)
  return {
    unitId,
    reason: 'not_placed',
    detail: taken.length
      ? `it could join ${ids(partners)}, but ${ids(taken)} serve other groups, which covers more compounds`
      : `it could join ${ids(partners)}, but the solver did not place it`,
  }
}
