import { describe, expect, it } from 'vitest'
import type { AreaFeatureProps, AreaLevel } from '../api/types.ts'
import { buildParentIndex, communitiesWithin, isWithin } from './area-index.ts'

const area = (id: string, level: AreaLevel, parentId: string | null): AreaFeatureProps => ({
  id,
  level,
  name: id,
  parentId,
})

const hierarchy = () =>
  buildParentIndex([
    [area('city', 'city', null)],
    [area('d1', 'district', 'city'), area('d2', 'district', 'city')],
    [area('s1', 'street', 'd1'), area('s2', 'street', 'd2')],
    [area('c1', 'community', 's1'), area('c2', 'community', 's1'), area('c3', 'community', 's2')],
  ])

describe('isWithin', () => {
  it('finds a community inside its district', () =>
    expect(isWithin('c1', 'd1', hierarchy())).toBe(true))
  it('rejects a community of another district', () =>
    expect(isWithin('c3', 'd1', hierarchy())).toBe(false))
  it('counts an area as within itself', () => expect(isWithin('s1', 's1', hierarchy())).toBe(true))
  it('treats an unknown community as outside', () =>
    expect(isWithin('nowhere', 'd1', hierarchy())).toBe(false))
  it('stops on a cyclic hierarchy', () => {
    const cyclic = buildParentIndex([[area('a', 'street', 'b'), area('b', 'street', 'a')]])
    expect(isWithin('a', 'z', cyclic)).toBe(false)
  })
})

describe('communitiesWithin', () => {
  it('lists the communities of a street', () =>
    expect(communitiesWithin('s1', ['c1', 'c2', 'c3'], hierarchy())).toEqual(new Set(['c1', 'c2'])))
  it('does not restrict the whole city', () =>
    expect(communitiesWithin(null, ['c1'], hierarchy())).toBeNull())
  it('does not restrict at the city id either', () =>
    expect(communitiesWithin('city', ['c1'], hierarchy())).toBeNull())
  it('does not restrict while the hierarchy is unknown', () =>
    expect(communitiesWithin('d1', ['c1'], buildParentIndex([]))).toBeNull())
})
