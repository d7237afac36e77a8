import { describe, expect, it } from 'vitest'
import { SitingInputError } from './errors.ts'
import { solveSiting } from './solve.ts'
import type { SitingProblem } from './types.ts'

const ok = (): SitingProblem => ({
  model: 'max-cover',
  k: 1,
  demand: [{ id: 'd1', x: 0, y: 0, weight: 10 }],
  candidates: [{ id: 'c1', x: 0, y: 0 }],
})

async function rejection(problem: SitingProblem): Promise<SitingInputError> {
  const err = await solveSiting(problem).then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(SitingInputError)
  const e = err as SitingInputError
  expect(e.status).toBe(400)
  expect(e.code).toBe('BAD_REQUEST')
  return e
}

describe('siting input errors', () => {
  it('rejects k larger than the number of candidates', async () => {
    const e = await rejection({ ...ok(), k: 2 } as SitingProblem)
    expect(e.field).toBe('k')
    expect(e.message).toBe('k is 2, larger than the number of candidates (1)')
  })

  it('rejects an empty demand list', async () => {
    const e = await rejection({ ...ok(), demand: [] })
    expect(e.message).toMatch(/^demand is empty/)
  })

  it('rejects demand whose weights are all zero', async () => {
    const e = await rejection({ ...ok(), demand: [{ id: 'd1', x: 0, y: 0, weight: 0 }] })
    expect(e.message).toMatch(/zero total weight/)
  })

  it('rejects a negative weight', async () => {
    const e = await rejection({ ...ok(), demand: [{ id: 'd1', x: 0, y: 0, weight: -5 }] })
    expect(e.field).toBe('demand[0].weight')
  })

  it('rejects a NaN coordinate and names it', async () => {
    const e = await rejection({ ...ok(), candidates: [{ id: 'c1', x: 0, y: Number.NaN }] })
    expect(e.field).toBe('candidates[0].y')
    expect(e.message).toBe('candidates[0].y must be a finite number (metres), got NaN')
  })

  it('rejects a negative service distance', async () => {
    const e = await rejection({ ...ok(), serviceM: -300 })
    expect(e.field).toBe('serviceM')
  })

  it('rejects a detour factor below 1', async () => {
    const e = await rejection({ ...ok(), detourFactor: 0.8 })
    expect(e.field).toBe('detourFactor')
  })

  it('rejects a negative capacity', async () => {
    const e = await rejection({ ...ok(), candidates: [{ id: 'c1', x: 0, y: 0, capacity: -1 }] })
    expect(e.field).toBe('candidates[0].capacity')
  })

  it('rejects a station id used twice', async () => {
    const e = await rejection({ ...ok(), existing: [{ id: 'c1', x: 5, y: 5 }] })
    expect(e.field).toBe('candidates[0].id')
    expect(e.message).toMatch(/duplicates existing\[0\]\.id/)
  })

  it('rejects a coverage target outside (0, 1]', async () => {
    const { demand, candidates } = ok()
    const e = await rejection({ model: 'set-cover', targetShare: 1.5, demand, candidates })
    expect(e.field).toBe('targetShare')
  })

  it('rejects a p-median penalty shorter than the served distance', async () => {
    const { demand, candidates } = ok()
    const e = await rejection({
      model: 'p-median',
      k: 1,
      demand,
      candidates,
      maxDistanceM: 500,
      unservedPenaltyM: 100,
    })
    expect(e.field).toBe('unservedPenaltyM')
  })

  it('rejects an unknown model', async () => {
    const e = await rejection({ ...ok(), model: 'centre' } as unknown as SitingProblem)
    expect(e.field).toBe('model')
  })
})
