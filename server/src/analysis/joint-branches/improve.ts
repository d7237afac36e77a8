import { inertiaOf } from './geometry.ts'
import { compareValue, packExact } from './pack.ts'
import type { PackBudget, Packing } from './pack.ts'
import { findBetter } from './bnb.ts'
import type { BeatBudget } from './bnb.ts'
import { addGroup, removeGroup } from './plan.ts'
import type { Plan } from './plan.ts'
import { MEMBER_TOLERANCE } from './problem.ts'
import type { Problem } from './problem.ts'
import { shuffleInPlace } from './prng.ts'

export interface ImproveOptions {
  /** Neighbourhood sizes (units handed to the exact packer) for covered units and groups, ascending. */
  caps: readonly number[]
  /** Neighbourhood size for the compactness passes. */
  tidyCap: number
  budget: PackBudget
  beatBudget: BeatBudget
  /** Most passes in all, and most of them spent on compactness alone. */
  maxPasses: number
  maxTidyPasses: number
  /** performance.now() after which improvement stops. */
  deadline: number
}

/**
 * Whole groups and free units around `start`, breadth first, up to `cap` units. Groups are taken whole so
 * that re-packing the neighbourhood can never break a group outside it.
 */
function neighbourhood(p: Problem, plan: Plan, start: readonly number[], cap: number): number[] {
  const out: number[] = []
  const inside = new Set<number>()
  const take = (u: number) => {
    if (inside.has(u)) return
    const g = plan.label[u]!
    const members = g === -1 ? [u] : plan.groups[g]!
    if (out.length + members.length > cap) return
    for (const v of members) {
      inside.add(v)
      out.push(v)
    }
  }
  for (const u of start) take(u)
  for (let h = 0; h < out.length && out.length < cap; h++) for (const v of p.adj[out[h]!]!) take(v)
  return out
}

/** Which neighbourhoods were re-packed without gain, and when each unit last changed. */
interface Memory {
  clock: number
  stamp: Map<number, number>
  tried: Map<string, number>
}

/** The counting bound on groups inside a set of units: floor(sum of min(members, floor) / floor). */
function groupCap(p: Problem, units: readonly number[]): number {
  const { floor } = p.limits
  let capped = 0
  for (const u of units) capped += Math.min(p.w[u]!, floor)
  return Math.floor(capped / floor + MEMBER_TOLERANCE)
}

/** Covered units, groups and inertia (m²) of the groups inside a neighbourhood. */
function valueOf(p: Problem, plan: Plan, units: readonly number[]) {
  const ids = new Set<number>()
  let covered = 0
  for (const u of units) {
    const g = plan.label[u]!
    if (g === -1) continue
    covered++
    ids.add(g)
  }
  let inertia = 0
  for (const g of ids) inertia += inertiaOf(p, plan.groups[g]!)
  return { covered, count: ids.size, inertia }
}

/**
 * One pass of large-neighbourhood search: around every free unit and every group, in random order,
 * re-packs the nearby groups and free units optimally and keeps the result when it is lexicographically
 * better (covered, groups, compactness). Outside `tidy` passes, places already at their counting bound are
 * skipped, since only compactness could improve there. Returns whether covered units or groups improved
 * (`primary`) or anything did, or null on the deadline.
 */
function pass(
  p: Problem,
  plan: Plan,
  comp: readonly number[],
  random: () => number,
  cap: number,
  tidy: boolean,
  memory: Memory,
  options: ImproveOptions,
): { primary: boolean; any: boolean } | null {
  const centres: number[][] = []
  for (const u of comp) if (plan.label[u] === -1 && p.adj[u]!.length) centres.push([u])
  for (const g of new Set(comp.map((u) => plan.label[u]!)))
    if (g !== -1) centres.push(plan.groups[g]!)
  shuffleInPlace(centres, random)
  const gained = { primary: false, any: false }
  for (const centre of centres) {
    if (performance.now() > options.deadline) return null
    // A centre may be stale after an earlier move; it still names a valid place to look.
    const units = neighbourhood(p, plan, centre, cap)
    const now = valueOf(p, plan, units)
    if (!tidy && now.covered === units.length && now.count >= groupCap(p, units)) continue
    const key = units
      .slice()
      .sort((a, b) => a - b)
      .join(',')
    const seen = memory.tried.get(key)
    if (seen !== undefined && units.every((u) => (memory.stamp.get(u) ?? 0) <= seen)) continue
    memory.tried.set(key, memory.clock)
    // Gain passes only need a better plan, which a pruned search finds or rules out quickly; compactness
    // passes need the best one.
    let best: Packing | null
    if (tidy) {
      best = packExact(p, units, 'covered', options.budget)
      if (!best) continue
      const diff = compareValue(
        'covered',
        best.covered,
        best.count,
        best.inertia,
        now.covered,
        now.count,
        now.inertia,
      )
      if (diff <= 0) continue
    } else {
      const found = findBetter(p, units, now, options.beatBudget)
      if (found.kind !== 'better') continue
      best = found.packing
    }
    for (const g of new Set(units.map((u) => plan.label[u]!))) if (g !== -1) removeGroup(plan, g)
    for (const members of best.groups) addGroup(plan, members)
    memory.clock++
    for (const u of units) memory.stamp.set(u, memory.clock)
    gained.any = true
    if (best.covered !== now.covered || best.count !== now.count) gained.primary = true
  }
  return gained
}

/**
 * Variable-neighbourhood descent over `options.caps` (ascending neighbourhood sizes) for covered units and
 * groups: passes at one size until covered units and groups stop rising, then the next size; a rise
 * returns to the smallest. Then compactness passes at the smallest size. At most `maxPasses` passes in
 * all; returns false when the deadline stopped it.
 */
export function improve(
  p: Problem,
  plan: Plan,
  comp: readonly number[],
  random: () => number,
  options: ImproveOptions,
): boolean {
  // Re-packing a neighbourhood whose units have not changed since it was last tried cannot gain.
  const memory: Memory = { clock: 0, stamp: new Map(), tried: new Map() }
  let passes = 0
  for (let level = 0; level < options.caps.length && passes < options.maxPasses; passes++) {
    const gained = pass(p, plan, comp, random, options.caps[level]!, false, memory, options)
    if (gained === null) return false
    level = gained.primary ? 0 : level + 1
  }
  for (let tidy = 0; tidy < options.maxTidyPasses && passes < options.maxPasses; tidy++, passes++) {
    const gained = pass(p, plan, comp, random, options.tidyCap, true, memory, options)
    if (gained === null) return false
    if (!gained.any) break
  }
  return true
}
