import { enumerateGroups, subgraph } from './enumerate.ts'
import { MEMBER_TOLERANCE } from './problem.ts'
import type { Problem } from './problem.ts'
import type { JointBound } from './types.ts'

/** A component proven optimal: its most coverable units and the most groups any plan forms there. */
export interface ExactComponent {
  covered: number
  maxGroups: number
}

/**
 * Counting bound for one component, true for any valid plan: covered <= units that can be in some valid
 * group; each group holds >= floor members, and a unit adds at most min(members, floor) towards that, so
 * groups <= floor(sum min(members, floor) / floor) over those units; covered <= ceiling x groups.
 */
export function countingBound(p: Problem, comp: readonly number[], coverable: Uint8Array) {
  const { floor, maxUnits } = p.limits
  let units = 0
  let capped = 0
  for (const u of comp) {
    if (!coverable[u]) continue
    units++
    capped += Math.min(p.w[u]!, floor)
  }
  const groups = Math.floor(capped / floor + MEMBER_TOLERANCE)
  return { covered: maxUnits === Infinity ? units : Math.min(units, maxUnits * groups), groups }
}

/**
 * What each unit can still contribute towards floors, net of waste it cannot avoid. A group's waste is
 * its capped members beyond the floor. Deductions d(u) >= 0 whose sum over the members of every group
 * stays within that group's waste keep floor x groups <= sum of (capped - d) over covered units, for any
 * packing of those groups. They start as an even split of each group's waste over its members with
 * members, then rise unit by unit as far as every group allows (coordinate ascent on the dual of the
 * counting bound). Indices are local to `capped`; units in no group keep their capped members.
 */
export function deductWaste(
  capped: readonly number[],
  groups: readonly { members: readonly number[]; waste: number }[],
): number[] {
  const positive = groups.map((g) => g.members.filter((v) => capped[v]! > 0))
  const of: number[][] = capped.map(() => [])
  positive.forEach((ms, j) => ms.forEach((v) => of[v]!.push(j)))
  const cut = capped.map((c, v) => {
    let d = c
    for (const j of of[v]!) d = Math.min(d, groups[j]!.waste / positive[j]!.length)
    return d
  })
  const used = positive.map((ms) => ms.reduce((s, v) => s + cut[v]!, 0))
  for (let sweep = 0; sweep < 3; sweep++) {
    for (let v = 0; v < capped.length; v++) {
      if (of[v]!.length === 0) continue
      let most = capped[v]!
      for (const j of of[v]!) most = Math.min(most, groups[j]!.waste - used[j]! + cut[v]!)
      const raise = most - cut[v]!
      if (raise <= 1e-12) continue
      cut[v] = most
      for (const j of of[v]!) used[j]! += raise
    }
  }
  return capped.map((c, v) => (of[v]!.length === 0 ? c : Math.max(0, c - cut[v]!)))
}

/**
 * A tighter bound for a component left heuristic: enumerate its valid groups (within `maxVisits`), count
 * only units that lie in one, and deduct unavoidable waste before dividing by the floor. Null when the
 * enumeration runs out of budget.
 */
export function enumeratedBound(
  p: Problem,
  comp: readonly number[],
  coverable: Uint8Array,
  maxVisits: number,
): { covered: number; groups: number } | null {
  const sub = subgraph(p, comp)
  const { floor, maxUnits } = p.limits
  const capped = sub.w.map((w) => Math.min(w, floor))
  const groups: { members: number[]; waste: number }[] = []
  const inSome = new Uint8Array(comp.length)
  const end = enumerateGroups(
    sub,
    p.limits,
    (set, size) => {
      const members = set.slice(0, size)
      let c = 0
      for (const v of members) {
        c += capped[v]!
        inSome[v] = 1
      }
      groups.push({ members, waste: c - floor })
    },
    { maxVisits, stopAtFloor: p.limits.uncapped },
  )
  if (end !== 'done') return null
  const room = deductWaste(capped, groups)
  let units = 0
  let left = 0
  comp.forEach((u, v) => {
    // Uncapped groups are only the minimal ones; the other units are covered by absorption.
    if (coverable[u] && (inSome[v] || p.limits.uncapped)) units++
    if (inSome[v]) left += room[v]!
  })
  const most = Math.floor(left / floor + MEMBER_TOLERANCE)
  return { covered: maxUnits === Infinity ? units : Math.min(units, maxUnits * most), groups: most }
}

/** Sums per-component bounds: exact optima where known, the counting bound elsewhere. */
export function computeBound(
  p: Problem,
  coverable: Uint8Array,
  exact: ReadonlyMap<number, ExactComponent>,
  refined: ReadonlyMap<number, { covered: number; groups: number }>,
): JointBound {
  let maxCoveredUnits = 0
  let maxGroups = 0
  let counted = 0
  p.comps.forEach((comp, c) => {
    const known = exact.get(c)
    if (known) {
      maxCoveredUnits += known.covered
      maxGroups += known.maxGroups
      return
    }
    const b = countingBound(p, comp, coverable)
    const r = refined.get(c) ?? b
    maxCoveredUnits += Math.min(b.covered, r.covered)
    maxGroups += Math.min(b.groups, r.groups)
    if (b.groups > 0) counted++
  })
  const { floor, maxUnits } = p.limits
  const parts = [`per connected component${p.limits.sameCommunity ? ' within a community' : ''}`]
  if (exact.size) parts.push(`${exact.size} component(s) proven optimal (bound = optimum)`)
  if (counted)
    parts.push(
      `${counted} other component(s): units that fit some valid group; ` +
        `groups <= floor(sum of min(members, ${floor}) / ${floor})` +
        (refined.size ? ` net of waste no valid group avoids (${refined.size} of them)` : '') +
        (maxUnits !== Infinity ? `; covered <= ${maxUnits} x groups` : ''),
    )
  return { maxCoveredUnits, maxGroups, how: parts.join('; ') }
}
