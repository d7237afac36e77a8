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
  return { covered: Math.min(units, maxUnits * groups), groups }
}

/** Sums per-component bounds: exact optima where known, the counting bound elsewhere. */
export function computeBound(
  p: Problem,
  coverable: Uint8Array,
  exact: ReadonlyMap<number, ExactComponent>,
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
    maxCoveredUnits += b.covered
    maxGroups += b.groups
    if (b.groups > 0) counted++
  })
  const { floor, maxUnits } = p.limits
  const parts = [
    `per connected component${p.limits.sameCommunity ? ' within a community' : ''}`,
    `${exact.size} component(s) proven optimal (bound = optimum)`,
    `${counted} other component(s) with groups: units that fit some valid group, ` +
      `groups <= floor(sum of min(members, ${floor}) / ${floor})` +
      (maxUnits !== Infinity ? `, covered <= ${maxUnits} x groups` : ''),
  ]
  return { maxCoveredUnits, maxGroups, how: parts.join('; ') }
}
