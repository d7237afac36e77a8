import { describe, expect, it } from 'vitest'
import type { LedgerExtraColumns } from '../api/ledger-types.ts'
import type { CompoundFeature, CoverageStatus } from '../api/types.ts'
import { buildRows, filterRows, nextSort, normalise, sortRows } from './ledger-table.ts'

const feature = (
  id: number,
  code: string,
  name: string,
  status: CoverageStatus,
  households: number,
  communityId = 'c1',
): CompoundFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [104, 30] },
  properties: { id, code, name, status, isOld: true, households, membersFull: 1, communityId },
})

const features = [
  feature(1, 'A-10', '锦江花园', 'standalone', 120),
  feature(2, 'A-2', '红星小区', 'no_members', 80, 'c2'),
  feature(3, 'A-3', 'ＢＯＣ宿舍', 'joint', 300),
  feature(4, 'A-4', '东风里', 'few_members', 120, 'c2'),
]
const extra: LedgerExtraColumns = {
  id: [4, 3, 2, 1],
  address: ['东风路１２号', null, '红星路 8 号', '锦江区书院街3号'],
  yearBuilt: [1988, null, 1995, 2001],
  residents: [300, 0, 200, 250],
  community: ['乙社区', '甲社区', '乙社区', '甲社区'],
  street: ['街道', '街道', '街道', '街道'],
  version: [1, 1, 1, 1],
}

describe('ledger table rows', () => {
  const rows = buildRows(features, extra)

  it('joins the extra columns by id, and leaves them empty until they arrive', () => {
    expect(rows.map((r) => [r.id, r.address, r.yearBuilt, r.community])).toEqual([
      [1, '锦江区书院街3号', 2001, '甲社区'],
      [2, '红星路 8 号', 1995, '乙社区'],
      [3, null, null, '甲社区'],
      [4, '东风路１２号', 1988, '乙社区'],
    ])
    expect(buildRows(features, undefined).every((r) => r.address === null)).toBe(true)
  })

  it('normalises full-width text, case and spaces for search', () => {
    expect(normalise('ＢＯＣ　宿舍 １２')).toBe('boc宿舍12')
    const find = (q: string) =>
      filterRows(rows, { inside: null, statuses: [], query: normalise(q) }).map((r) => r.id)
    expect(find('boc')).toEqual([3])
    expect(find('东风路12')).toEqual([4]) // the address has a full-width 12
    expect(find('红星路8号')).toEqual([2]) // spaces in the address ignored
    expect(find('a-1')).toEqual([1]) // by code
    expect(find('不存在')).toEqual([])
  })

  it('filters by the area’s communities and by statuses together', () => {
    const f = (inside: string[] | null, statuses: CoverageStatus[]) =>
      filterRows(rows, { inside: inside && new Set(inside), statuses, query: '' }).map((r) => r.id)
    expect(f(['c2'], [])).toEqual([2, 4])
    expect(f(null, ['standalone', 'joint'])).toEqual([1, 3])
    expect(f(['c2'], ['few_members'])).toEqual([4])
    expect(filterRows(rows, { inside: null, statuses: [], query: '' })).toBe(rows)
  })

  it('sorts numbers, codes naturally, statuses by their order, with empty values last', () => {
    const ids = (key: Parameters<typeof nextSort>[1], dir: 'asc' | 'desc') =>
      sortRows(rows, { key, dir }).map((r) => r.id)
    expect(ids('households', 'asc')).toEqual([2, 1, 4, 3]) // tie 120: id order
    expect(ids('households', 'desc')).toEqual([3, 1, 4, 2])
    expect(ids('code', 'asc')).toEqual([2, 3, 4, 1]) // A-2 < A-3 < A-4 < A-10
    expect(ids('status', 'asc')).toEqual([1, 3, 4, 2])
    expect(ids('yearBuilt', 'asc')).toEqual([4, 2, 1, 3])
    expect(ids('yearBuilt', 'desc')).toEqual([1, 2, 4, 3]) // missing still last
    expect(ids('address', 'asc').at(-1)).toBe(3)
  })

  it('flips the direction on a second click of the same column', () => {
    const s = nextSort({ key: 'name', dir: 'asc' }, 'name')
    expect(s).toEqual({ key: 'name', dir: 'desc' })
    expect(nextSort(s, 'households')).toEqual({ key: 'households', dir: 'asc' })
  })
})
