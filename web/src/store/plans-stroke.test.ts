import type { MultiPolygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { metresPerDegree } from '../../../server/src/domain/branch-rules.ts'
import { buildHitIndex, extendStroke, hitsAlong, hitsNear, startStroke } from './plans-stroke.ts'

const O: [number, number] = [104, 30]
const m = metresPerDegree(30)
/** A square of `size` metres with its south-west corner `x`, `y` metres from O. */
function square(x: number, y: number, size: number): MultiPolygon {
  const p = (dx: number, dy: number) => [O[0] + (x + dx) / m.lng, O[1] + (y + dy) / m.lat]
  return {
    type: 'MultiPolygon',
    coordinates: [[[p(0, 0), p(size, 0), p(size, size), p(0, size), p(0, 0)]]],
  }
}
const at = (x: number, y: number): [number, number] => [O[0] + x / m.lng, O[1] + y / m.lat]

// Ten 50 m squares in a row along the east axis, 10 m apart (1 at x 0, 2 at x 60, ...).
const row = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, geometry: square(i * 60, 0, 50) }))
const index = buildHitIndex(row, O)

describe('stroke accumulation', () => {
  it('keeps each compound once, in the order reached', () => {
    let s = startStroke('add')
    s = extendStroke(s, [3, 1])
    s = extendStroke(s, [1, 2, 2])
    expect(s.ids).toEqual([3, 1, 2])
  })
  it('returns the same stroke when nothing new was reached', () => {
    const s = extendStroke(startStroke('add'), [1])
    expect(extendStroke(s, [1])).toBe(s)
  })
})

describe('brush hit-testing', () => {
  it('finds the compound under the pointer', () =>
    expect(hitsNear(index, at(25, 25), 1)).toEqual([1]))
  it('finds nothing in a gap narrower than the brush is far from', () =>
    expect(hitsNear(index, at(55, 25), 2)).toEqual([]))
  it('reaches both neighbours from a gap when the brush is wide enough', () =>
    expect(hitsNear(index, at(55, 25), 6).sort()).toEqual([1, 2]))
  it('paints every compound a fast drag crossed, not only those under pointer events', () =>
    expect(hitsAlong(index, at(25, 25), at(565, 25), 3)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
  it('paints only what the drag crossed', () =>
    expect(hitsAlong(index, at(25, 25), at(85, 25), 3)).toEqual([1, 2]))
})
