import { describe, expect, it } from 'vitest'
import type { AreaSummary } from '../api/types.ts'
import { analysisAreaOf, jointAreaOf, type JointAreaInputs } from './joint-area.ts'

const district = (id: string, name: string): AreaSummary => ({
  id,
  level: 'district',
  name,
  parentId: '510100',
  bbox: null,
})

const inputs = (change: Partial<JointAreaInputs> = {}): JointAreaInputs => ({
  jointScope: 'picked',
  areaPath: [],
  area: { status: 'idle' },
  areaOptions: {
    'district:': { status: 'ready', key: 'district:', data: [district('510104', '锦江区')] },
  },
  ...change,
})

describe('jointAreaOf', () => {
  it('analyses the area chosen in the picker', () =>
    expect(jointAreaOf(inputs({ areaPath: ['510104'] }))).toEqual({
      id: '510104',
      level: 'district',
      name: '锦江区',
    }))
  it('analyses the city when nothing is chosen', () =>
    expect(jointAreaOf(inputs())).toEqual({ id: '510100', level: 'city', name: null }))
  it('analyses the city when asked to, whatever is chosen', () =>
    expect(jointAreaOf(inputs({ jointScope: 'city', areaPath: ['510104'] }))?.id).toBe('510100'))
  it('cannot name the city before the districts have loaded', () =>
    expect(jointAreaOf(inputs({ areaOptions: {} }))).toBeNull())
  it('still analyses a chosen street whose name is not loaded', () =>
    expect(jointAreaOf(inputs({ areaPath: ['510104', '510104001'] }))).toEqual({
      id: '510104001',
      level: 'street',
      name: null,
    }))
})

describe('analysisAreaOf', () => {
  it('follows the scope it is given, not the joint-branch one (station siting has its own)', () =>
    expect(analysisAreaOf('city', inputs({ jointScope: 'picked', areaPath: ['510104'] }))?.id).toBe(
      '510100',
    ))
})
