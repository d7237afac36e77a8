import { describe, expect, it } from 'vitest'
import { row } from './dashboard-fixtures.ts'
import { rankRows, valueOf } from './dashboard-measures.ts'
import { nextSort } from './dashboard-slice.ts'

describe('rankRows', () => {
  const rows = [
    row({ id: 'a', name: '乙', organisationCoverage: 0.9, fundingYuan: 100 }),
    row({ id: 'b', name: '甲', organisationCoverage: null, fundingYuan: 300 }),
    row({ id: 'c', name: '丙', organisationCoverage: 0.7, fundingYuan: 200 }),
  ]

  it('ranks by a rate, unknown rates last whichever the direction', () => {
    expect(rankRows(rows, 'organisationCoverage', false).map((r) => r.id)).toEqual(['c', 'a', 'b'])
    expect(rankRows(rows, 'organisationCoverage', true).map((r) => r.id)).toEqual(['a', 'c', 'b'])
  })

  it('ranks by a count and by an indicator', () => {
    expect(rankRows(rows, 'fundingYuan', true).map((r) => r.id)).toEqual(['b', 'c', 'a'])
    const byStation = [
      row({ id: 'x', name: 'x', indicators: { ...rows[0]!.indicators, station: 0.2 } }),
      row({ id: 'y', name: 'y', indicators: { ...rows[0]!.indicators, station: 0.6 } }),
    ]
    expect(rankRows(byStation, 'station', true).map((r) => r.id)).toEqual(['y', 'x'])
  })

  it('ranks by name in Chinese order and leaves its input alone', () => {
    const before = rows.map((r) => r.id)
    expect(rankRows(rows, 'name', false).map((r) => r.name)).toEqual(['丙', '甲', '乙'])
    expect(rows.map((r) => r.id)).toEqual(before)
  })
})

describe('valueOf', () => {
  it('reads indicators from their record and reports unknown as NaN', () => {
    const r = row({ id: 'a', name: 'a', allFive: null })
    expect(valueOf(r, 'funding')).toBe(0.6)
    expect(valueOf(r, 'allFive')).toBeNaN()
  })
})

describe('nextSort', () => {
  it('flips the direction on the same header and starts a new one at its natural order', () => {
    expect(nextSort({ key: 'fundingYuan', desc: true }, 'fundingYuan')).toEqual({
      key: 'fundingYuan',
      desc: false,
    })
    expect(nextSort({ key: 'fundingYuan', desc: false }, 'name')).toEqual({
      key: 'name',
      desc: false,
    })
    expect(nextSort({ key: 'name', desc: false }, 'consultations')).toEqual({
      key: 'consultations',
      desc: true,
    })
  })
})
