import { describe, expect, it } from 'vitest'
import { row } from '../../store/dashboard-fixtures.ts'
import { CITY_OLD_COMPOUNDS, TARGETS, targetFor } from './targets.ts'

describe('targetFor', () => {
  it('uses the published rates as they are', () => {
    const r = row({ id: 'a', name: 'a' })
    expect(targetFor('organisationCoverage', r, 1000)).toBe(0.87)
    expect(targetFor('stationCoverage', r, 1000)).toBe(0.35)
  })

  it('pro-rates a published city total by the share of old compounds', () => {
    const r = row({ id: 'a', name: 'a', oldCompounds: CITY_OLD_COMPOUNDS / 10 })
    expect(targetFor('jointBranches', r, 1000)).toBe(128) // 1,276 / 10 rounded
    expect(targetFor('vanguardTeams', r, 1000)).toBe(267)
    const whole = row({ id: 'c', name: 'c', oldCompounds: CITY_OLD_COMPOUNDS })
    expect(targetFor('problemsSolved', whole, 1000)).toBe(8338)
  })

  it('asks each organised compound for the funding minimum', () => {
    expect(targetFor('fundingYuan', row({ id: 'a', name: 'a', organised: 8 }), 1500)).toBe(12000)
  })

  it('sets no count target for an area without old compounds', () => {
    expect(
      targetFor('consultations', row({ id: 'a', name: 'a', oldCompounds: 0 }), 1000),
    ).toBeNull()
  })

  it('names a source for every target in both languages', () => {
    for (const t of Object.values(TARGETS)) {
      expect(t.source.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(t.source.en.length).toBeGreaterThan(5)
    }
  })
})
