/** A point in planar metres. */
export interface Xy {
  x: number
  y: number
}

/**
 * Sparse demand × site pairs within walking reach, row-compressed by demand: the sites reaching demand i
 * are `site[start[i] .. start[i+1])`, nearest first, with their walking distances in `walkM`.
 */
export interface Reach {
  demandCount: number
  siteCount: number
  start: Int32Array
  site: Int32Array
  walkM: Float64Array
}

// Float rounding must not drop a point placed exactly at radius / detour: 1 µm of slack.
const TOLERANCE_M = 1e-6

/** Walking distance (m) between two planar points: straight-line metres × detour factor. */
export function walkDistanceM(a: Xy, b: Xy, detourFactor: number): number {
  return Math.hypot(a.x - b.x, a.y - b.y) * detourFactor
}

/**
 * Every (demand, site) pair whose walking distance is <= radiusM (inclusive), found through a uniform grid
 * of cells one straight-line reach wide, so only the 3 × 3 cells around a demand point are searched.
 */
export function buildReach(
  demand: readonly Xy[],
  sites: readonly Xy[],
  radiusM: number,
  detourFactor: number,
): Reach {
  const reachM = radiusM / detourFactor + TOLERANCE_M
  const cell = reachM
  const buckets = new Map<string, number[]>()
  const key = (cx: number, cy: number) => `${cx},${cy}`
  sites.forEach((s, j) => {
    const k = key(Math.floor(s.x / cell), Math.floor(s.y / cell))
    const b = buckets.get(k)
    if (b) b.push(j)
    else buckets.set(k, [j])
  })
  const start = new Int32Array(demand.length + 1)
  const siteOut: number[] = []
  const walkOut: number[] = []
  const row: { j: number; d: number }[] = []
  const limit2 = reachM * reachM
  demand.forEach((p, i) => {
    row.length = 0
    const cx = Math.floor(p.x / cell)
    const cy = Math.floor(p.y / cell)
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const b = buckets.get(key(cx + dx, cy + dy))
        if (!b) continue
        for (const j of b) {
          const s = sites[j]!
          const d2 = (p.x - s.x) ** 2 + (p.y - s.y) ** 2
          if (d2 <= limit2) row.push({ j, d: Math.min(Math.sqrt(d2) * detourFactor, radiusM) })
        }
      }
    row.sort((a, b) => a.d - b.d || a.j - b.j)
    for (const { j, d } of row) {
      siteOut.push(j)
      walkOut.push(d)
    }
    start[i + 1] = siteOut.length
  })
  return {
    demandCount: demand.length,
    siteCount: sites.length,
    start,
    site: Int32Array.from(siteOut),
    walkM: Float64Array.from(walkOut),
  }
}
