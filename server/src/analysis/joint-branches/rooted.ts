import { enumerateGroups, subgraph } from './enumerate.ts'
import type { Problem } from './problem.ts'

// Masks are 31-bit: a group may span at most this many positions of the ordering.
export const MAX_SPAN = 30

/** Every valid group inside a unit set, indexed by its first position in a bandwidth-reducing order. */
export interface RootedGroups {
  /** Problem index of the unit at each position. */
  order: number[]
  /** Neighbour positions of each position. */
  adj: number[][]
  /** Per position: groups whose first position it is, as bit masks relative to it (bit 0 = itself). */
  masks: number[][]
  sizes: number[][]
  /** Inertia of each group (m²). */
  inertia: number[][]
  /** Per group: sum over members of min(members, floor), what the counting bound charges it. */
  capped: number[][]
  /** Per position: 1 when the unit lies in at least one valid group. */
  inSome: Uint8Array
}

/** Cuthill–McKee order of a local graph: keeps every group's indices close, so DP states stay few. */
function cuthillMcKee(adj: readonly (readonly number[])[]): number[] {
  const m = adj.length
  const seen = new Uint8Array(m)
  const order: number[] = []
  const byDegree = [...Array(m).keys()].sort((a, b) => adj[a]!.length - adj[b]!.length || a - b)
  for (const s of byDegree) {
    if (seen[s]) continue
    seen[s] = 1
    order.push(s)
    for (let h = order.length - 1; h < order.length; h++) {
      const next = adj[order[h]!]!.filter((u) => !seen[u])
      next.sort((a, b) => adj[a]!.length - adj[b]!.length || a - b)
      for (const u of next) {
        seen[u] = 1
        order.push(u)
      }
    }
  }
  return order
}

/**
 * Valid groups inside `units` (only edges among them count) in Cuthill–McKee order, so that each group's
 * positions fit a 31-bit mask; null when there are more than `maxGroups` or one spans over 30 positions.
 * Under uncapped limits only groups that stop at the floor are listed (see `absorbLeftovers`).
 */
export function rootedGroups(
  p: Problem,
  units: readonly number[],
  maxGroups: number,
): RootedGroups | null {
  // A component is searched several times (proofs, bound); its groups are enumerated once.
  let byBudget = cache.get(units)
  if (!byBudget) cache.set(units, (byBudget = new Map()))
  const known = byBudget.get(maxGroups)
  if (known !== undefined) return known
  const made = enumerateRooted(p, units, maxGroups)
  byBudget.set(maxGroups, made)
  return made
}

const cache = new WeakMap<readonly number[], Map<number, RootedGroups | null>>()

function enumerateRooted(
  p: Problem,
  units: readonly number[],
  maxGroups: number,
): RootedGroups | null {
  const first = subgraph(p, units)
  const order = cuthillMcKee(first.adj).map((i) => units[i]!)
  const sub = subgraph(p, order)
  const m = order.length
  const floor = p.limits.floor
  const masks: number[][] = Array.from({ length: m }, () => [])
  const sizes: number[][] = Array.from({ length: m }, () => [])
  const inertia: number[][] = Array.from({ length: m }, () => [])
  const capped: number[][] = Array.from({ length: m }, () => [])
  const inSome = new Uint8Array(m)
  let count = 0
  let tooWide = false
  const end = enumerateGroups(
    sub,
    p.limits,
    (set, size, _members, inertiaM2) => {
      const lo = set[0]!
      let mask = 0
      let c = 0
      for (let i = 0; i < size; i++) {
        const v = set[i]!
        if (v - lo > MAX_SPAN) {
          tooWide = true
          return true
        }
        mask |= 1 << (v - lo)
        c += Math.min(sub.w[v]!, floor)
        inSome[v] = 1
      }
      masks[lo]!.push(mask)
      sizes[lo]!.push(size)
      inertia[lo]!.push(inertiaM2)
      capped[lo]!.push(c)
      return ++count > maxGroups
    },
    { maxVisits: maxGroups * 4, stopAtFloor: p.limits.uncapped },
  )
  if (tooWide || end !== 'done') return null
  return { order, adj: sub.adj, masks, sizes, inertia, capped, inSome }
}
