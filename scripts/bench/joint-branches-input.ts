/**
 * Joint-branch solver input from the demo city, built in plain TypeScript for the benchmark: the small old
 * compounds (< 3 full members) as units at their boundary centroids in the generator's metric frame, and
 * an edge wherever two boundaries lie within 30 m (across communities too, so the community rule has
 * something to cut). The lead's PostGIS path (ST_DWithin on geography) replaces this in the product.
 */
import type { JointEdge, JointUnit } from '../../server/src/analysis/joint-branches/index.ts'
import { toXy } from '../../server/src/demo/frame.ts'
import { bbox, centroid, ringDistance } from '../../server/src/demo/geometry.ts'
import type { Ring } from '../../server/src/demo/geometry.ts'
import type { DemoCity } from '../../server/src/demo/types.ts'

export interface CityInput {
  units: JointUnit[]
  edges: JointEdge[]
  /** Street and district of each unit id. */
  place: Map<number, { streetId: string; districtId: string }>
}

/** Small old compounds of the demo city (all, or only those no standalone/joint org covers) and their adjacency. */
export function cityInput(city: DemoCity, gapM: number, uncoveredOnly: boolean): CityInput {
  const organised = new Set<string>()
  for (const o of city.orgs)
    if (o.kind === 'standalone' || o.kind === 'joint')
      for (const code of o.compoundCodes) organised.add(code)
  const units: JointUnit[] = []
  const rings: Ring[] = []
  const place = new Map<number, { streetId: string; districtId: string }>()
  city.compounds.forEach((c, i) => {
    if (!c.isOld || c.membersFull >= 3 || (uncoveredOnly && organised.has(c.code))) return
    const ring = c.boundary.coordinates[0]![0]!.slice(0, -1).map(toXy)
    const [x, y] = centroid(ring)
    units.push({
      id: i,
      communityId: c.communityId,
      membersFull: c.membersFull,
      households: c.households,
      x,
      y,
    })
    rings.push(ring)
    place.set(i, { streetId: c.streetId, districtId: c.districtId })
  })
  return { units, edges: adjacency(units, rings, gapM), place }
}

/** Pairs of rings within `gapM` metres, found through a uniform grid of bounding boxes. */
function adjacency(units: readonly JointUnit[], rings: readonly Ring[], gapM: number): JointEdge[] {
  const cell = 400
  const boxes = rings.map(bbox)
  const grid = new Map<string, number[]>()
  boxes.forEach(([x0, y0, x1, y1], i) => {
    for (let gx = Math.floor((x0 - gapM) / cell); gx <= Math.floor((x1 + gapM) / cell); gx++)
      for (let gy = Math.floor((y0 - gapM) / cell); gy <= Math.floor((y1 + gapM) / cell); gy++) {
        const key = `${gx},${gy}`
        grid.set(key, [...(grid.get(key) ?? []), i])
      }
  })
  const seen = new Set<string>()
  const edges: JointEdge[] = []
  for (const bucket of grid.values()) {
    for (let a = 0; a < bucket.length; a++)
      for (let b = a + 1; b < bucket.length; b++) {
        const i = Math.min(bucket[a]!, bucket[b]!)
        const j = Math.max(bucket[a]!, bucket[b]!)
        const key = `${i},${j}`
        if (seen.has(key)) continue
        seen.add(key)
        const [x0, y0, x1, y1] = boxes[i]!
        const [u0, v0, u1, v1] = boxes[j]!
        if (u0 > x1 + gapM || u1 < x0 - gapM || v0 > y1 + gapM || v1 < y0 - gapM) continue
        if (ringDistance(rings[i]!, rings[j]!) <= gapM)
          edges.push({ a: units[i]!.id, b: units[j]!.id })
      }
  }
  return edges
}
