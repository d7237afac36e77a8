/**
 * Independent checks of a solver result for the tests: every rule recomputed from the input alone, with
 * no solver code involved, so a bug in the solver's own checks cannot hide here.
 */
import type { JointEdge, JointResult, JointRules, JointUnit } from './types.ts'

const REASONS = new Set([
  'exceeds_ceiling',
  'isolated',
  'component_too_small',
  'community_too_small',
  'too_far',
  'not_placed',
])

/** Every broken rule or inconsistency in `result`, as sentences; empty when the result is sound. */
export function violations(
  units: readonly JointUnit[],
  edges: readonly JointEdge[],
  rules: JointRules,
  result: JointResult,
): string[] {
  const out: string[] = []
  const byId = new Map(units.map((u) => [u.id, u]))
  const linked = new Set(edges.map((e) => `${Math.min(e.a, e.b)},${Math.max(e.a, e.b)}`))
  const placed = new Map<number, number>()
  result.groups.forEach((g, k) => {
    const name = `group ${k} [${g.unitIds.join(',')}]`
    const us = g.unitIds.map((id) => byId.get(id))
    if (us.length === 0 || us.some((u) => !u)) return out.push(`${name}: unknown or no units`)
    const members = us.map((u) => u!)
    for (const u of members) {
      if (placed.has(u.id)) out.push(`unit ${u.id} in groups ${placed.get(u.id)} and ${k}`)
      placed.set(u.id, k)
    }
    const total = members.reduce((s, u) => s + u.membersFull, 0)
    if (total < rules.minMembers - 1e-9) out.push(`${name}: ${total} members below the floor`)
    if (rules.maxMembers !== null && total > rules.maxMembers + 1e-9)
      out.push(`${name}: ${total} members above the ceiling`)
    if (rules.maxCompounds !== null && members.length > rules.maxCompounds)
      out.push(`${name}: ${members.length} compounds above the ceiling`)
    if (rules.sameCommunity && new Set(members.map((u) => u.communityId)).size > 1)
      out.push(`${name}: spans communities`)
    const cx = members.reduce((s, u) => s + u.x, 0) / members.length
    const cy = members.reduce((s, u) => s + u.y, 0) / members.length
    const radius = Math.max(...members.map((u) => Math.hypot(u.x - cx, u.y - cy)))
    if (rules.radiusM !== null && radius > rules.radiusM + 1e-6)
      out.push(`${name}: radius ${radius} m above ${rules.radiusM} m`)
    const seen = new Set([members[0]!.id])
    for (let grew = true; grew;) {
      grew = false
      for (const u of members)
        for (const v of members)
          if (
            seen.has(u.id) &&
            !seen.has(v.id) &&
            linked.has(`${Math.min(u.id, v.id)},${Math.max(u.id, v.id)}`)
          ) {
            seen.add(v.id)
            grew = true
          }
    }
    if (seen.size !== members.length) out.push(`${name}: not contiguous`)
    if (Math.abs(g.members - total) > 1e-9)
      out.push(`${name}: reports ${g.members} members, has ${total}`)
    const hh = members.reduce((s, u) => s + u.households, 0)
    if (Math.abs(g.households - hh) > 1e-6) out.push(`${name}: reports ${g.households} households`)
    if (Math.hypot(g.centre.x - cx, g.centre.y - cy) > 1e-6) out.push(`${name}: wrong centre`)
    if (Math.abs(g.radiusM - radius) > 1e-6) out.push(`${name}: reports radius ${g.radiusM}`)
  })
  const left = new Set<number>()
  for (const l of result.leftovers) {
    if (placed.has(l.unitId)) out.push(`unit ${l.unitId} is both placed and a leftover`)
    if (left.has(l.unitId)) out.push(`unit ${l.unitId} is a leftover twice`)
    if (!REASONS.has(l.reason) || !l.detail) out.push(`unit ${l.unitId}: no valid reason`)
    left.add(l.unitId)
  }
  for (const u of units)
    if (!placed.has(u.id) && !left.has(u.id)) out.push(`unit ${u.id} neither placed nor a leftover`)
  if (result.stats.coveredUnits !== placed.size) out.push('stats.coveredUnits disagrees')
  if (result.stats.groups !== result.groups.length) out.push('stats.groups disagrees')
  return out
}
