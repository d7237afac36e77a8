import { MEMBER_TOLERANCE, RADIUS_TOLERANCE_M } from './problem.ts'
import type { Limits, Problem } from './problem.ts'

/** The induced subgraph on a set of units, re-indexed 0..m-1 in the given order. */
export interface Sub {
  /** Problem index of each local unit. */
  units: number[]
  adj: number[][]
  w: number[]
  /** Coordinates (m) relative to the first unit, so that sums of squares keep their precision. */
  x: number[]
  y: number[]
}

const localOf = new Map<Problem, Int32Array>()

/** The subgraph of `p.adj` induced by `units` (problem indices), in that order; O(sum of degrees). */
export function subgraph(p: Problem, units: readonly number[]): Sub {
  // One scratch index per problem avoids a Map per call; it is reset before returning.
  let local = localOf.get(p)
  if (!local) {
    local = new Int32Array(p.n).fill(-1)
    localOf.clear()
    localOf.set(p, local)
  }
  units.forEach((u, i) => (local[u] = i))
  const adj = units.map((u) => {
    const out: number[] = []
    for (const v of p.adj[u]!) if (local[v] !== -1) out.push(local[v]!)
    return out
  })
  for (const u of units) local[u] = -1
  const x0 = units.length ? p.x[units[0]!]! : 0
  const y0 = units.length ? p.y[units[0]!]! : 0
  return {
    units: units.slice(),
    adj,
    w: units.map((u) => p.w[u]!),
    x: units.map((u) => p.x[u]! - x0),
    y: units.map((u) => p.y[u]! - y0),
  }
}

export interface EnumerateOptions {
  /** Only sets containing this local unit (any index order); otherwise every set once, rooted at its minimum. */
  root?: number
  /** Give up after exploring this many connected sets (valid or not). */
  maxVisits: number
  /** Drop the radius rule (to tell "too far" from "needs too many"). */
  ignoreRadius?: boolean
  /**
   * Do not grow a set past the floor. Every inclusion-minimal valid group is still visited, since all its
   * proper connected subsets fall short of the floor; used when ceilings and radius are off.
   */
  stopAtFloor?: boolean
}

/** What stopped an enumeration: all sets seen, the visitor asked to stop, or the budget ran out. */
export type EnumerateEnd = 'done' | 'stopped' | 'budget'

/**
 * Called with each valid group: its local indices (`set[0..size)`, a live buffer to copy from, never to
 * keep), members, and inertia (m²: sum of squared distances from the group centre). Return true to stop.
 */
export type GroupVisitor = (
  set: readonly number[],
  size: number,
  members: number,
  inertiaM2: number,
) => boolean | void

/**
 * Visits every valid group of the subgraph (connected, floor, ceilings, radius) exactly once. Connected
 * sets are grown by ESU (Wernicke 2006) extension sets held on one shared stack; a branch is cut as soon
 * as the member ceiling, or a pair more than two radii apart (which puts some member beyond the radius for
 * every superset), rules out everything below it. Centre sums are kept incrementally.
 */
export function enumerateGroups(
  sub: Sub,
  limits: Limits,
  visit: GroupVisitor,
  options: EnumerateOptions,
): EnumerateEnd {
  const m = sub.units.length
  const { adj, w, x, y } = sub
  const maxUnits = Math.min(limits.maxUnits, m)
  const maxMembers = limits.maxMembers + MEMBER_TOLERANCE
  const radius = options.ignoreRadius ? Infinity : limits.radiusM
  const hasRadius = radius !== Infinity
  const reach2 = hasRadius ? (2 * radius + RADIUS_TOLERANCE_M) ** 2 : Infinity
  const radius2 = hasRadius ? (radius + RADIUS_TOLERANCE_M) ** 2 : Infinity
  const floor = limits.floor - MEMBER_TOLERANCE
  const rooted = options.root !== undefined
  const near = new Int32Array(m) // members of the set whose closed neighbourhood holds this unit
  const set: number[] = []
  const stack: number[] = [] // extension sets, one segment per depth
  let size = 0
  let visits = 0
  let end: EnumerateEnd = 'done'
  let root = 0

  const farFromSet = (v: number) => {
    for (let i = 0; i < size; i++) {
      const s = set[i]!
      if ((x[s]! - x[v]!) ** 2 + (y[s]! - y[v]!) ** 2 > reach2) return true
    }
    return false
  }
  const withinRadius = (cx: number, cy: number) => {
    for (let i = 0; i < size; i++) {
      const s = set[i]!
      if ((x[s]! - cx) ** 2 + (y[s]! - cy) ** 2 > radius2) return false
    }
    return true
  }
  const mark = (v: number, d: number) => {
    near[v]! += d
    for (const u of adj[v]!) near[u]! += d
  }
  // ext = stack[from, to); sx, sy, sq: sums of x, y and x² + y² over the set.
  const extend = (
    from: number,
    to: number,
    members: number,
    sx: number,
    sy: number,
    sq: number,
  ) => {
    if (++visits > options.maxVisits) {
      end = 'budget'
      return
    }
    if (members >= floor) {
      const cx = sx / size
      const cy = sy / size
      if (!hasRadius || withinRadius(cx, cy)) {
        const inertia = Math.max(0, sq - (sx * sx + sy * sy) / size)
        if (visit(set, size, members, inertia) === true) {
          end = 'stopped'
          return
        }
      }
      if (options.stopAtFloor) return
    }
    if (size >= maxUnits) return
    for (let e = to; e > from;) {
      const v = stack[--e]!
      if (members + w[v]! > maxMembers || (hasRadius && farFromSet(v))) continue
      // The child's extension: the parent's remaining candidates plus v's exclusive neighbours.
      const base = stack.length
      for (let i = from; i < e; i++) stack.push(stack[i]!)
      for (const u of adj[v]!) if (near[u] === 0 && (rooted || u > root)) stack.push(u)
      const top = stack.length
      set[size++] = v
      mark(v, 1)
      const xv = x[v]!
      const yv = y[v]!
      extend(base, top, members + w[v]!, sx + xv, sy + yv, sq + xv * xv + yv * yv)
      mark(v, -1)
      size--
      stack.length = base
      if (end !== 'done') return
    }
  }
  const start = (r: number) => {
    root = r
    if (w[r]! > maxMembers) return
    set[size++] = r
    mark(r, 1)
    const base = stack.length
    for (const u of adj[r]!) if (rooted || u > r) stack.push(u)
    const xr = x[r]!
    const yr = y[r]!
    extend(base, stack.length, w[r]!, xr, yr, xr * xr + yr * yr)
    stack.length = base
    mark(r, -1)
    size--
  }
  if (rooted) start(options.root!)
  else for (let r = 0; r < m && end === 'done'; r++) start(r)
  return end
}
