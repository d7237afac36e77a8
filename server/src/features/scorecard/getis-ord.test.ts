import { describe, expect, it } from 'vitest'
import { classOf, getisOrdGiStar, normalUpperTail, type GiPoint } from './getis-ord.ts'

// Metres per degree of longitude on the equator of the mean-radius sphere the module measures on.
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180

/** Gi* by its definition, every pair measured: the reference the module is checked against. */
function bruteForceGiStar(points: GiPoint[], bandM: number): number[] {
  const n = points.length
  const xs = points.map((p) => p.value)
  const mean = xs.reduce((a, b) => a + b, 0) / n
  const s = Math.sqrt(xs.reduce((a, b) => a + b * b, 0) / n - mean * mean)
  const dist = (a: GiPoint, b: GiPoint) => {
    const r = Math.PI / 180
    const h =
      Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
      Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2
    return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h))
  }
  return points.map((p) => {
    const w = points.map((q) => (dist(p, q) <= bandM ? 1 : 0))
    const sw = w.reduce((a: number, b) => a + b, 0)
    const sw2 = w.reduce((a: number, b) => a + b * b, 0)
    const wx = w.reduce((a: number, wj, j) => a + wj * xs[j]!, 0)
    return (wx - mean * sw) / (s * Math.sqrt((n * sw2 - sw * sw) / (n - 1)))
  })
}

/** A seeded generator (mulberry32) so the random instances are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('Getis-Ord Gi*', () => {
  it('matches a hand-computed instance: four points on the equator, band 150 m', () => {
    // x = 0, 100, 200, 1000 m east; values 1, 2, 3, 10. Mean 4, S = √(114/4 − 16) = √12.5.
    // Point 0: neighbours {0, 1}, Σw = 2, Σwx = 3 → z = (3 − 8) / (√12.5 · √(4/3)) = −√1.5.
    // Point 1: {0, 1, 2}, Σw = 3, Σwx = 6 → z = (6 − 12) / √12.5.
    // Point 2: {1, 2}, Σwx = 5 → z = (5 − 8) / (√12.5 · √(4/3)).
    // Point 3: {3}, Σwx = 10 → z = (10 − 4) / √12.5.
    const points = [0, 100, 200, 1000].map((x, i) => ({
      lng: x / M_PER_DEG,
      lat: 0,
      value: [1, 2, 3, 10][i]!,
    }))
    const z = getisOrdGiStar(points, 150).map((r) => r.z)
    const d2 = Math.sqrt(12.5) * Math.sqrt(4 / 3)
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 10)
    expect(z[1]).toBeCloseTo(-6 / Math.sqrt(12.5), 10)
    expect(z[2]).toBeCloseTo(-3 / d2, 10)
    expect(z[3]).toBeCloseTo(6 / Math.sqrt(12.5), 10)
    expect(getisOrdGiStar(points, 150).map((r) => r.class)).toEqual([
      'none',
      'cold90',
      'none',
      'hot90',
    ])
  })

  it('agrees with the brute-force formula on random compounds around Chengdu', () => {
    const next = rng(42)
    for (const [n, bandM] of [
      [60, 500],
      [300, 1000],
      [300, 2500],
    ] as const) {
      const points = Array.from({ length: n }, () => ({
        lng: 104.0 + next() * 0.08,
        lat: 30.6 + next() * 0.07,
        value: Math.floor(next() * 6),
      }))
      // A cluster of high values in one corner, so some points are significant.
      points.forEach((p) => {
        if (p.lng < 104.02 && p.lat < 30.62) p.value += 5
      })
      const got = getisOrdGiStar(points, bandM)
      const want = bruteForceGiStar(points, bandM)
      got.forEach((g, i) => expect(g.z).toBeCloseTo(want[i]!, 9))
      expect(got.some((g) => g.class.startsWith('hot'))).toBe(true)
    }
  })

  it('gives z = 0, p = 1 when every value is equal or every point is a neighbour', () => {
    const flat = [0, 1, 2].map((i) => ({ lng: 104 + i * 0.001, lat: 30.6, value: 3 }))
    expect(getisOrdGiStar(flat, 1000)).toEqual(flat.map(() => ({ z: 0, p: 1, class: 'none' })))
    const varied = flat.map((p, i) => ({ ...p, value: i }))
    expect(getisOrdGiStar(varied, 100_000).map((r) => r.z)).toEqual([0, 0, 0])
  })

  it('classes z-scores at 90/95/99% both ways', () => {
    expect([3, 2.0, 1.7, 1.6, -1.7, -2.0, -2.6].map(classOf)).toEqual([
      'hot99',
      'hot95',
      'hot90',
      'none',
      'cold90',
      'cold95',
      'cold99',
    ])
  })

  it('computes normal tail probabilities', () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 15)
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 13)
    expect(normalUpperTail(2.5758293035489)).toBeCloseTo(0.005, 13)
    expect(normalUpperTail(-1.6448536269514722)).toBeCloseTo(0.95, 13)
    expect(normalUpperTail(5) / 2.866515718791939e-7).toBeCloseTo(1, 10)
  })
})
