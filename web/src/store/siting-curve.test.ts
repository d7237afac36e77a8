import { describe, expect, it } from 'vitest'
import { curve, sitingResult } from './siting-fixtures.ts'
import { EXTENDED_STATIONS, bestCurve, extensionOf, kneeOf, withStart } from './siting-curve.ts'

describe('kneeOf', () => {
  it('finds the first station gaining less than a tenth of the first', () =>
    expect(kneeOf(curve([1000, 500, 200, 99, 50]))).toBe(4))
  it('counts a gain of exactly a tenth as still paying off', () =>
    expect(kneeOf(curve([1000, 100, 10]))).toBe(3))
  it('finds none when every station pays off', () =>
    expect(kneeOf(curve([100, 90, 80]))).toBeNull())
  it('finds none on an empty curve', () => expect(kneeOf([])).toBeNull())
  it('takes another share when asked', () => expect(kneeOf(curve([100, 60, 40]), 0.5)).toBe(3))
})

describe('withStart', () => {
  it("starts the curve at today's coverage with no new station", () => {
    const r = sitingResult()
    expect(withStart(r.before, r.curve)[0]).toEqual({
      stations: 0,
      weight: 500,
      share: 1 / 6,
      marginalWeight: 0,
    })
  })
})

describe('extensionOf', () => {
  const many = { demand: 600, candidates: 5000, existing: 3, solverMs: 1, totalMs: 1 }
  it('asks for a longer curve when the turning point lies beyond k', () =>
    expect(extensionOf(sitingResult({ stats: many }))).toBe(EXTENDED_STATIONS))
  it('asks for no more stations than there are candidates', () =>
    expect(extensionOf(sitingResult({ stats: { ...many, candidates: 40 } }))).toBe(40))
  it('asks for nothing once the turning point is on the curve', () =>
    expect(extensionOf(sitingResult({ stats: many, curve: curve([1000, 50]) }))).toBeNull())
  it('asks for nothing when the curve ended early because nothing more can be covered', () =>
    expect(extensionOf(sitingResult({ stats: many, curve: curve([1000]) }))).toBeNull())
})

describe('bestCurve', () => {
  const r = sitingResult()
  it('prefers the longer curve asked for beyond k', () => {
    const longer = curve([500, 500, 400])
    expect(bestCurve(r, longer)).toBe(longer)
  })
  it("keeps the result's own curve until a longer one arrives", () =>
    expect(bestCurve(r, undefined)).toBe(r.curve))
})
