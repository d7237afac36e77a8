import { radiusOf } from './geometry.ts'
import { addGroup, canTake, joinGroup, membersOf } from './plan.ts'
import type { Plan } from './plan.ts'
import { MEMBER_TOLERANCE, RADIUS_TOLERANCE_M } from './problem.ts'
import type { Problem } from './problem.ts'

const freeDegree = (p: Problem, plan: Plan, u: number, skip: ReadonlySet<number>) => {
  let d = 0
  for (const v of p.adj[u]!) if (plan.label[v] === -1 && !skip.has(v)) d++
  return d
}

/**
 * Grows one group from `seed` over free units until it reaches the floor, or returns null. Each step
 * takes the neighbour that completes the floor with the least surplus (more groups later), else the
 * heaviest one; ties go to the unit with fewest free neighbours, which is the hardest to place later.
 */
function grow(p: Problem, plan: Plan, seed: number, random: () => number): number[] | null {
  const { floor, maxUnits, maxMembers, radiusM } = p.limits
  if (p.w[seed]! > maxMembers + MEMBER_TOLERANCE) return null
  const set = [seed]
  const inSet = new Set(set)
  let total = p.w[seed]!
  while (total < floor - MEMBER_TOLERANCE) {
    if (set.length >= maxUnits) return null
    let best = -1
    let bestKey: number[] = []
    for (const v of set) {
      for (const c of p.adj[v]!) {
        if (plan.label[c] !== -1 || inSet.has(c)) continue
        const t = total + p.w[c]!
        if (t > maxMembers + MEMBER_TOLERANCE) continue
        if (radiusM !== Infinity && radiusOf(p.x, p.y, [...set, c]) > radiusM + RADIUS_TOLERANCE_M)
          continue
        const completes = t >= floor - MEMBER_TOLERANCE
        const key = [
          completes ? 0 : 1,
          completes ? t : -p.w[c]!,
          freeDegree(p, plan, c, inSet),
          random(),
        ]
        if (best === -1 || lexLess(key, bestKey)) {
          best = c
          bestKey = key
        }
      }
    }
    if (best === -1) return null
    set.push(best)
    inSet.add(best)
    total += p.w[best]!
  }
  return set
}

const lexLess = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!
  return false
}

/** Seeded greedy region growing over one component, then absorption of free units into groups with room. */
export function construct(p: Problem, plan: Plan, comp: readonly number[], random: () => number) {
  const none = new Set<number>()
  const keys = comp.map((u) => [freeDegree(p, plan, u, none), -p.w[u]!, random()] as const)
  const seeds = comp
    .map((u, i) => ({ u, key: keys[i]! }))
    .sort((a, b) => (lexLess(a.key, b.key) ? -1 : lexLess(b.key, a.key) ? 1 : 0))
    .map((s) => s.u)
  for (const s of seeds) {
    if (plan.label[s] !== -1) continue
    const set = grow(p, plan, s, random)
    if (set) addGroup(plan, set)
  }
  absorb(p, plan, comp)
}

/** Adds free units to adjacent groups with room until none fits; smallest groups take first. */
export function absorb(p: Problem, plan: Plan, comp: readonly number[]): void {
  for (let changed = true; changed;) {
    changed = false
    for (const u of comp) {
      if (plan.label[u] !== -1) continue
      let best = -1
      let bestKey: number[] = []
      for (const v of p.adj[u]!) {
        const g = plan.label[v]!
        if (g === -1) continue
        const members = plan.groups[g]!
        if (!canTake(p, members, u)) continue
        const key = [members.length, membersOf(p, members), g]
        if (best === -1 || lexLess(key, bestKey)) {
          best = g
          bestKey = key
        }
      }
      if (best !== -1) {
        joinGroup(plan, best, u)
        changed = true
      }
    }
  }
}

/**
 * Under uncapped limits, the units of a connected set that `groups` leave out, attached breadth first to a
 * neighbouring group: with no ceiling or radius every attachment is valid, so a packing of minimal groups
 * becomes a plan covering the whole set with as many groups. Mutates and returns `groups`.
 */
export function absorbLeftovers(
  p: Problem,
  units: readonly number[],
  groups: number[][],
): number[][] {
  const owner = new Map<number, number>()
  groups.forEach((g, k) => g.forEach((u) => owner.set(u, k)))
  const inside = new Set(units)
  const queue = [...owner.keys()]
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h]!
    for (const u of p.adj[v]!) {
      if (!inside.has(u) || owner.has(u)) continue
      const k = owner.get(v)!
      owner.set(u, k)
      groups[k]!.push(u)
      queue.push(u)
    }
  }
  return groups
}
