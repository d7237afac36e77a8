// The organisation rules (DOMAIN.md) for one proposed branch, as pass/fail lines with their numbers.
// Pure: imported by the server (plan adoption) and by the page (instant checks while editing), so no
// node or server imports beyond the joint-branch solver's pure geometry.
import { groupRadiusM } from '../analysis/joint-branches/geometry.ts'
import { RADIUS_TOLERANCE_M } from '../analysis/joint-branches/problem.ts'

export interface RuleSettings {
  minMembers: number
  maxCompounds: number
  maxMembers: number
  gapM: number
  radiusM: number
}

export interface CompoundFacts {
  id: number
  /** Full members (正式党员). */
  members: number
  /** The community's area id; the API sends area codes as strings, so either form compares. */
  communityId: number | string
  lng: number
  lat: number
}

export type CheckId =
  'members_min' | 'compounds_max' | 'members_max' | 'contiguous' | 'one_community' | 'radius'

export interface CheckResult {
  id: CheckId
  pass: boolean
  value: number
  limit: number
  /** A hard rule blocks adoption; a warning may be kept with a written reason. */
  hard: boolean
}

/** Every check in display order; the first three are hard rules. */
export const CHECK_IDS: readonly CheckId[] = [
  'members_min',
  'compounds_max',
  'members_max',
  'contiguous',
  'one_community',
  'radius',
]

/** Rules that block adoption outright; the others are warnings a planner may override with a reason. */
export const HARD_CHECKS: ReadonlySet<CheckId> = new Set([
  'members_min',
  'compounds_max',
  'members_max',
])

/**
 * Metres per degree of longitude and latitude at a latitude (deg): the local planar frame the
 * joint-branch analysis projects compounds into; accurate to well under 1% over a city.
 */
export function metresPerDegree(latDeg: number): { lng: number; lat: number } {
  return {
    lng: 111_412.84 * Math.cos((latDeg * Math.PI) / 180),
    lat: 111_132.954 - 559.822 * Math.cos((2 * latDeg * Math.PI) / 180),
  }
}

/** Planar points (m) around the points' mean, for the solver's centre and radius definitions. */
export function toLocalMetres(
  points: readonly { lng: number; lat: number }[],
): { x: number; y: number }[] {
  if (points.length === 0) return []
  const lng0 = points.reduce((s, p) => s + p.lng, 0) / points.length
  const lat0 = points.reduce((s, p) => s + p.lat, 0) / points.length
  const m = metresPerDegree(lat0)
  return points.map((p) => ({ x: (p.lng - lng0) * m.lng, y: (p.lat - lat0) * m.lat }))
}

/**
 * Connected pieces of the members under the adjacency (0 for no members; 1 means contiguous). A pair
 * listed in one direction only still joins, so a half-built map cannot split a branch.
 */
export function countPieces(
  ids: readonly number[],
  adjacency: ReadonlyMap<number, ReadonlySet<number>>,
): number {
  const parent = new Map<number, number>()
  for (const id of ids) parent.set(id, id)
  const root = (a: number): number => {
    let r = a
    while (parent.get(r) !== r) r = parent.get(r)!
    while (parent.get(a) !== r) {
      const next = parent.get(a)!
      parent.set(a, r)
      a = next
    }
    return r
  }
  let pieces = parent.size
  for (const a of parent.keys()) {
    for (const b of adjacency.get(a) ?? []) {
      if (!parent.has(b)) continue
      const ra = root(a)
      const rb = root(b)
      if (ra !== rb) {
        parent.set(ra, rb)
        pieces--
      }
    }
  }
  return pieces
}

/**
 * Checks one branch against every rule, in `CHECK_IDS` order. Members are summed over distinct ids;
 * the radius is the joint-branch solver's (largest distance from the mean of the member points, m,
 * inclusive at the limit). Throws on an id missing from `facts` (a caller bug: the page and server
 * both load every compound of the plan's area).
 */
export function checkBranch(
  compoundIds: readonly number[],
  facts: ReadonlyMap<number, CompoundFacts>,
  adjacency: ReadonlyMap<number, ReadonlySet<number>>,
  rules: RuleSettings,
): CheckResult[] {
  const ids = [...new Set(compoundIds)]
  const members: CompoundFacts[] = ids.map((id) => {
    const f = facts.get(id)
    if (!f) throw new RangeError(`compound ${id} has no facts`)
    return f
  })
  const total = members.reduce((s, f) => s + f.members, 0)
  const communities = new Set(members.map((f) => String(f.communityId))).size
  const radiusM = groupRadiusM(toLocalMetres(members))
  const pieces = countPieces(ids, adjacency)
  const line = (id: CheckId, pass: boolean, value: number, limit: number): CheckResult => ({
    id,
    pass,
    value,
    limit,
    hard: HARD_CHECKS.has(id),
  })
  return [
    line('members_min', total >= rules.minMembers, total, rules.minMembers),
    line('compounds_max', ids.length <= rules.maxCompounds, ids.length, rules.maxCompounds),
    line('members_max', total <= rules.maxMembers, total, rules.maxMembers),
    line('contiguous', pieces <= 1, pieces, 1),
    line('one_community', communities <= 1, communities, 1),
    line('radius', radiusM <= rules.radiusM + RADIUS_TOLERANCE_M, radiusM, rules.radiusM),
  ]
}

/** Adjacency map from the unordered pairs `/api/plans/{id}/context` returns. */
export function adjacencyFromPairs(
  pairs: readonly (readonly [number, number])[],
): Map<number, Set<number>> {
  const adj = new Map<number, Set<number>>()
  const link = (a: number, b: number) => {
    let s = adj.get(a)
    if (!s) adj.set(a, (s = new Set()))
    s.add(b)
  }
  for (const [a, b] of pairs) {
    link(a, b)
    link(b, a)
  }
  return adj
}
