import { JointInputError } from './types.ts'
import type { JointEdge, JointRules, JointUnit } from './types.ts'

/** Rules with every switched-off ceiling as Infinity, so comparisons need no null checks. */
export interface Limits {
  floor: number
  maxUnits: number
  maxMembers: number
  radiusM: number
  sameCommunity: boolean
  /**
   * No compound or member ceiling and no radius (classic max-p): any unit left out can join a neighbouring
   * group, so only inclusion-minimal groups need enumerating and coverage follows from absorption.
   */
  uncapped: boolean
}

/** The input as flat arrays indexed 0..n-1 (input order), plus the graphs the solver works on. */
export interface Problem {
  n: number
  ids: number[]
  w: Float64Array
  hh: Float64Array
  x: Float64Array
  y: Float64Array
  community: Int32Array
  communityNames: string[]
  limits: Limits
  /** Neighbours a group may use: input edges, minus cross-community ones when the community rule is on. */
  adj: number[][]
  /** Neighbours in the input graph, ignoring communities (for leftover reasons). */
  rawAdj: number[][]
  /** Connected components of `adj`, each ascending. */
  comps: number[][]
  compOf: Int32Array
  /** Total members of each unit's component in the input graph. */
  rawCompMembers: Float64Array
}

// Floating-point slack (m) on the radius rule, so a member exactly on the limit stays inside.
export const RADIUS_TOLERANCE_M = 1e-6
// Slack on member sums, which are integers in practice but may arrive as floats.
export const MEMBER_TOLERANCE = 1e-9

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Checks rules and turns them into limits; throws JointInputError naming the parameter. */
export function toLimits(rules: JointRules): Limits {
  const { minMembers, maxCompounds, maxMembers, radiusM, sameCommunity } = rules
  if (!finite(minMembers) || minMembers <= 0)
    throw new JointInputError(
      'minMembers',
      `minMembers must be a positive number, got ${minMembers}`,
    )
  if (maxCompounds !== null && (!Number.isInteger(maxCompounds) || maxCompounds < 1))
    throw new JointInputError(
      'maxCompounds',
      `maxCompounds must be an integer >= 1 or null, got ${maxCompounds}`,
    )
  if (maxMembers !== null && (!finite(maxMembers) || maxMembers < minMembers))
    throw new JointInputError(
      'maxMembers',
      `maxMembers must be >= minMembers (${minMembers}) or null, got ${maxMembers}`,
    )
  if (radiusM !== null && (!finite(radiusM) || radiusM < 0))
    throw new JointInputError('radiusM', `radiusM must be a number >= 0 or null, got ${radiusM}`)
  if (typeof sameCommunity !== 'boolean')
    throw new JointInputError('sameCommunity', `sameCommunity must be a boolean`)
  return {
    floor: minMembers,
    maxUnits: maxCompounds ?? Infinity,
    maxMembers: maxMembers ?? Infinity,
    radiusM: radiusM ?? Infinity,
    sameCommunity,
    uncapped: maxCompounds === null && maxMembers === null && radiusM === null,
  }
}

/** Validates units and edges and builds the flat problem; O(units + edges). */
export function buildProblem(
  units: readonly JointUnit[],
  edges: readonly JointEdge[],
  rules: JointRules,
): Problem {
  const limits = toLimits(rules)
  const n = units.length
  const index = new Map<number, number>()
  const w = new Float64Array(n)
  const hh = new Float64Array(n)
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  const community = new Int32Array(n)
  const communityIndex = new Map<string, number>()
  const communityNames: string[] = []
  units.forEach((u, i) => {
    if (!Number.isInteger(u.id))
      throw new JointInputError('units', `unit id must be an integer, got ${u.id}`)
    if (index.has(u.id)) throw new JointInputError('units', `unit id ${u.id} appears twice`)
    if (!finite(u.membersFull) || u.membersFull < 0)
      throw new JointInputError(
        'units',
        `unit ${u.id}: membersFull must be >= 0, got ${u.membersFull}`,
      )
    if (!finite(u.households) || u.households < 0)
      throw new JointInputError(
        'units',
        `unit ${u.id}: households must be >= 0, got ${u.households}`,
      )
    if (!finite(u.x) || !finite(u.y))
      throw new JointInputError('units', `unit ${u.id}: x and y must be finite metres`)
    if (typeof u.communityId !== 'string')
      throw new JointInputError('units', `unit ${u.id}: communityId must be a string`)
    index.set(u.id, i)
    w[i] = u.membersFull
    hh[i] = u.households
    x[i] = u.x
    y[i] = u.y
    let c = communityIndex.get(u.communityId)
    if (c === undefined) {
      c = communityNames.length
      communityIndex.set(u.communityId, c)
      communityNames.push(u.communityId)
    }
    community[i] = c
  })

  const rawSets: Set<number>[] = Array.from({ length: n }, () => new Set<number>())
  for (const e of edges) {
    const a = index.get(e.a)
    const b = index.get(e.b)
    if (a === undefined || b === undefined)
      throw new JointInputError('edges', `edge ${e.a}-${e.b} names a unit that is not in units`)
    if (a === b) continue // a self-loop says nothing about contiguity
    rawSets[a]!.add(b)
    rawSets[b]!.add(a)
  }
  const rawAdj = rawSets.map((s) => [...s].sort((p, q) => p - q))
  const adj = limits.sameCommunity
    ? rawAdj.map((ns, i) => ns.filter((j) => community[j] === community[i]))
    : rawAdj
  const { comps, compOf } = components(n, adj)
  const raw = components(n, rawAdj)
  const rawCompMembers = new Float64Array(n)
  for (const comp of raw.comps) {
    const total = comp.reduce((s, i) => s + w[i]!, 0)
    for (const i of comp) rawCompMembers[i] = total
  }
  return {
    n,
    ids: units.map((u) => u.id),
    w,
    hh,
    x,
    y,
    community,
    communityNames,
    limits,
    adj,
    rawAdj,
    comps,
    compOf,
    rawCompMembers,
  }
}

/** Connected components of an adjacency list, each ascending, in order of smallest member. */
export function components(n: number, adj: readonly (readonly number[])[]) {
  const compOf = new Int32Array(n).fill(-1)
  const comps: number[][] = []
  const stack: number[] = []
  for (let s = 0; s < n; s++) {
    if (compOf[s] !== -1) continue
    const id = comps.length
    const comp: number[] = []
    compOf[s] = id
    stack.push(s)
    while (stack.length) {
      const v = stack.pop()!
      comp.push(v)
      for (const u of adj[v]!) {
        if (compOf[u] === -1) {
          compOf[u] = id
          stack.push(u)
        }
      }
    }
    comps.push(comp.sort((p, q) => p - q))
  }
  return { comps, compOf }
}
