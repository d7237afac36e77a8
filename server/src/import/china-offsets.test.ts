import { describe, expect, it } from 'vitest'
import {
  bd09mcToBd09,
  bd09ToGcj02,
  bd09ToWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './china-offsets.ts'

// Metres between two [lng, lat] points (equirectangular: exact enough below a kilometre).
const metres = (a: number[], b: number[]) => {
  const k = Math.PI / 180
  const x = (b[0]! - a[0]!) * k * Math.cos(((a[1]! + b[1]!) / 2) * k)
  const y = (b[1]! - a[1]!) * k
  return Math.hypot(x, y) * 6371008.8
}

describe('GCJ-02', () => {
  it('shifts Tianfu Square to the published GCJ-02 position', () => {
    // DOMAIN.md's WGS84 point and its GCJ-02 position from the DataV provenance check.
    expect(metres(wgs84ToGcj02([104.0657, 30.6574]), [104.068207, 30.654978])).toBeLessThan(0.2)
  })

  it('inverts GCJ-02 to WGS84 within a millimetre across China', () => {
    for (const p of [
      [104.0657, 30.6574],
      [117.97, 24.47],
      [121.49, 31.24],
      [87.6, 43.8],
      [126.6, 45.7],
      [109.5, 18.25],
    ]) {
      expect(metres(gcj02ToWgs84(wgs84ToGcj02(p)), p)).toBeLessThan(0.001)
    }
  })

  it('is more accurate than the one-step approximation the Xiamen shapefile used', () => {
    const gcj = [117.974234, 24.464788]
    const oneStep = [117.969488, 24.467693] // from the provenance note
    const exact = gcj02ToWgs84(gcj)
    expect(metres(wgs84ToGcj02(exact), gcj)).toBeLessThan(0.001)
    expect(metres(wgs84ToGcj02(oneStep), gcj)).toBeGreaterThan(0.5)
    expect(metres(exact, oneStep)).toBeLessThan(3)
  })

  it('leaves points outside China unshifted', () => {
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85])
    expect(gcj02ToWgs84([-74, 40.7])).toEqual([-74, 40.7])
  })
})

describe('BD-09', () => {
  it('round-trips GCJ-02 through BD-09 within a millimetre', () => {
    const g = [104.068207, 30.654978]
    expect(metres(bd09ToGcj02(gcj02ToBd09(g)), g)).toBeLessThan(0.001)
    expect(metres(bd09ToWgs84(wgs84ToBd09([104.0657, 30.6574])), [104.0657, 30.6574])).toBeLessThan(
      0.001,
    )
  })

  it('puts BD-09 about 0.0065° east and 0.006° north of GCJ-02', () => {
    const [lng, lat] = gcj02ToBd09([104.068207, 30.654978])
    expect(lng - 104.068207).toBeGreaterThan(0.005)
    expect(lat - 30.654978).toBeGreaterThan(0.005)
  })

  it('reads Baidu Mercator metres as BD-09 degrees near Shenzhen', () => {
    const [lng, lat] = bd09mcToBd09([12695366.8658416, 2575392.4618367])
    expect(lng).toBeCloseTo(114.0432, 3)
    expect(lat).toBeCloseTo(22.6687, 3)
  })
})
