import { toXy } from './frame.ts'
import { bbox, centroid, pointInRing, ringDistance, signedArea, splitByLine } from './geometry.ts'
import type { Ring, Xy } from './geometry.ts'
import type { DemoCity, Position } from './types.ts'

/**
 * Independent checks of a generated city, each returning human-readable violations (empty = fine). They
 * re-derive everything from the [lng, lat] output, so they also catch damage done by rounding.
 */
/** Indices reachable from `start` among `count` items through `linked` (breadth-first). */
function componentOf(
  start: number,
  count: number,
  linked: (i: number, j: number) => boolean,
): Set<number> {
  const seen = new Set([start])
  const queue = [start]
  for (let k = 0; k < queue.length; k++) {
    for (let j = 0; j < count; j++) {
      if (!seen.has(j) && linked(queue[k] as number, j)) {
        seen.add(j)
        queue.push(j)
      }
    }
  }
  return seen
}

const xyRing = (ring: readonly Position[]): Ring => ring.slice(0, -1).map((p) => toXy(p))
const ringOf = (geom: { coordinates: Position[][][] }) =>
  (geom.coordinates[0]?.[0] ?? []) as Position[]

function segmentsCross(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const orient = (p: Xy, q: Xy, r: Xy) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))
  const o1 = orient(a, b, c)
  const o2 = orient(a, b, d)
  const o3 = orient(c, d, a)
  const o4 = orient(c, d, b)
  return o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0
}

/** Whether a closed GeoJSON ring is simple, closed, counter-clockwise (RFC 7946) and has >= 3 distinct vertices. */
export function ringProblems(ring: readonly Position[]): string | null {
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (ring.length < 4 || !first || !last) return 'fewer than 4 positions'
  if (first[0] !== last[0] || first[1] !== last[1]) return 'not closed'
  const pts = ring.slice(0, -1) as Xy[]
  if (signedArea(pts) <= 0) return 'not counter-clockwise'
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i] as Xy
    const b = pts[(i + 1) % pts.length] as Xy
    if (a[0] === b[0] && a[1] === b[1]) return 'repeated vertex'
    for (let j = i + 2; j < pts.length; j++) {
      if (i === 0 && j === pts.length - 1) continue
      if (segmentsCross(a, b, pts[j] as Xy, pts[(j + 1) % pts.length] as Xy))
        return 'self-intersecting'
    }
  }
  return null
}

/** Rings of every compound, block and area that are not valid GeoJSON polygon exteriors. */
export function checkRings(city: DemoCity): string[] {
  const out: string[] = []
  for (const c of city.compounds) {
    const p =
      c.boundary.coordinates.length === 1 ? ringProblems(ringOf(c.boundary)) : 'not one part'
    if (p) out.push(`compound ${c.code}: ${p}`)
  }
  for (const b of city.blocks) {
    const p = ringProblems(b.ring)
    if (p) out.push(`block ${b.id}: ${p}`)
  }
  for (const a of city.areas) {
    const p = ringProblems(ringOf(a.geometry))
    if (p) out.push(`area ${a.id}: ${p}`)
  }
  return out
}

/** Broken chains compound > community > street > district > city, and children whose interior point lies outside the parent. */
export function checkNesting(city: DemoCity): string[] {
  const out: string[] = []
  const areas = new Map(city.areas.map((a) => [a.id, a]))
  const rings = new Map(city.areas.map((a) => [a.id, xyRing(ringOf(a.geometry))]))
  for (const c of city.compounds) {
    const community = areas.get(c.communityId)
    const street = areas.get(c.streetId)
    if (community?.level !== 'community' || community.parentId !== c.streetId)
      out.push(`compound ${c.code}: community chain`)
    if (street?.level !== 'street' || street.parentId !== c.districtId)
      out.push(`compound ${c.code}: street chain`)
    if (areas.get(c.districtId)?.parentId !== '510100')
      out.push(`compound ${c.code}: district chain`)
    if (!pointInRing(centroid(xyRing(ringOf(c.boundary))), rings.get(c.communityId) ?? []))
      out.push(`compound ${c.code}: outside its community`)
  }
  for (const a of city.areas) {
    if (a.parentId === null) continue
    const parent = areas.get(a.parentId)
    const expected = { city: null, district: 'city', street: 'district', community: 'street' }[
      a.level
    ]
    if (parent?.level !== expected)
      out.push(`area ${a.id}: parent ${a.parentId} is not a ${expected}`)
    if (!a.id.startsWith(a.parentId === '510100' ? '5101' : a.parentId))
      out.push(`area ${a.id}: code does not extend ${a.parentId}`)
    if (!pointInRing(centroid(rings.get(a.id) ?? []), rings.get(a.parentId) ?? []))
      out.push(`area ${a.id}: outside ${a.parentId}`)
  }
  return out
}

/** Overlap area (m²) of two convex rings, by clipping one with the other's edges. */
function overlapM2(a: Ring, b: Ring): number {
  let piece: Ring = a.slice()
  for (let i = 0; i < b.length && piece.length >= 3; i++) {
    const p = b[i] as Xy
    const q = b[(i + 1) % b.length] as Xy
    const n: Xy = [q[1] - p[1], -(q[0] - p[0])]
    piece = splitByLine(piece, n, n[0] * p[0] + n[1] * p[1])[0]
  }
  return piece.length >= 3 ? Math.abs(signedArea(piece)) : 0
}

/**
 * Within each residential block: compounds do not overlap, cover the block (areas add up), and are
 * connected through shared edges (identical consecutive vertices in both rings).
 */
export function checkBlockTiling(city: DemoCity): string[] {
  const out: string[] = []
  const byCode = new Map(city.compounds.map((c) => [c.code, c]))
  for (const block of city.blocks) {
    if (!block.residential) continue
    const members = block.compoundCodes.map((code) => byCode.get(code))
    if (members.some((m) => m?.blockId !== block.id))
      out.push(`block ${block.id}: compound in another block`)
    const rings = members.map((m) => (m ? ringOf(m.boundary) : []))
    const xy = rings.map(xyRing)
    const sum = xy.reduce((s, r) => s + signedArea(r), 0)
    const area = signedArea(xyRing(block.ring))
    if (Math.abs(sum - area) > Math.max(1, area * 1e-4))
      out.push(`block ${block.id}: compounds cover ${sum.toFixed(1)} of ${area.toFixed(1)} m²`)
    const edgeOwners = new Map<string, number[]>()
    rings.forEach((ring, i) => {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = (ring[k] as Position).join(',')
        const b = (ring[k + 1] as Position).join(',')
        const key = a < b ? `${a}|${b}` : `${b}|${a}`
        edgeOwners.set(key, [...(edgeOwners.get(key) ?? []), i])
      }
    })
    const linked = xy.map(() => new Set<number>())
    for (const owners of edgeOwners.values())
      for (const i of owners) for (const j of owners) if (i !== j) linked[i]?.add(j)
    const seen = componentOf(0, xy.length, (i, j) => linked[i]?.has(j) ?? false)
    if (xy.length > 1 && seen.size !== xy.length)
      out.push(`block ${block.id}: compounds not all joined by shared edges`)
    for (let i = 0; i < xy.length; i++) {
      for (let j = i + 1; j < xy.length; j++) {
        const o = overlapM2(xy[i] as Ring, xy[j] as Ring)
        if (o > 0.5)
          out.push(`block ${block.id}: compounds ${i} and ${j} overlap by ${o.toFixed(2)} m²`)
      }
    }
  }
  return out
}

/**
 * Blocks are separated by streets of `minM`-`maxM` metres: no two blocks closer than `minM`, and every block
 * of a community with several blocks has a neighbour within `maxM`.
 */
export function checkStreets(city: DemoCity, minM = 10, maxM = 40): string[] {
  const out: string[] = []
  const xy = city.blocks.map((b) => xyRing(b.ring))
  const boxes = xy.map(bbox)
  const cell = 1000
  const grid = new Map<string, number[]>()
  boxes.forEach(([x0, y0, x1, y1], i) => {
    for (let gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++) {
      for (let gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++)
        grid.set(`${gx},${gy}`, [...(grid.get(`${gx},${gy}`) ?? []), i])
    }
  })
  const nearest = city.blocks.map(() => Infinity)
  const seen = new Set<string>()
  for (const list of grid.values()) {
    for (const i of list) {
      for (const j of list) {
        if (j <= i || seen.has(`${i},${j}`)) continue
        seen.add(`${i},${j}`)
        const [a0, b0, a1, b1] = boxes[i] as number[] as [number, number, number, number]
        const [c0, d0, c1, d1] = boxes[j] as number[] as [number, number, number, number]
        if (c0 > a1 + maxM || c1 < a0 - maxM || d0 > b1 + maxM || d1 < b0 - maxM) continue
        const d = ringDistance(xy[i] as Ring, xy[j] as Ring)
        if (d < minM - 0.05)
          out.push(
            `blocks ${city.blocks[i]?.id} and ${city.blocks[j]?.id}: ${d.toFixed(2)} m apart`,
          )
        if (city.blocks[i]?.communityId === city.blocks[j]?.communityId) {
          nearest[i] = Math.min(nearest[i] as number, d)
          nearest[j] = Math.min(nearest[j] as number, d)
        }
      }
    }
  }
  const perCommunity = new Map<string, number>()
  for (const b of city.blocks)
    perCommunity.set(b.communityId, (perCommunity.get(b.communityId) ?? 0) + 1)
  city.blocks.forEach((b, i) => {
    if ((perCommunity.get(b.communityId) ?? 0) > 1 && (nearest[i] as number) > maxM + 0.05) {
      out.push(
        `block ${b.id}: nearest block of its community is ${(nearest[i] as number).toFixed(1)} m away`,
      )
    }
  })
  return out
}

/**
 * Existing joint branches: 2-5 compounds of one community, contiguous (touching or within `gapM` across a
 * street), each within `radiusM` of the group's centre, with at least 3 full members in all.
 */
export function checkJointBranches(city: DemoCity, gapM = 30, radiusM = 500): string[] {
  const out: string[] = []
  const byCode = new Map(city.compounds.map((c) => [c.code, c]))
  for (const org of city.orgs.filter((o) => o.kind === 'joint')) {
    const members = org.compoundCodes.map((code) => byCode.get(code)).filter((c) => c !== undefined)
    if (members.length < 2 || members.length > 5)
      out.push(`${org.name}: ${members.length} compounds`)
    if (members.some((c) => c.communityId !== org.communityId))
      out.push(`${org.name}: spans communities`)
    if (members.reduce((s, c) => s + c.membersFull, 0) < 3)
      out.push(`${org.name}: fewer than 3 full members`)
    const rings = members.map((c) => xyRing(ringOf(c.boundary)))
    const centres = rings.map(centroid)
    const mx = centres.reduce((s, c) => s + c[0], 0) / centres.length
    const my = centres.reduce((s, c) => s + c[1], 0) / centres.length
    if (centres.some((c) => Math.hypot(c[0] - mx, c[1] - my) > radiusM))
      out.push(`${org.name}: a compound beyond ${radiusM} m`)
    const seen = componentOf(
      0,
      rings.length,
      (i, j) => ringDistance(rings[i] as Ring, rings[j] as Ring) <= gapM,
    )
    if (seen.size !== rings.length) out.push(`${org.name}: not contiguous`)
  }
  return out
}

/**
 * Member classes hold: a scattered compound cannot reach 3 full members with its contiguous small
 * neighbours (same community, < 3 members, within `gapM`), a clustered one can.
 */
export function checkMemberClasses(city: DemoCity, gapM = 30): string[] {
  const out: string[] = []
  const small = city.compounds.filter((c) => c.isOld && c.membersFull < 3)
  const byCommunity = new Map<string, typeof small>()
  for (const c of small)
    byCommunity.set(c.communityId, [...(byCommunity.get(c.communityId) ?? []), c])
  for (const c of city.compounds) {
    if (c.isOld && (c.memberClass === 'branch') !== c.membersFull >= 3)
      out.push(`${c.code}: class ${c.memberClass} with ${c.membersFull} members`)
  }
  for (const list of byCommunity.values()) {
    const rings = list.map((c) => xyRing(ringOf(c.boundary)))
    const component = (start: number) =>
      [
        ...componentOf(
          start,
          rings.length,
          (i, j) => ringDistance(rings[i] as Ring, rings[j] as Ring) <= gapM,
        ),
      ].reduce((s, j) => s + (list[j]?.membersFull ?? 0), 0)
    list.forEach((c, i) => {
      if (c.memberClass === 'scattered' && component(i) >= 3)
        out.push(`${c.code}: scattered but its small neighbours reach 3`)
      if (c.memberClass === 'clustered' && component(i) < 3)
        out.push(`${c.code}: clustered but its small neighbours stay below 3`)
    })
  }
  return out
}
