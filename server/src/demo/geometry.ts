/**
 * Planar geometry in a local metric frame (x east, y north, metres from Tianfu Square). Every polygon the
 * generator makes is convex and counter-clockwise, so half-plane clipping is exact and robust.
 */
export type Xy = readonly [number, number]
/** A ring without the closing point, counter-clockwise. */
export type Ring = Xy[]

/** Signed area (m²); positive for counter-clockwise rings. */
export function signedArea(ring: readonly Xy[]): number {
  let s = 0
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as Xy
    const [x2, y2] = ring[(i + 1) % ring.length] as Xy
    s += x1 * y2 - x2 * y1
  }
  return s / 2
}

/** Area centroid of a simple ring (m). */
export function centroid(ring: readonly Xy[]): Xy {
  let a = 0
  let cx = 0
  let cy = 0
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as Xy
    const [x2, y2] = ring[(i + 1) % ring.length] as Xy
    const f = x1 * y2 - x2 * y1
    a += f
    cx += (x1 + x2) * f
    cy += (y1 + y2) * f
  }
  if (Math.abs(a) < 1e-9) return ring[0] ?? [0, 0]
  return [cx / (3 * a), cy / (3 * a)]
}

const dot = (n: Xy, p: Xy) => n[0] * p[0] + n[1] * p[1]

const MM2 = 1e-6
const close = (p: Xy, q: Xy) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 <= MM2

/** Drops consecutive vertices closer than 1 mm, which clipping through a vertex can leave. */
function dedupe(ring: Ring): Ring {
  const out: Ring = []
  for (const p of ring) {
    const q = out[out.length - 1]
    if (!q || !close(p, q)) out.push(p)
  }
  const first = out[0]
  const last = out[out.length - 1]
  if (out.length > 1 && first && last && close(first, last)) out.pop()
  return out.length >= 3 ? out : []
}

/**
 * Splits a convex ring by the line n·p = c into the part with n·p <= c and the part with n·p >= c. The
 * intersection points are computed once and shared, so the two pieces meet along bit-identical vertices.
 */
export function splitByLine(ring: readonly Xy[], n: Xy, c: number): [Ring, Ring] {
  const below: Ring = []
  const above: Ring = []
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Xy
    const b = ring[(i + 1) % ring.length] as Xy
    const da = dot(n, a) - c
    const db = dot(n, b) - c
    if (da <= 0) below.push(a)
    if (da >= 0) above.push(a)
    if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
      const t = da / (da - db)
      const p: Xy = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
      below.push(p)
      above.push(p)
    }
  }
  return [dedupe(below), dedupe(above)]
}

/** The part of a convex ring with n·p <= c. */
export function clipHalfPlane(ring: readonly Xy[], n: Xy, c: number): Ring {
  return splitByLine(ring, n, c)[0]
}

/** Shrinks a convex counter-clockwise ring by `d` metres on every side (a road's half-width). */
export function inset(ring: readonly Xy[], d: number): Ring {
  let out: Ring = ring.slice()
  for (let i = 0; i < ring.length && out.length >= 3; i++) {
    const a = ring[i] as Xy
    const b = ring[(i + 1) % ring.length] as Xy
    const len = Math.hypot(b[0] - a[0], b[1] - a[1])
    if (len < 1e-6) continue
    const outward: Xy = [(b[1] - a[1]) / len, -(b[0] - a[0]) / len]
    out = clipHalfPlane(out, outward, dot(outward, a) - d)
  }
  return out
}

/** Voronoi cells of `seeds` inside a convex ring, one per seed (empty when a seed falls outside). */
export function voronoiCells(seeds: readonly Xy[], boundary: readonly Xy[]): Ring[] {
  return seeds.map((s, i) => {
    let cell: Ring = boundary.slice()
    seeds.forEach((t, j) => {
      if (j === i || cell.length < 3) return
      const n: Xy = [t[0] - s[0], t[1] - s[1]]
      cell = clipHalfPlane(cell, n, dot(n, [(s[0] + t[0]) / 2, (s[1] + t[1]) / 2]))
    })
    return cell
  })
}

/** Extent of a ring along unit direction n: [min, max] of n·p. */
export function extent(ring: readonly Xy[], n: Xy): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (const p of ring) {
    const v = dot(n, p)
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return [lo, hi]
}

/** Unit direction of the ring's longest extent, taken among its edge directions (convex rings). */
export function longAxis(ring: readonly Xy[]): Xy {
  let best: Xy = [1, 0]
  let bestLen = -1
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Xy
    const b = ring[(i + 1) % ring.length] as Xy
    const len = Math.hypot(b[0] - a[0], b[1] - a[1])
    if (len < 1e-6) continue
    const u: Xy = [(b[0] - a[0]) / len, (b[1] - a[1]) / len]
    const [lo, hi] = extent(ring, u)
    if (hi - lo > bestLen) {
      bestLen = hi - lo
      best = u
    }
  }
  return best
}

/** Minimum width of a convex ring (m): the narrowest strip that holds it. */
export function minWidth(ring: readonly Xy[]): number {
  let best = Infinity
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Xy
    const b = ring[(i + 1) % ring.length] as Xy
    const len = Math.hypot(b[0] - a[0], b[1] - a[1])
    if (len < 1e-6) continue
    const n: Xy = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len]
    const [lo, hi] = extent(ring, n)
    best = Math.min(best, hi - lo)
  }
  return best
}

/** Area (m²) of the part of a convex ring with n·p <= c, without building the part (hot in bisection). */
function areaBelow(ring: readonly Xy[], n: Xy, c: number): number {
  // Shoelace over the clipped vertices as they are produced; no closures or arrays, as this runs millions of times.
  let s = 0
  let px = NaN
  let py = NaN
  let fx = NaN
  let fy = NaN
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Xy
    const b = ring[(i + 1) % ring.length] as Xy
    const da = n[0] * a[0] + n[1] * a[1] - c
    const db = n[0] * b[0] + n[1] * b[1] - c
    for (let k = 0; k < 2; k++) {
      let x: number
      let y: number
      if (k === 0) {
        if (da > 0) continue
        x = a[0]
        y = a[1]
      } else {
        if (!((da < 0 && db > 0) || (da > 0 && db < 0))) continue
        const t = da / (da - db)
        x = a[0] + t * (b[0] - a[0])
        y = a[1] + t * (b[1] - a[1])
      }
      if (Number.isNaN(fx)) {
        fx = x
        fy = y
      } else s += px * y - x * py
      px = x
      py = y
    }
  }
  if (!Number.isNaN(fx)) s += px * fy - fx * py
  return s / 2
}

/** Offset c of the line n·p = c that leaves `frac` of the ring's area on the n·p <= c side (bisection). */
export function offsetForAreaFraction(ring: readonly Xy[], n: Xy, frac: number): number {
  let [lo, hi] = extent(ring, n)
  const target = frac * signedArea(ring)
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2
    if (areaBelow(ring, n, mid) < target) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/** Distance from point p to segment ab (m). */
export function pointSegmentDistance(p: Xy, a: Xy, b: Xy): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  const t =
    len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2))
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
}

/** Whether p lies inside a ring (even-odd rule). */
export function pointInRing(p: Xy, ring: readonly Xy[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Xy
    const [xj, yj] = ring[j] as Xy
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside
  }
  return inside
}

/** Distance from a point to a polygon (m); 0 inside. */
export function pointRingDistance(p: Xy, ring: readonly Xy[]): number {
  if (pointInRing(p, ring)) return 0
  let best = Infinity
  for (let i = 0; i < ring.length; i++) {
    best = Math.min(best, pointSegmentDistance(p, ring[i] as Xy, ring[(i + 1) % ring.length] as Xy))
  }
  return best
}

/** Distance between two polygons that do not overlap (m): the closest pair of boundary points. */
export function ringDistance(a: readonly Xy[], b: readonly Xy[]): number {
  let best = Infinity
  for (const p of a) {
    for (let i = 0; i < b.length; i++) {
      best = Math.min(best, pointSegmentDistance(p, b[i] as Xy, b[(i + 1) % b.length] as Xy))
    }
  }
  for (const p of b) {
    for (let i = 0; i < a.length; i++) {
      best = Math.min(best, pointSegmentDistance(p, a[i] as Xy, a[(i + 1) % a.length] as Xy))
    }
  }
  return best
}

/** Bounding box [minX, minY, maxX, maxY] (m). */
export function bbox(ring: readonly Xy[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of ring) {
    x0 = Math.min(x0, x)
    y0 = Math.min(y0, y)
    x1 = Math.max(x1, x)
    y1 = Math.max(y1, y)
  }
  return [x0, y0, x1, y1]
}

/**
 * Inserts into each ring the vertices of the other rings that lie on its edges, so that neighbours share
 * whole edges vertex for vertex (no T-junctions) and stay non-overlapping after rounding to degrees.
 */
export function weldTJunctions(rings: Ring[]): Ring[] {
  const boxes = rings.map(bbox)
  return rings.map((ring, i) => {
    const [x0, y0, x1, y1] = boxes[i] as [number, number, number, number]
    const extra: Xy[] = []
    rings.forEach((other, j) => {
      if (j === i) return
      const [u0, v0, u1, v1] = boxes[j] as [number, number, number, number]
      if (u0 > x1 + 0.01 || u1 < x0 - 0.01 || v0 > y1 + 0.01 || v1 < y0 - 0.01) return
      extra.push(...other)
    })
    if (extra.length === 0) return ring
    const out: Ring = []
    for (let k = 0; k < ring.length; k++) {
      const a = ring[k] as Xy
      const b = ring[(k + 1) % ring.length] as Xy
      out.push(a)
      const len = Math.hypot(b[0] - a[0], b[1] - a[1])
      const onEdge: [number, Xy][] = []
      for (const p of extra) {
        const t = ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / (len * len)
        if (t * len <= 1e-3 || (1 - t) * len <= 1e-3) continue
        if (
          pointSegmentDistance(p, a, b) < 1e-6 &&
          !onEdge.some(([, q]) => q[0] === p[0] && q[1] === p[1])
        ) {
          onEdge.push([t, p])
        }
      }
      onEdge.sort((m, n) => m[0] - n[0])
      for (const [, p] of onEdge) out.push(p)
    }
    return out
  })
}
