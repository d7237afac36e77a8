import { absorbLeftovers } from './construct.ts'
import { inertiaOf } from './geometry.ts'
import type { Packing, Priority } from './pack.ts'
import { MEMBER_TOLERANCE } from './problem.ts'
import type { Problem } from './problem.ts'
import { MAX_SPAN, rootedGroups } from './rooted.ts'
import type { RootedGroups } from './rooted.ts'
import { deductWaste } from './bound.ts'

/** Outcome of trying to beat a plan: a better packing, a proof that none exists, or budget exhausted. */
export type Attempt = { kind: 'better'; packing: Packing } | { kind: 'none' } | { kind: 'budget' }

export interface BeatBudget {
  maxGroups: number
  /** Most search nodes before giving up. */
  maxNodes: number
}

class OverBudget extends Error {}

/** Waste-deducted room of each position, from every group of `rooted` (see `deductWaste`). */
function adjustedRoom(rooted: RootedGroups, capped: readonly number[], floor: number): number[] {
  const groups: { members: number[]; waste: number }[] = []
  rooted.masks.forEach((ms, i) =>
    ms.forEach((gm, k) => {
      const members: number[] = []
      for (let bits = gm; bits !== 0; bits &= bits - 1)
        members.push(i + 31 - Math.clz32(bits & -bits))
      groups.push({ members, waste: rooted.capped[i]![k]! - floor })
    }),
  )
  return deductWaste(capped, groups)
}

/** The groups that contain no valid group with one unit fewer; every inclusion-minimal group stays. */
function locallyMinimal(r: RootedGroups): RootedGroups {
  const key = (root: number, mask: number) => root * 2 ** 31 + mask
  const known = new Set<number>()
  r.masks.forEach((ms, i) => ms.forEach((gm) => known.add(key(i, gm))))
  const keep = r.masks.map((ms, i) =>
    ms.map((gm) => {
      for (let bits = gm; bits !== 0; bits &= bits - 1) {
        const rest = gm & ~(bits & -bits)
        if (rest === 0) continue
        const shift = 31 - Math.clz32(rest & -rest)
        if (known.has(key(i + shift, rest >>> shift))) return false
      }
      return true
    }),
  )
  const pick = <T>(rows: T[][]) => rows.map((row, i) => row.filter((_, k) => keep[i]![k]))
  const inSome = new Uint8Array(r.order.length)
  r.masks.forEach((ms, i) =>
    ms.forEach((gm, k) => {
      if (!keep[i]![k]) return
      for (let bits = gm; bits !== 0; bits &= bits - 1)
        inSome[i + 31 - Math.clz32(bits & -bits)] = 1
    }),
  )
  return {
    order: r.order,
    adj: r.adj,
    masks: pick(r.masks),
    sizes: pick(r.sizes),
    inertia: pick(r.inertia),
    capped: pick(r.capped),
    inSome,
  }
}

/**
 * Looks for a packing of valid groups inside `units` that beats `target`, ignoring compactness: with
 * priority 'covered', more covered units or as many and more groups; with 'groups', more groups whatever
 * they cover (`target.covered` is ignored, and only locally minimal groups are tried). Depth-first over a
 * Cuthill–McKee order, pruned by the counting bound on what is still free (units that lie in some group;
 * their members net of unavoidable waste, over the floor). Failed states are remembered with the best
 * (covered, groups) that reached them. A plan at or near its bound is proven optimal in few nodes.
 */
export function beatTarget(
  p: Problem,
  units: readonly number[],
  priority: Priority,
  target: { covered: number; count: number },
  budget: BeatBudget,
): Attempt {
  const all = rootedGroups(p, units, budget.maxGroups)
  if (!all) return { kind: 'budget' }
  // Counting groups alone, a group that holds a valid group one unit smaller is never needed.
  const rooted = priority === 'groups' ? locallyMinimal(all) : all
  const { order, masks, sizes, inertia, capped, inSome } = rooted
  const m = order.length
  const floor = p.limits.floor
  const tc = target.covered
  const tg = target.count
  const beats =
    priority === 'covered'
      ? (c: number, g: number) => c > tc || (c === tc && g > tg)
      : (_c: number, g: number) => g > tg
  const own = adjustedRoom(
    rooted,
    order.map((u) => Math.min(p.w[u]!, floor)),
    floor,
  )
  // Cheapest groups first: least members beyond the floor, then most units.
  const tries = masks.map((ms, i) =>
    ms
      .map((_, k) => k)
      .sort((a, b) => capped[i]![a]! - capped[i]![b]! || sizes[i]![b]! - sizes[i]![a]! || a - b),
  )
  const roomOf = (i: number, k: number) => {
    let r = 0
    for (let gm = masks[i]![k]!; gm !== 0; gm &= gm - 1) r += own[i + 31 - Math.clz32(gm & -gm)]!
    return r
  }
  const failed: Map<number, number>[] = Array.from({ length: m }, () => new Map())
  const chosen: number[] = []
  let nodes = 0

  const dfs = (
    i: number,
    mask: number,
    cov: number,
    grp: number,
    free: number,
    room: number,
  ): boolean => {
    while (i < m && mask & 1) {
      i++
      mask >>>= 1
    }
    if (beats(cov, grp)) return true
    if (i >= m) return false
    if (!beats(cov + free, grp + Math.floor(room / floor + MEMBER_TOLERANCE))) return false
    const seen = failed[i]!.get(mask)
    // A state that failed with at least as many covered units and groups fails again.
    if (seen !== undefined && cov <= Math.floor(seen / 65536) && grp <= seen % 65536) return false
    if (++nodes > budget.maxNodes) throw new OverBudget()
    const ks = tries[i]!
    for (const k of ks) {
      const gm = masks[i]![k]!
      if (gm & mask) continue
      chosen.push(i, k)
      const size = sizes[i]![k]!
      if (dfs(i + 1, (gm | mask) >>> 1, cov + size, grp + 1, free - size, room - roomOf(i, k)))
        return true
      chosen.length -= 2
    }
    const lost = inSome[i] ? 1 : 0
    if (dfs(i + 1, mask >>> 1, cov, grp, free - lost, room - lost * own[i]!)) return true
    failed[i]!.set(mask, cov * 65536 + grp)
    return false
  }

  let free = 0
  let room = 0
  for (let i = 0; i < m; i++) {
    if (!inSome[i]) continue
    free++
    room += own[i]!
  }
  let found: boolean
  try {
    found = dfs(0, 0, 0, 0, free, room)
  } catch (err) {
    if (err instanceof OverBudget) return { kind: 'budget' }
    throw err
  }
  if (!found) return { kind: 'none' }
  const groups: number[][] = []
  let total = 0
  let covered = 0
  for (let h = 0; h < chosen.length; h += 2) {
    const i = chosen[h]!
    const k = chosen[h + 1]!
    const gm = masks[i]![k]!
    const members: number[] = []
    for (let off = 0; off <= MAX_SPAN; off++) if (gm & (1 << off)) members.push(order[i + off]!)
    groups.push(members)
    total += inertia[i]![k]!
    covered += members.length
  }
  return { kind: 'better', packing: { groups, covered, count: groups.length, inertia: total } }
}

/**
 * A packing of the connected set `units` with more covered units than `now`, or as many and more groups.
 * Under uncapped limits the search only counts groups over minimal groups, then absorbs every other unit.
 */
export function findBetter(
  p: Problem,
  units: readonly number[],
  now: { covered: number; count: number },
  budget: BeatBudget,
): Attempt {
  if (!p.limits.uncapped) return beatTarget(p, units, 'covered', now, budget)
  const found = beatTarget(p, units, 'groups', now, budget)
  if (found.kind !== 'better') return found
  const groups = absorbLeftovers(p, units, found.packing.groups)
  const covered = groups.reduce((s, g) => s + g.length, 0)
  const inertia = groups.reduce((s, g) => s + inertiaOf(p, g), 0)
  return { kind: 'better', packing: { groups, covered, count: groups.length, inertia } }
}
