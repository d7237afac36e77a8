import { describe, expect, it } from 'vitest'
import { COVERAGE_STATUSES, type CoverageStatus } from '../api/types.ts'
import { ALPHA, STATUS_RGB, compoundFill } from './status-colors.ts'

describe('compoundFill', () => {
  it('gives every status its own colour', () => {
    const colours = new Set(COVERAGE_STATUSES.map((s) => STATUS_RGB[s].join(',')))
    expect(colours.size).toBe(COVERAGE_STATUSES.length)
  })
  it('draws old compounds strongest', () =>
    expect(compoundFill('joint', true, true)[3]).toBe(ALPHA.old))
  it('draws compounds that are not old paler', () =>
    expect(compoundFill('joint', false, true)[3]).toBe(ALPHA.notOld))
  it('fades compounds outside the chosen area whatever their age', () =>
    expect(compoundFill('joint', true, false)[3]).toBe(ALPHA.outsideArea))
  it('draws an unknown status in neutral dark grey instead of failing', () =>
    expect(compoundFill('future' as CoverageStatus, true, true).slice(0, 3)).toEqual([60, 60, 60]))
})
