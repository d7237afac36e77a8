import { MAX_SPAN, rootedGroups } from './rooted.ts'
import type { Problem } from './problem.ts'

/** Groups of problem units and their lexicographic value. */
export interface Packing {
  groups: number[][]
  covered: number
  count: number
  /** Sum over groups of squared distances from member centres to the group centre (m²): compactness. */
  inertia: number
}

/** Which objective comes first: the solver's order (covered, groups) or groups first (for the bound). */
export type Priority = 'covered' | 'groups'

export interface PackBudget {
  /** Most valid groups to enumerate before giving up. */
  maxGroups: number
  /** Most dynamic-programming states before giving up. */
  maxStates: number
}

// Compactness differences below this (m²) are rounding, not improvement.
const INERTIA_EPS_M2 = 1e-3

/** Lexicographic comparison: positive when (c1, g1, i1) beats (c2, g2, i2) under `priority`. */
export function compareValue(
  priority: Priority,
  c1: number,
  g1: number,
  i1: number,
  c2: number,
  g2: number,
  i2: number,
): number {
  if (priority === 'covered') {
    if (c1 !== c2) return c1 - c2
    if (g1 !== g2) return g1 - g2
  } else {
    if (g1 !== g2) return g1 - g2
    if (c1 !== c2) return c1 - c2
  }
  if (Math.abs(i1 - i2) > INERTIA_EPS_M2) return i2 - i1
  return 0
}

class OverBudget extends Error {}

/**
 * The best packing of valid groups inside `units` (problem indices; only edges among them count), by
 * dynamic programming over a Cuthill–McKee order: at each position, leave the unit out or open a group
 * whose smallest position it is; the state is which later positions are taken. Exact, deterministic;
 * null when the groups or states exceed `budget` or a group spans more than 30 positions.
 */
export function packExact(
  p: Problem,
  units: readonly number[],
  priority: Priority,
  budget: PackBudget,
): Packing | null {
  const rooted = rootedGroups(p, units, budget.maxGroups)
  if (!rooted) return null
  const { order, masks: rootMasks, sizes: rootSizes, inertia: rootInertia } = rooted
  const m = order.length

  // For each root, a bit row per offset: which of its groups hold that offset. Groups compatible with a
  // state are then found word by word instead of testing every group against the mask.
  const words = rootMasks.map((ms) => (ms.length + 31) >>> 5)
  const rows = rootMasks.map((ms, i) => {
    const w = words[i]!
    const row = new Uint32Array((MAX_SPAN + 1) * w)
    ms.forEach((gm, k) => {
      for (let b = 1; b <= MAX_SPAN; b++)
        if (gm & (1 << b)) row[b * w + (k >>> 5)]! |= 1 << (k & 31)
    })
    return row
  })
  const scratch = new Uint32Array(words.reduce((s, w) => s + w, 0) + 1)
  let sp = 0

  // State arrays: value of the best completion from a state, and the choice that achieves it.
  const cov: number[] = [0]
  const grp: number[] = [0]
  const ine: number[] = [0]
  const pick: number[] = [-1]
  const nextState: number[] = [-1]
  const atPos: number[] = [m]
  const memo: Map<number, number>[] = Array.from({ length: m }, () => new Map())
  const solve = (i: number, mask: number): number => {
    while (i < m && mask & 1) {
      i++
      mask >>>= 1
    }
    if (i >= m) return 0
    const known = memo[i]!.get(mask)
    if (known !== undefined) return known
    if (cov.length > budget.maxStates) throw new OverBudget()
    const skip = solve(i + 1, mask >>> 1)
    let bc = cov[skip]!
    let bg = grp[skip]!
    let bi = ine[skip]!
    let choice = -1
    let follow = skip
    const n = rootMasks[i]!.length
    if (n > 0) {
      const w = words[i]!
      const row = rows[i]!
      const base = sp
      sp += w
      for (let k = 0; k < w; k++)
        scratch[base + k] = k === w - 1 && n & 31 ? (1 << (n & 31)) - 1 : -1
      for (let mm = mask; mm !== 0; mm &= mm - 1) {
        const b = 31 - Math.clz32(mm & -mm)
        for (let k = 0; k < w; k++) scratch[base + k]! &= ~row[b * w + k]!
      }
      for (let k = 0; k < w; k++) {
        for (let bits = scratch[base + k]!; bits !== 0; bits &= bits - 1) {
          const g = (k << 5) + 31 - Math.clz32(bits & -bits)
          const s = solve(i + 1, (rootMasks[i]![g]! | mask) >>> 1)
          const c = cov[s]! + rootSizes[i]![g]!
          const gr = grp[s]! + 1
          const v = ine[s]! + rootInertia[i]![g]!
          if (compareValue(priority, c, gr, v, bc, bg, bi) > 0) {
            bc = c
            bg = gr
            bi = v
            choice = g
            follow = s
          }
        }
      }
      sp = base
    }
    const id = cov.length
    cov.push(bc)
    grp.push(bg)
    ine.push(bi)
    pick.push(choice)
    nextState.push(follow)
    atPos.push(i)
    memo[i]!.set(mask, id)
    return id
  }
  let top: number
  try {
    top = solve(0, 0)
  } catch (err) {
    if (err instanceof OverBudget) return null
    throw err
  }
  const groups: number[][] = []
  for (let s = top; s > 0; s = nextState[s]!) {
    const k = pick[s]!
    if (k < 0) continue
    const lo = atPos[s]!
    const mask = rootMasks[lo]![k]!
    const members: number[] = []
    for (let off = 0; off <= MAX_SPAN; off++) if (mask & (1 << off)) members.push(order[lo + off]!)
    groups.push(members)
  }
  return { groups, covered: cov[top]!, count: grp[top]!, inertia: ine[top]! }
}
