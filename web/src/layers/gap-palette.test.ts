import { describe, expect, it } from 'vitest'
import {
  classIndex,
  niceCeil,
  quantileBreaks,
  roundCount,
  roundRate,
  spread,
} from './gap-palette.ts'

describe('quantileBreaks', () => {
  it('splits 1..10 into five classes of two values each', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    const breaks = quantileBreaks(values, 5, (v) => v)
    expect(breaks).toEqual([2, 4, 6, 8])
    const counts = [0, 0, 0, 0, 0]
    for (const v of values) counts[classIndex(v, breaks)]!++
    expect(counts).toEqual([2, 2, 2, 2, 2])
  })

  it('merges equal bounds so no class is empty', () => {
    expect(quantileBreaks([1, 1, 1, 1, 1, 1, 1, 1, 9, 10], 5, (v) => v)).toEqual([1])
  })

  it('never puts a bound at the maximum, which would empty the top class', () => {
    expect(quantileBreaks([5, 5, 5], 5, (v) => v)).toEqual([])
  })

  it('ignores unknown values and answers nothing for no data', () => {
    expect(quantileBreaks([Number.NaN, 3, 7], 2, (v) => v)).toEqual([3])
    expect(quantileBreaks([], 5, (v) => v)).toEqual([])
  })

  it('sets no bound that rounding would put at the only value', () => {
    expect(quantileBreaks([0.574], 5, roundRate)).toEqual([])
  })

  it('rounds rate bounds to whole percentages', () => {
    expect(quantileBreaks([0.123, 0.456, 0.789, 0.9], 2, roundRate)).toEqual([0.46])
  })
})

describe('classIndex', () => {
  it('puts a value equal to a bound in the lower class', () => {
    expect(classIndex(4, [2, 4, 6])).toBe(1)
    expect(classIndex(4.01, [2, 4, 6])).toBe(2)
    expect(classIndex(100, [2, 4, 6])).toBe(3)
  })
})

describe('readable bounds', () => {
  it('rounds counts up to whole numbers, then to 1, 2 or 5 times a power of ten', () => {
    expect(roundCount(3.2)).toBe(4)
    expect(roundCount(13)).toBe(20)
    expect(roundCount(230)).toBe(500)
    expect(niceCeil(1000)).toBe(1000)
  })

  it('spreads a ramp over fewer classes keeping both ends', () => {
    const ramp: [number, number, number][] = [
      [0, 0, 0],
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
      [4, 4, 4],
    ]
    expect(spread(ramp, 3)).toEqual([ramp[0], ramp[2], ramp[4]])
    expect(spread(ramp, 1)).toEqual([ramp[2]])
  })
})
