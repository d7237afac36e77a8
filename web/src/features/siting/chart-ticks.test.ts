import { describe, expect, it } from 'vitest'
import { niceStep, shareAxisMax, ticks } from './chart-ticks.ts'

describe('ticks', () => {
  it('steps by round numbers', () => expect(ticks(179, 5, true)).toEqual([0, 50, 100, 150]))
  it('keeps integers for a few stations', () => expect(ticks(2, 5, true)).toEqual([0, 1, 2]))
  it('ends on the maximum when it is a step', () =>
    expect(ticks(0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]))
})

describe('niceStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => expect(niceStep(1, 4)).toBe(0.5))
  it('falls back on 1 for an empty axis', () => expect(niceStep(0, 4)).toBe(1))
})

describe('shareAxisMax', () => {
  it('rounds up to a tenth with room above the top point', () =>
    expect(shareAxisMax(0.211)).toBe(0.3))
  it('never goes past 100 %', () => expect(shareAxisMax(0.99)).toBe(1))
})
