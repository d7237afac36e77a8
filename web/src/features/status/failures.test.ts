import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { idle } from '../../store/async.ts'
import { collectFailures, type FailureInputs } from './failures.ts'

const calm = (): FailureInputs => ({
  mapError: null,
  compounds: idle(),
  stats: idle(),
  area: idle(),
  detail: idle(),
  boundaries: { district: idle(), street: idle(), community: idle() },
  hierarchy: idle(),
  areaOptions: {},
  jointRun: idle(),
  sitingRun: idle(),
  sitingCurve: idle(),
})

const down = new ApiError(503, 'db_unavailable', '数据库暂时不可用')

describe('collectFailures', () => {
  it('finds nothing when nothing failed', () => expect(collectFailures(calm())).toEqual([]))

  it('retries the stats of the area that failed', () => {
    const s = { ...calm(), stats: { status: 'error' as const, key: 'd1', error: down } }
    expect(collectFailures(s)[0]?.source).toEqual({ kind: 'stats', areaId: 'd1' })
  })

  it('retries the city stats as the city', () => {
    const s = { ...calm(), stats: { status: 'error' as const, key: 'city', error: down } }
    expect(collectFailures(s)[0]?.source).toEqual({ kind: 'stats', areaId: null })
  })

  it('retries the ledger of the compound that failed', () => {
    const s = { ...calm(), detail: { status: 'error' as const, key: '42', error: down } }
    expect(collectFailures(s)[0]?.source).toEqual({ kind: 'detail', compoundId: 42 })
  })

  it('lists the map and the compounds before the figures', () => {
    const s = {
      ...calm(),
      mapError: new Error('no webgl2'),
      compounds: { status: 'error' as const, key: 'city', error: down },
      stats: { status: 'error' as const, key: 'city', error: down },
    }
    expect(collectFailures(s).map((f) => f.id)).toEqual(['map', 'compounds', 'stats'])
  })

  it('reports a failed select list with its key', () => {
    const s = {
      ...calm(),
      areaOptions: { 'street:d1': { status: 'error' as const, key: 'street:d1', error: down } },
    }
    expect(collectFailures(s)[0]?.source).toEqual({ kind: 'options', key: 'street:d1' })
  })

  it('reports a failed joint-branch analysis with a retry', () => {
    const s = { ...calm(), jointRun: { status: 'error' as const, key: 'k', error: down } }
    expect(collectFailures(s)[0]?.source).toEqual({ kind: 'joint' })
  })

  it('leaves a refused rule to the planning panel', () => {
    const issues = [{ field: 'radiusM', message: 'Too small' }]
    const refused = new ApiError(400, 'BAD_REQUEST', 'invalid json', { issues })
    const s = { ...calm(), jointRun: { status: 'error' as const, key: 'k', error: refused } }
    expect(collectFailures(s)).toEqual([])
  })

  it('reports a failed siting analysis with a retry', () => {
    const s = { ...calm(), sitingRun: { status: 'error' as const, key: 'k', error: down } }
    expect(collectFailures(s)[0]?.source).toEqual({ kind: 'siting' })
  })

  it('leaves a refused siting input to the siting panel', () => {
    const refused = new ApiError(400, 'BAD_REQUEST', 'k: required for model max-cover')
    const s = { ...calm(), sitingRun: { status: 'error' as const, key: 'k', error: refused } }
    expect(collectFailures(s)).toEqual([])
  })

  it('reports an unknown area (404) in the banner, not beside an input', () => {
    const missing = new ApiError(404, 'NOT_FOUND', 'area 510199 not found')
    const s = { ...calm(), sitingRun: { status: 'error' as const, key: 'k', error: missing } }
    expect(collectFailures(s).map((f) => f.id)).toEqual(['siting'])
  })

  it('reports a failed longer coverage curve with a retry', () => {
    const s = { ...calm(), sitingCurve: { status: 'error' as const, key: 'k', error: down } }
    expect(collectFailures(s)[0]?.source).toEqual({ kind: 'sitingCurve' })
  })
})
