import { describe, expect, it } from 'vitest'
import { choose, keepInside, mayClimbTo, parentFor, pathOf, selectedAreaId } from './area-path.ts'

describe('choose', () => {
  it('chooses a district from nothing', () => expect(choose([], 'district', 'd1')).toEqual(['d1']))
  it('chooses a street under the district', () =>
    expect(choose(['d1'], 'street', 's1')).toEqual(['d1', 's1']))
  it('clears the street and community when the district changes', () =>
    expect(choose(['d1', 's1', 'c1'], 'district', 'd2')).toEqual(['d2']))
  it('goes back up a level when a level is cleared', () =>
    expect(choose(['d1', 's1', 'c1'], 'street', null)).toEqual(['d1']))
  it('refuses a community without a street', () =>
    expect(choose(['d1'], 'community', 'c1')).toEqual(['d1']))
})

describe('selectedAreaId', () => {
  it('is the deepest choice', () => expect(selectedAreaId(['d1', 's1'])).toBe('s1'))
  it('is null (the city) when nothing is chosen', () => expect(selectedAreaId([])).toBeNull())
})

describe('pathOf', () => {
  it('rebuilds the picker path of a community from its ancestors', () => {
    const detail = {
      id: 'c1',
      level: 'community' as const,
      ancestors: [
        { id: 'city', level: 'city' as const, name: '成都市' },
        { id: 'd1', level: 'district' as const, name: '锦江区' },
        { id: 's1', level: 'street' as const, name: '东街道' },
      ],
    }
    expect(pathOf(detail)).toEqual(['d1', 's1', 'c1'])
  })
  it('is empty for the city', () =>
    expect(pathOf({ id: 'city', level: 'city', ancestors: [] })).toEqual([]))
})

describe('parentFor', () => {
  it('lists districts without a parent', () => expect(parentFor([], 'district')).toBeNull())
  it('lists streets of the chosen district', () => expect(parentFor(['d1'], 'street')).toBe('d1'))
  it('cannot list communities before a street is chosen', () =>
    expect(parentFor(['d1'], 'community')).toBeUndefined())
})

describe('keepInside (the jurisdiction of the signed-in user)', () => {
  it('keeps any path for a user of the whole city', () =>
    expect(keepInside(['d2', 's9'], [])).toEqual(['d2', 's9']))
  it('keeps a path at or below home', () => {
    expect(keepInside(['d1', 's1'], ['d1', 's1'])).toEqual(['d1', 's1'])
    expect(keepInside(['d1', 's1', 'c1'], ['d1', 's1'])).toEqual(['d1', 's1', 'c1'])
  })
  it('turns a path above home (the district, the city) into home', () => {
    expect(keepInside(['d1'], ['d1', 's1'])).toEqual(['d1', 's1'])
    expect(keepInside([], ['d1', 's1'])).toEqual(['d1', 's1'])
  })
  it('turns a path beside home (another district or street) into home', () => {
    expect(keepInside(['d2'], ['d1'])).toEqual(['d1'])
    expect(keepInside(['d1', 's2'], ['d1', 's1'])).toEqual(['d1', 's1'])
  })
})

describe('mayClimbTo', () => {
  it('lets a city user climb anywhere, the city included', () => {
    expect(mayClimbTo(null, [])).toBe(true)
    expect(mayClimbTo('d1', [])).toBe(true)
  })
  it('lets a street planner climb to the street and below, never to the district or the city', () => {
    const home = ['d1', 's1']
    expect(mayClimbTo(null, home)).toBe(false)
    expect(mayClimbTo('d1', home)).toBe(false)
    expect(mayClimbTo('s1', home)).toBe(true)
    expect(mayClimbTo('c1', home)).toBe(true)
  })
})
