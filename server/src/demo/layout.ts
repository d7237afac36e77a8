import {
  CITY_OUTLINE,
  CORE_CENTRE,
  CORE_SEAT_RADIUS_M,
  DISTRICTS,
  SMALL_SCALE_ORDER,
  STREET_SHARE,
} from './districts.ts'
import type { DistrictSpec } from './districts.ts'
import { bbox, centroid, pointInRing, signedArea, voronoiCells } from './geometry.ts'
import type { Ring, Xy } from './geometry.ts'
import { toXy } from './frame.ts'
import { placeStem, uniqueName } from './names.ts'
import { rngFor } from './prng.ts'
import type { Rng } from './prng.ts'

/** What kind of neighbourhood a community is: mostly old compounds, new estates with an old remnant, or new. */
export type CommunityKind = 'old' | 'remnant' | 'new'

export interface AreaPlan {
  id: string
  name: string
  ring: Ring
}
export interface StreetPlan extends AreaPlan {
  districtId: string
  isTown: boolean
}
export interface CommunityPlan extends AreaPlan {
  streetId: string
  districtId: string
  kind: CommunityKind
  nOld: number
  nNew: number
}
export interface Layout {
  city: AreaPlan
  districts: (AreaPlan & { spec: DistrictSpec })[]
  streets: StreetPlan[]
  communities: CommunityPlan[]
}

// Full-scale community counts by kind: ~920 communities hold old compounds, 12 on average (DOMAIN.md).
const FULL_COMMUNITIES = 3000
const OLD_KIND_SHARE = 0.26
const REMNANT_SHARE = 0.047

/** Convex hull (Andrew's monotone chain), counter-clockwise. */
function hull(points: readonly Xy[]): Ring {
  const pts = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const cross = (o: Xy, a: Xy, b: Xy) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
  const half = (list: Xy[]) => {
    const out: Xy[] = []
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2] as Xy, out[out.length - 1] as Xy, p) <= 0)
        out.pop()
      out.push(p)
    }
    out.pop()
    return out
  }
  return [...half(pts), ...half(pts.slice().reverse())]
}

/** Random points inside a convex ring, as many as asked (rejection sampling in its bounding box). */
function samplePoints(rng: Rng, ring: Ring, count: number): Xy[] {
  const [x0, y0, x1, y1] = bbox(ring)
  const out: Xy[] = []
  for (let guard = 0; out.length < count && guard < count * 200; guard++) {
    const p: Xy = [rng.uniform(x0, x1), rng.uniform(y0, y1)]
    if (pointInRing(p, ring)) out.push(p)
  }
  return out
}

/** `count` well-spread seeds in a ring, denser where `density` is high (greedy dart throwing). */
function spreadSeeds(rng: Rng, ring: Ring, count: number, density: (p: Xy) => number): Xy[] {
  if (count <= 0) return []
  const candidates = samplePoints(rng, ring, Math.max(60, count * 30))
  // Exponential keys give a weighted order without replacement: dense places are tried first.
  const ordered = candidates
    .map((p) => ({ p, key: -Math.log(1 - rng.next()) / Math.max(1e-3, density(p)) }))
    .sort((a, b) => a.key - b.key)
  let radius = Math.sqrt(signedArea(ring) / count)
  for (;;) {
    const seeds: Xy[] = []
    for (const { p } of ordered) {
      const r = radius / Math.sqrt(Math.max(0.05, density(p)))
      if (seeds.every((s) => Math.hypot(s[0] - p[0], s[1] - p[1]) >= r)) seeds.push(p)
      if (seeds.length === count) return seeds
    }
    radius *= 0.85
    if (radius < 1) return [...seeds, ...ordered.map((o) => o.p)].slice(0, count)
  }
}

/** Moves seeds to their cells' centroids a few times, which evens out cell sizes (Lloyd's relaxation). */
function relax(seeds: Xy[], ring: Ring, rounds: number): Ring[] {
  let cells = voronoiCells(seeds, ring)
  for (let k = 0; k < rounds; k++) {
    seeds = cells.map((c, i) => (c.length >= 3 ? centroid(c) : (seeds[i] as Xy)))
    cells = voronoiCells(seeds, ring)
  }
  return cells
}

/** Splits `total` into integer parts proportional to `weights`, each at least `min` (largest remainder). */
function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const base = weights.map(() => min)
  const rest = total - min * weights.length
  if (rest <= 0) return base
  const sum = weights.reduce((s, w) => s + w, 0) || 1
  const raw = weights.map((w) => (rest * w) / sum)
  const out = raw.map((r, i) => (base[i] as number) + Math.floor(r))
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0])
  let left = total - out.reduce((s, v) => s + v, 0)
  for (const [, i] of order) {
    if (left <= 0) break
    out[i] = (out[i] as number) + 1
    left--
  }
  return out
}

/** District polygons: Voronoi cells of the seats inside the outline; core seats sit on a circle round the centre. */
function districtRings(): Map<string, Ring> {
  const outline = hull(CITY_OUTLINE.map((p) => toXy([p[0], p[1]])))
  const seeds = DISTRICTS.map((d): Xy => {
    if (d.bearingDeg === undefined) return toXy([d.seat[0], d.seat[1]])
    const a = (d.bearingDeg * Math.PI) / 180
    return [
      CORE_CENTRE[0] + CORE_SEAT_RADIUS_M * Math.cos(a),
      CORE_CENTRE[1] + CORE_SEAT_RADIUS_M * Math.sin(a),
    ]
  })
  const cells = voronoiCells(seeds, outline)
  return new Map(DISTRICTS.map((d, i) => [d.code, cells[i] as Ring]))
}

/** Urban intensity at a point (0..1): the old city centre, then each district seat. */
function urbanDensity(p: Xy, spec: DistrictSpec, seat: Xy): number {
  const dc = Math.hypot(p[0], p[1])
  const ds = Math.hypot(p[0] - seat[0], p[1] - seat[1])
  if (spec.ring === 'core') return Math.exp(-((dc / 9000) ** 2))
  return Math.max(0.6 * Math.exp(-((ds / 5000) ** 2)), Math.exp(-((dc / 9000) ** 2)))
}

/** Lays out districts, streets and communities (metric rings) and decides each community's kind and size. */
export function buildLayout(seed: number, scale: number): Layout {
  const districtCount = Math.min(
    DISTRICTS.length,
    Math.max(1, Math.round(DISTRICTS.length * scale)),
  )
  const included = new Set(SMALL_SCALE_ORDER.slice(0, districtCount))
  const specs = DISTRICTS.filter((d) => included.has(d.code))
  const rings = districtRings()
  const communityTotal = Math.max(6, Math.round(FULL_COMMUNITIES * scale))
  const perDistrict = apportion(
    communityTotal,
    specs.map((d) => d.communityShare),
    1,
  )
  // Fewer districts at small scale: each gets more of the township units it would have had.
  const streetBoost = (DISTRICTS.length * scale) / districtCount
  const usedStreetNames = new Set<string>()
  const districts: Layout['districts'] = []
  const streets: StreetPlan[] = []
  const slots: { streetIdx: number; oldness: number }[] = []

  specs.forEach((spec, di) => {
    const ring = rings.get(spec.code) as Ring
    districts.push({ id: spec.code, name: spec.name, ring, spec })
    const rng = rngFor(seed, `district:${spec.code}`)
    const seat = spec.ring === 'core' ? ([0, 0] as Xy) : toXy([spec.seat[0], spec.seat[1]])
    const nCommunities = perDistrict[di] as number
    const nStreets = Math.max(1, Math.min(nCommunities, Math.round(spec.streets * streetBoost)))
    const density = (p: Xy) => urbanDensity(p, spec, seat)
    const seeds = spreadSeeds(rng, ring, nStreets, density)
    const cells = voronoiCells(seeds, ring)
    // 街道 near the seat, 镇 further out; codes follow the statistical convention (0xx street, 1xx town).
    const bySeat = seeds
      .map((s, i) => [Math.hypot(s[0] - seat[0], s[1] - seat[1]), i] as const)
      .sort((a, b) => a[0] - b[0])
    const nStreetUnits = Math.max(1, Math.round(nStreets * STREET_SHARE[spec.ring]))
    const isTown = new Map(bySeat.map(([, i], rank) => [i, rank >= nStreetUnits]))
    const weights = cells.map((c, i) => {
      const pts = samplePoints(rng, c, 24)
      const mean = pts.reduce((s, p) => s + density(p), 0) / Math.max(1, pts.length)
      return signedArea(c) * mean * (isTown.get(i) ? 0.5 : 1)
    })
    const perStreet = apportion(nCommunities, weights, 1)
    let streetNo = 0
    let townNo = 100
    cells.forEach((cell, i) => {
      const town = isTown.get(i) === true
      const id = spec.code + String(town ? ++townNo : ++streetNo).padStart(3, '0')
      const name = uniqueName(usedStreetNames, () => placeStem(rng)) + (town ? '镇' : '街道')
      const s = seeds[i] as Xy
      const distRef =
        spec.ring === 'core' ? Math.hypot(s[0], s[1]) : Math.hypot(s[0] - seat[0], s[1] - seat[1])
      const ringFactor = spec.ring === 'core' ? 1 : spec.ring === 'inner' ? 0.5 : 0.55
      const reach = spec.ring === 'core' ? 7500 : town ? 9000 : 5000
      for (let k = 0; k < (perStreet[i] as number); k++) {
        const oldness =
          ringFactor * Math.exp(-((distRef / reach) ** 2)) * Math.exp(0.6 * rng.normal())
        slots.push({ streetIdx: streets.length, oldness })
      }
      streets.push({ id, name, ring: cell, districtId: spec.code, isTown: town })
    })
  })

  // The oldest-looking slots city-wide become old communities; a few others keep an old remnant.
  const kindRng = rngFor(seed, 'community-kinds')
  const nOldKind = Math.max(1, Math.round(slots.length * OLD_KIND_SHARE))
  const nRemnant = Math.max(1, Math.round(slots.length * REMNANT_SHARE))
  const ranked = slots.map((s, i) => [s.oldness, i] as const).sort((a, b) => b[0] - a[0])
  const kinds: CommunityKind[] = slots.map(() => 'new')
  ranked.slice(0, nOldKind).forEach(([, i]) => (kinds[i] = 'old'))
  kindRng
    .shuffle(ranked.slice(nOldKind))
    .slice(0, nRemnant)
    .forEach(([, i]) => (kinds[i] = 'remnant'))

  const communities: CommunityPlan[] = []
  streets.forEach((street, si) => {
    const mine = slots.map((s, i) => [s, i] as const).filter(([s]) => s.streetIdx === si)
    const rng = rngFor(seed, `street:${street.id}`)
    const plans = mine.map(([, i]) => communitySize(rng, kinds[i] as CommunityKind))
    const district = districts.find(
      (d) => d.id === street.districtId,
    ) as Layout['districts'][number]
    const needM2 = plans.reduce((s, p) => s + p.needM2, 0)
    const core = urbanCore(street.ring, needM2, district.spec.ring === 'core' && !street.isTown)
    const seeds = spreadSeeds(rng, core, plans.length, () => 1)
    const cells = relax(seeds, core, 3)
    // Old communities take the cells nearest the street's centre of gravity, as old town cores do.
    const c0 = centroid(core)
    const byCentre = cells.map(
      (c, i) => [Math.hypot(centroid(c)[0] - c0[0], centroid(c)[1] - c0[1]), i] as const,
    )
    byCentre.sort((a, b) => a[0] - b[0])
    const order = plans
      .map((p, i) => [p.kind === 'old' ? 0 : p.kind === 'new' ? 1 : 2, i] as const)
      .sort((a, b) => a[0] - b[0])
    const used = new Set<string>()
    order.forEach(([, pi], rank) => {
      const plan = plans[pi] as ReturnType<typeof communitySize>
      const cell = cells[(byCentre[rank] as readonly [number, number])[1]] as Ring
      communities.push({
        id: street.id + String(rank + 1).padStart(3, '0'),
        name: uniqueName(used, () => placeStem(rng)) + '社区',
        ring: cell,
        streetId: street.id,
        districtId: street.districtId,
        kind: plan.kind,
        nOld: plan.nOld,
        nNew: plan.nNew,
      })
    })
  })
  const cityRing = hull(CITY_OUTLINE.map((p) => toXy([p[0], p[1]])))
  return { city: { id: '510100', name: '成都市', ring: cityRing }, districts, streets, communities }
}

/** Compound counts of one community and the land (m²) they need, roads and other uses included. */
function communitySize(rng: Rng, kind: CommunityKind) {
  const nOld =
    kind === 'old'
      ? Math.round(Math.min(24, Math.max(6, 13.9 + 3.6 * rng.normal())))
      : kind === 'remnant'
        ? rng.chance(0.7)
          ? 1
          : 2
        : 0
  const nNew =
    kind === 'old'
      ? rng.weighted([
          [0, 0.3],
          [1, 0.4],
          [2, 0.2],
          [3, 0.1],
        ] as const)
      : kind === 'remnant'
        ? rng.int(2, 5)
        : rng.int(2, 6)
  const needM2 = (nOld * 14_000 + nNew * 40_000) / (kind === 'old' ? 0.5 : 0.4)
  return { kind, nOld, nNew, needM2 }
}

/** The built-up part of a street: all of it in the core city, else a scaled copy round its centre sized to its need. */
function urbanCore(ring: Ring, needM2: number, whole: boolean): Ring {
  const area = signedArea(ring)
  // A core-city street is built up wall to wall once its communities need half its land or more.
  if ((whole && needM2 >= area * 0.5) || needM2 >= area) return ring
  const c = centroid(ring)
  const k = Math.sqrt(needM2 / area)
  return ring.map(([x, y]): Xy => [c[0] + k * (x - c[0]), c[1] + k * (y - c[1])])
}
