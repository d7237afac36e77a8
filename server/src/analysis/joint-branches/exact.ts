/**
 * The exact optimum by a set-packing MILP solved with HiGHS (WebAssembly), for tests and benchmarks on
 * instances up to ~40 units. Self-contained on purpose: it enumerates groups its own way (breadth-first
 * growth with de-duplication, not the solver's ESU) and checks rules its own way, so agreement with the
 * solver is evidence, not an echo. Not used by `solveJointBranches`.
 */
import type { JointEdge, JointRules, JointUnit } from './types.ts'

export interface ExactOptions {
  /** Which objective comes first; the other is second. Default 'covered' (the solver's order). */
  priority?: 'covered' | 'groups'
  /** Refuse instances with more valid groups than this. Default 200,000. */
  maxColumns?: number
}

export interface ExactResult {
  coveredUnits: number
  groups: number
  /** The optimal plan: unit ids of each group, ascending. */
  plan: number[][]
  /** Valid groups enumerated (MILP columns). */
  columns: number
}

// Must match the solver's published tolerance (RADIUS_TOLERANCE_M): a point exactly on the limit is in.
const RADIUS_SLACK_M = 1e-6

/** Every valid group: connected in the edges (community-filtered when the rule is on), every rule met. */
export function enumerateValidGroups(
  units: readonly JointUnit[],
  edges: readonly JointEdge[],
  rules: JointRules,
  maxColumns = 200_000,
): number[][] {
  // Without a compound ceiling every connected subset is a column: small instances only.
  const maxSize = rules.maxCompounds ?? units.length
  const byId = new Map(units.map((u) => [u.id, u]))
  const nbrs = new Map<number, Set<number>>(units.map((u) => [u.id, new Set()]))
  for (const { a, b } of edges) {
    const ua = byId.get(a)
    const ub = byId.get(b)
    if (!ua || !ub || a === b) continue
    if (rules.sameCommunity && ua.communityId !== ub.communityId) continue
    nbrs.get(a)!.add(b)
    nbrs.get(b)!.add(a)
  }
  const valid = (ids: readonly number[]) => {
    const us = ids.map((id) => byId.get(id)!)
    const total = us.reduce((s, u) => s + u.membersFull, 0)
    if (total < rules.minMembers - 1e-9) return false
    if (rules.radiusM === null) return true
    const cx = us.reduce((s, u) => s + u.x, 0) / us.length
    const cy = us.reduce((s, u) => s + u.y, 0) / us.length
    return us.every((u) => Math.hypot(u.x - cx, u.y - cy) <= rules.radiusM! + RADIUS_SLACK_M)
  }
  const overCeiling = (ids: readonly number[]) =>
    rules.maxMembers !== null &&
    ids.reduce((s, id) => s + byId.get(id)!.membersFull, 0) > rules.maxMembers + 1e-9
  const out: number[][] = []
  let layer = units.map((u) => [u.id]).filter((s) => !overCeiling(s))
  for (let size = 1; layer.length; size++) {
    for (const s of layer) if (valid(s)) out.push(s)
    if (out.length > maxColumns) throw new RangeError(`more than ${maxColumns} valid groups`)
    if (size === maxSize) break
    const next = new Map<string, number[]>()
    for (const s of layer) {
      for (const id of s) {
        for (const v of nbrs.get(id)!) {
          if (s.includes(v)) continue
          const grown = [...s, v].sort((p, q) => p - q)
          const key = grown.join(',')
          if (!next.has(key) && !overCeiling(grown)) next.set(key, grown)
        }
      }
    }
    layer = [...next.values()]
  }
  return out
}

/** Exact optimum (units covered, then groups, or the reverse) by a set-packing MILP in HiGHS; async (loads WASM). */
export async function solveJointExact(
  units: readonly JointUnit[],
  edges: readonly JointEdge[],
  rules: JointRules,
  options: ExactOptions = {},
): Promise<ExactResult> {
  const priority = options.priority ?? 'covered'
  const columns = enumerateValidGroups(units, edges, rules, options.maxColumns)
  if (columns.length === 0) return { coveredUnits: 0, groups: 0, plan: [], columns: 0 }
  // Weights make the objective lexicographic: the second term never exceeds the number of units.
  const big = units.length + 1
  const weight = (g: number[]) => (priority === 'covered' ? big * g.length + 1 : g.length + big)
  const uses = new Map<number, string[]>()
  columns.forEach((g, j) => {
    for (const id of g) uses.set(id, [...(uses.get(id) ?? []), `x${j}`])
  })
  const lines = ['Maximize', ...wrap(['obj:', ...columns.map((g, j) => `+ ${weight(g)} x${j}`)])]
  lines.push('Subject To')
  for (const [id, xs] of uses) {
    if (xs.length < 2) continue
    lines.push(...wrap([`u${id}:`, ...xs.map((x) => `+ ${x}`), '<= 1']))
  }
  lines.push('Binary', ...wrap(columns.map((_, j) => `x${j}`)), 'End')
  const { default: loadHighs } = await import('highs')
  const highs = await loadHighs()
  const result = highs.solve(lines.join('\n'), { output_flag: false, mip_rel_gap: 0 })
  if (result.Status !== 'Optimal') throw new Error(`HiGHS ended with status ${result.Status}`)
  const plan = columns.filter((_, j) => (result.Columns[`x${j}`]?.Primal ?? 0) > 0.5)
  return {
    coveredUnits: plan.reduce((s, g) => s + g.length, 0),
    groups: plan.length,
    plan,
    columns: columns.length,
  }
}

// LP-format lines stay short; a term may continue on the next line.
function wrap(terms: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < terms.length; i += 16) out.push(' ' + terms.slice(i, i + 16).join(' '))
  return out
}
