import { radiusOf } from './geometry.ts'
import { MEMBER_TOLERANCE, RADIUS_TOLERANCE_M } from './problem.ts'
import type { Problem } from './problem.ts'

/** A partial partition of the units into groups; ids of dissolved groups are not reused. */
export interface Plan {
  /** Group id of each unit, or -1. */
  label: Int32Array
  /** Members of each group id (problem indices), or null once dissolved. */
  groups: (number[] | null)[]
}

/** An empty plan over n units. */
export function newPlan(n: number): Plan {
  return { label: new Int32Array(n).fill(-1), groups: [] }
}

/** Adds a group of free units; returns its id. */
export function addGroup(plan: Plan, members: readonly number[]): number {
  const id = plan.groups.length
  plan.groups.push(members.slice())
  for (const u of members) plan.label[u] = id
  return id
}

/** Dissolves a group; its units become free. */
export function removeGroup(plan: Plan, id: number): void {
  for (const u of plan.groups[id] ?? []) plan.label[u] = -1
  plan.groups[id] = null
}

/** Adds one free unit to an existing group. */
export function joinGroup(plan: Plan, id: number, u: number): void {
  plan.groups[id]!.push(u)
  plan.label[u] = id
}

/** Sum of members (full) of a set of units. */
export function membersOf(p: Problem, members: readonly number[]): number {
  let s = 0
  for (const u of members) s += p.w[u]!
  return s
}

/** True when `members` already valid as a group can take unit `u` as well (size, member ceiling, radius). */
export function canTake(p: Problem, members: readonly number[], u: number): boolean {
  const { maxUnits, maxMembers, radiusM } = p.limits
  if (members.length + 1 > maxUnits) return false
  if (membersOf(p, members) + p.w[u]! > maxMembers + MEMBER_TOLERANCE) return false
  if (radiusM === Infinity) return true
  return radiusOf(p.x, p.y, [...members, u]) <= radiusM + RADIUS_TOLERANCE_M
}

/** Why a set of units is not a valid group, or null when it is; checks every hard rule from scratch. */
export function groupViolation(p: Problem, members: readonly number[]): string | null {
  const { floor, maxUnits, maxMembers, radiusM, sameCommunity } = p.limits
  if (members.length === 0) return 'empty'
  const total = membersOf(p, members)
  if (total < floor - MEMBER_TOLERANCE) return `members ${total} below the floor ${floor}`
  if (total > maxMembers + MEMBER_TOLERANCE)
    return `members ${total} above the ceiling ${maxMembers}`
  if (members.length > maxUnits) return `${members.length} compounds above the ceiling ${maxUnits}`
  if (sameCommunity && members.some((u) => p.community[u] !== p.community[members[0]!]))
    return 'spans communities'
  const r = radiusOf(p.x, p.y, members)
  if (r > radiusM + RADIUS_TOLERANCE_M) return `radius ${r.toFixed(1)} m above ${radiusM} m`
  const inSet = new Set(members)
  const seen = new Set([members[0]!])
  const stack = [members[0]!]
  while (stack.length) {
    for (const v of p.adj[stack.pop()!]!) {
      if (inSet.has(v) && !seen.has(v)) {
        seen.add(v)
        stack.push(v)
      }
    }
  }
  return seen.size === members.length ? null : 'not contiguous'
}
