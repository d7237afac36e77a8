import type { Xy } from './geometry.ts'
import type { Rng } from './prng.ts'
import type { MemberClass } from './types.ts'

/** What the member-class step needs to know about each compound. */
export interface MemberInput {
  isOld: boolean
  communityId: string
  blockId: string
  remote: boolean
  households: number
  centre: Xy
  /** Indices of compounds of the same community safely within the joint-branch gap (touching or across a street). */
  neighbours: number[]
  /** Indices of compounds of the same community within the gap plus a margin: a scattered compound has none that is small. */
  near: number[]
}
export interface MemberPlan {
  classes: MemberClass[]
  /** Full members per compound. */
  full: number[]
  /** Contiguous groups of 2-5 clustered compounds that reach 3 full members together (indices). */
  groups: number[][]
}

/** Target shares of old compounds (DOMAIN.md: 2,242 + should-build, 4,515 grouped, 511 scattered of 11,000). */
export const CLASS_SHARE = { clustered: 0.41, scattered: 0.046 }
const GROUP_RADIUS_M = 450

/**
 * Decides which old compounds have >= 3 full members and which are small, from a spatially smooth latent
 * score (community, block, compound), so that small compounds cluster where joint branches are feasible;
 * small compounds with no small neighbour are the scattered ones. Then draws full-member counts.
 */
export function planMembers(rng: Rng, items: readonly MemberInput[]): MemberPlan {
  const zc = new Map<string, number>()
  const zb = new Map<string, number>()
  const field = (m: Map<string, number>, key: string) =>
    m.get(key) ?? (m.set(key, rng.normal()), m.get(key) as number)
  const old = items
    .map((it, i) => [it, i] as const)
    .filter(([it]) => it.isOld)
    .map(([, i]) => i)
  const latent = new Map<number, number>()
  for (const i of old) {
    const it = items[i] as MemberInput
    const score =
      field(zc, it.communityId) +
      0.7 * field(zb, it.blockId) +
      0.6 * rng.normal() +
      0.5 * Math.log(it.households / 500) -
      (it.remote ? 1.5 : 0)
    latent.set(i, score)
  }
  const ranked = old.slice().sort((a, b) => (latent.get(a) as number) - (latent.get(b) as number))
  const small = new Set<number>()
  // Classes use the wider `near` list and groups the narrower `neighbours`, so that a pair straddling the
  // gap tolerance is never called scattered nor grouped.
  const smallNeighbours = (i: number) =>
    (items[i] as MemberInput).near.filter((j) => small.has(j)).length
  const clusteredCount = () => [...small].filter((i) => smallNeighbours(i) > 0).length
  // Bisection on the share of small compounds until the clustered ones hit their target.
  let lo = 0.2
  let hi = 0.8
  for (let k = 0; k < 18; k++) {
    const q = (lo + hi) / 2
    small.clear()
    ranked.slice(0, Math.round(q * old.length)).forEach((i) => small.add(i))
    if (clusteredCount() < CLASS_SHARE.clustered * old.length) lo = q
    else hi = q
  }
  const scatteredTarget = Math.round(CLASS_SHARE.scattered * old.length)
  let singles = [...small].filter((i) => smallNeighbours(i) === 0)
  if (singles.length > scatteredTarget) {
    // The best-placed singles get members enough for a branch of their own.
    singles.sort((a, b) => (latent.get(b) as number) - (latent.get(a) as number))
    singles.slice(0, singles.length - scatteredTarget).forEach((i) => small.delete(i))
  } else {
    // Too few: demote isolated compounds (no small neighbour), remote and weakest first.
    for (const i of ranked) {
      if (singles.length >= scatteredTarget) break
      if (small.has(i) || smallNeighbours(i) > 0) continue
      small.add(i)
      singles.push(i)
    }
  }
  singles = [...small].filter((i) => smallNeighbours(i) === 0)
  const classes: MemberClass[] = items.map((it) => (it.isOld ? 'branch' : 'new'))
  for (const i of small) classes[i] = smallNeighbours(i) === 0 ? 'scattered' : 'clustered'
  const groups = partition(rng, items, (i) => classes[i] === 'clustered')
  const full = items.map((it) => (it.isOld ? 0 : newCompoundMembers(rng, it.households)))
  for (const i of old)
    if (classes[i] === 'branch') full[i] = bigMembers(rng, (items[i] as MemberInput).households)
  for (const i of singles)
    full[i] = rng.weighted([
      [0, 0.45],
      [1, 0.35],
      [2, 0.2],
    ] as const)
  for (const g of groups) {
    for (const i of g)
      full[i] = rng.weighted([
        [0, 0.25],
        [1, 0.4],
        [2, 0.35],
      ] as const)
    while (g.reduce((s, i) => s + (full[i] as number), 0) < 3) {
      const i = rng.pick(g.filter((j) => (full[j] as number) < 2))
      full[i] = (full[i] as number) + 1
    }
  }
  // A clustered compound the partition could not place in any group gets a branch of its own.
  const grouped = new Set(groups.flat())
  for (const i of old) {
    if (classes[i] === 'clustered' && !grouped.has(i)) {
      classes[i] = 'branch'
      full[i] = rng.int(3, 5)
    }
  }
  return { classes, full, groups }
}

/** Full members of an old compound with a branch: >= 3, skewed (median ~13), more in larger compounds. */
function bigMembers(rng: Rng, households: number): number {
  return Math.max(
    3,
    Math.round(3 + 10 * Math.exp(0.75 * rng.normal()) * Math.sqrt(households / 500)),
  )
}

/** Full members living in a new estate (about 1% of households, often unreported). */
function newCompoundMembers(rng: Rng, households: number): number {
  return Math.max(0, Math.round(households * 0.008 * Math.exp(0.8 * rng.normal()) - 1))
}

/**
 * Partitions the compounds `eligible` accepts into contiguous groups of 2-5 within one community, each
 * member within 450 m of the group's mean centre (the joint-branch radius, with margin), grown
 * breadth-first from the most peripheral compound so that few are stranded.
 */
function partition(
  rng: Rng,
  items: readonly MemberInput[],
  eligible: (i: number) => boolean,
): number[][] {
  const free = new Set(items.map((_, i) => i).filter(eligible))
  const freeDegree = (i: number) =>
    (items[i] as MemberInput).neighbours.filter((j) => free.has(j)).length
  const groups: number[][] = []
  const groupOf = new Map<number, number[]>()
  const order = [...free].sort((a, b) => freeDegree(a) - freeDegree(b))
  for (const start of order) {
    if (!free.has(start)) continue
    const size = rng.weighted([
      [2, 0.2],
      [3, 0.35],
      [4, 0.3],
      [5, 0.15],
    ] as const)
    const group = [start]
    free.delete(start)
    for (let k = 0; k < group.length && group.length < size; k++) {
      const next = (items[group[k] as number] as MemberInput).neighbours
        .filter((j) => free.has(j))
        .sort((a, b) => freeDegree(a) - freeDegree(b))
      for (const j of next) {
        if (group.length >= size) break
        if (!compact(items, [...group, j])) continue
        group.push(j)
        free.delete(j)
      }
    }
    if (group.length >= 2) {
      groups.push(group)
      group.forEach((i) => groupOf.set(i, group))
      continue
    }
    // Stranded: join a neighbouring group that still has room and stays within the radius.
    const host = (items[start] as MemberInput).neighbours
      .map((j) => groupOf.get(j))
      .find((g): g is number[] => g !== undefined && g.length < 5 && compact(items, [...g, start]))
    if (host) {
      host.push(start)
      groupOf.set(start, host)
    }
  }
  return groups
}

/** Whether every compound of a group lies within the joint-branch radius of the group's mean centre. */
function compact(items: readonly MemberInput[], group: readonly number[]): boolean {
  const cs = group.map((i) => (items[i] as MemberInput).centre)
  const mx = cs.reduce((s, c) => s + c[0], 0) / cs.length
  const my = cs.reduce((s, c) => s + c[1], 0) / cs.length
  return cs.every((c) => Math.hypot(c[0] - mx, c[1] - my) <= GROUP_RADIUS_M)
}

/**
 * Stretches the member counts of old compounds with branches (keeping each >= 3) so that all old compounds
 * together hold `targetFull` full members; returns the new counts.
 */
export function calibrateFull(
  full: readonly number[],
  classes: readonly MemberClass[],
  targetFull: number,
): number[] {
  let fixed = 0
  let stretch = 0
  classes.forEach((c, i) => {
    if (c === 'branch') stretch += (full[i] as number) - 3
    else if (c !== 'new') fixed += full[i] as number
  })
  const branches = classes.filter((c) => c === 'branch').length
  const k = stretch > 0 ? Math.max(0.2, (targetFull - fixed - 3 * branches) / stretch) : 1
  return full.map((f, i) => (classes[i] === 'branch' ? 3 + Math.round((f - 3) * k) : f))
}
