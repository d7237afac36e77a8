// Getis-Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) over points with a binary distance band. Pure:
// plain arrays in, plain data out.

export const HOTSPOT_CLASSES = [
  'hot99',
  'hot95',
  'hot90',
  'none',
  'cold90',
  'cold95',
  'cold99',
] as const
export type HotspotClass = (typeof HOTSPOT_CLASSES)[number]

export interface GiPoint {
  /** [lng, lat] in degrees (EPSG:4326). */
  lng: number
  lat: number
  value: number
}

export interface GiResult {
  z: number
  /** Two-sided p-value under the normal approximation. */
  p: number
  class: HotspotClass
}

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres between two [lng, lat] points (haversine, mean Earth radius). */
export function haversineM(aLng: number, aLat: number, bLng: number, bLat: number): number {
  const rad = Math.PI / 180
  const dLat = (bLat - aLat) * rad
  const dLng = (bLng - aLng) * rad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Standard normal upper tail Q(x) = 1 − Φ(x), |error| < 1e-14 (W. J. Cody's erfc via a continued fraction). */
export function normalUpperTail(x: number): number {
  // erfc(t) for t >= 0 from the Lentz continued fraction; Φ symmetric for x < 0.
  const t = Math.abs(x) / Math.SQRT2
  let q: number
  if (t < 2) {
    // Series for erf: erf(t) = 2/√π Σ (-1)^n t^(2n+1) / (n! (2n+1)).
    let sum = 0
    let term = t
    for (let n = 0; n < 200; n++) {
      const add = term / (2 * n + 1)
      sum += add
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break
      term *= (-t * t) / (n + 1)
    }
    q = (1 - (2 / Math.sqrt(Math.PI)) * sum) / 2
  } else {
    // erfc(t) = exp(-t²)/√π · 1/(t + 1/2/(t + 1/(t + 3/2/(t + ...)))), modified Lentz.
    const tiny = 1e-300
    let f = t
    let c = t
    let d = 0
    for (let n = 1; n < 500; n++) {
      const a = n / 2
      d = t + a * d
      d = Math.abs(d) < tiny ? tiny : d
      c = t + a / c
      c = Math.abs(c) < tiny ? tiny : c
      d = 1 / d
      const delta = c * d
      f *= delta
      if (Math.abs(delta - 1) < 1e-16) break
    }
    q = Math.exp(-t * t) / Math.sqrt(Math.PI) / f / 2
  }
  return x >= 0 ? q : 1 - q
}

/** The class of a z-score: hot/cold at 99/95/90% confidence (|z| ≥ 2.576 / 1.960 / 1.645). */
export function classOf(z: number): HotspotClass {
  const a = Math.abs(z)
  const level = a >= 2.5758 ? '99' : a >= 1.96 ? '95' : a >= 1.6449 ? '90' : null
  if (!level) return 'none'
  return `${z > 0 ? 'hot' : 'cold'}${level}` as HotspotClass
}

/**
 * Gi* for every point with binary weights w_ij = 1 when the great-circle distance is ≤ bandM
 * (j = i included). Neighbours are found through a grid of bandM cells in local metres, then
 * confirmed by the haversine distance. When every value is equal, every z is 0.
 */
export function getisOrdGiStar(points: GiPoint[], bandM: number): GiResult[] {
  const n = points.length
  if (n === 0) return []
  let sum = 0
  let sumSq = 0
  for (const p of points) {
    sum += p.value
    sumSq += p.value * p.value
  }
  const mean = sum / n
  const s = Math.sqrt(Math.max(0, sumSq / n - mean * mean))

  // Equirectangular metres around the mean latitude, used only to bucket points; the test is haversine.
  const lat0 = points.reduce((a, p) => a + p.lat, 0) / n
  const mPerDegLat = (Math.PI / 180) * EARTH_RADIUS_M
  const mPerDegLng = mPerDegLat * Math.cos((lat0 * Math.PI) / 180)
  // Cells a little larger than the band absorb the projection's distortion across a city.
  const cell = bandM * 1.05
  const grid = new Map<string, number[]>()
  const cx = new Int32Array(n)
  const cy = new Int32Array(n)
  points.forEach((p, i) => {
    cx[i] = Math.floor((p.lng * mPerDegLng) / cell)
    cy[i] = Math.floor((p.lat * mPerDegLat) / cell)
    const key = `${cx[i]},${cy[i]}`
    const list = grid.get(key)
    if (list) list.push(i)
    else grid.set(key, [i])
  })

  return points.map((p, i) => {
    let wSum = 0
    let wx = 0
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const list = grid.get(`${cx[i]! + dx},${cy[i]! + dy}`)
        if (!list) continue
        for (const j of list) {
          const q = points[j]!
          if (j === i || haversineM(p.lng, p.lat, q.lng, q.lat) <= bandM) {
            wSum += 1
            wx += q.value
          }
        }
      }
    // Binary weights: Σw² = Σw.
    const denom = s * Math.sqrt((n * wSum - wSum * wSum) / (n - 1))
    const z = n > 1 && denom > 0 ? (wx - mean * wSum) / denom : 0
    const p2 = Math.min(1, 2 * normalUpperTail(Math.abs(z)))
    return { z, p: p2, class: classOf(z) }
  })
}
