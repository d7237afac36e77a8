import { describe, expect, it } from 'vitest'
import { solveSiting } from './solve.ts'
import { sixOnALine } from './test-fixtures.ts'
import type { SitingResult } from './types.ts'

const line = { ...sixOnALine(), serviceM: 100, detourFactor: 1 }
const byId = (r: SitingResult, id: string) => r.demand.find((d) => d.id === id)!

describe('maximal covering', () => {
  // k = 1: S1 reaches four points (400), S2 and S3 three each (300): S1, 400 of 600.
  it('picks the site reaching the most weight when k = 1', async () => {
    const r = await solveSiting({ model: 'max-cover', k: 1, ...line })
    expect(r.chosen).toEqual(['S1'])
    expect(r.objective).toBe(400)
    expect(r.after).toEqual({ count: 4, weight: 400, share: 400 / 600, countShare: 4 / 6 })
    expect(r.before.weight).toBe(0)
    expect(r.status).toBe('optimal')
  })

  // k = 2: greedy takes S1 (400) then S2 or S3 (+100) = 500, but S2 + S3 reach all six = 600. The swap
  // step must find it even without the MILP.
  it.each(['exact', 'heuristic'] as const)(
    'finds S2 + S3 covering all 600 when k = 2 (%s)',
    async (method) => {
      const r = await solveSiting({ model: 'max-cover', k: 2, ...line }, { method })
      expect([...r.chosen].sort()).toEqual(['S2', 'S3'])
      expect(r.objective).toBe(600)
      expect(r.after.share).toBe(1)
      expect(r.gap).toBe(0)
      expect(r.method).toBe(method)
    },
  )

  // The curve is greedy one station at a time: 400 then 500, below the 2-site optimum of 600.
  it('reports a greedy coverage curve', async () => {
    const r = await solveSiting({ model: 'max-cover', k: 2, ...line })
    expect(r.curve.map((c) => [c.stations, c.weight, c.marginalWeight])).toEqual([
      [1, 400, 400],
      [2, 500, 100],
    ])
  })

  // S2 serves p1, p2, p5 and S3 serves p3, p4, p6: every point goes to its nearest open site.
  it('gives each chosen site its catchment', async () => {
    const r = await solveSiting({ model: 'max-cover', k: 2, ...line })
    const s2 = r.sites.find((s) => s.id === 'S2')!
    expect([...s2.demandIds].sort()).toEqual(['p1', 'p2', 'p5'])
    expect(s2.weight).toBe(300)
    expect(byId(r, 'p5')).toMatchObject({
      stationId: 'S2',
      walkM: 80,
      covered: true,
      coveredByExisting: false,
    })
  })

  // An existing station at -160 already covers p1 (70 m) and p5 (20 m). With p6 weighing 150 the uncovered
  // weight S1 can add is p2 + p3 + p4 = 300, S2 only p2 = 100, S3 p3 + p4 + p6 = 350: S3, +350.
  it('counts only demand that existing stations leave uncovered', async () => {
    const { demand, candidates } = sixOnALine()
    demand[5]!.weight = 150
    const existing = [{ id: 'E1', x: -160, y: 0 }]
    const r = await solveSiting({
      model: 'max-cover',
      k: 1,
      demand,
      candidates,
      existing,
      serviceM: 100,
      detourFactor: 1,
    })
    expect(r.chosen).toEqual(['S3'])
    expect(r.objective).toBe(350)
    expect(r.before).toMatchObject({ count: 2, weight: 200 })
    expect(r.after).toMatchObject({ count: 5, weight: 550 })
    expect(byId(r, 'p1')).toMatchObject({ coveredByExisting: true, stationId: 'E1' })
    expect(r.curve[0]!.weight).toBe(550)
  })

  // Existing stations at S2's and S3's places cover all six points, so S1 would add nothing: none opens.
  it('opens nothing when existing stations already cover every point', async () => {
    const { demand } = sixOnALine()
    const r = await solveSiting({
      model: 'max-cover',
      k: 1,
      demand,
      candidates: [{ id: 'S1', x: 0, y: 0 }],
      existing: [
        { id: 'E2', x: -100, y: 0 },
        { id: 'E3', x: 100, y: 0 },
      ],
      serviceM: 100,
      detourFactor: 1,
    })
    expect(r.chosen).toEqual([])
    expect(r.objective).toBe(0)
    expect(r.after.share).toBe(1)
    expect(r.notes.join()).toMatch(/only 0 of the k = 1/)
  })
})

describe('maximal covering with capacity', () => {
  // One site of 500 households reaching A 300, B 290, D 200: the best load within 500 is A + D = 500
  // exactly (inclusive); B + D = 490 and any pair with A and B exceeds 500.
  const demand = [
    { id: 'A', x: 10, y: 0, weight: 300 },
    { id: 'B', x: 0, y: 10, weight: 290 },
    { id: 'D', x: -10, y: 0, weight: 200 },
  ]
  it.each(['exact', 'heuristic'] as const)(
    'never loads a site beyond its capacity (%s)',
    async (method) => {
      const candidates = [{ id: 'C', x: 0, y: 0, capacity: 500 }]
      const r = await solveSiting({ model: 'max-cover', k: 1, demand, candidates }, { method })
      expect(r.objective).toBe(500)
      expect([...r.sites[0]!.demandIds].sort()).toEqual(['A', 'D'])
      expect(r.sites[0]!.households).toBe(500)
      expect(byId(r, 'B')).toMatchObject({ covered: false, stationId: null })
    },
  )

  // Capacity counts households, coverage counts weight: here weight is elderly residents. A has 900
  // households but only 10 elderly; B 400 households and 300 elderly; a 1,000-household site takes B (and
  // not A, which together would be 1,300 households).
  it('measures capacity in households, not in the coverage weight', async () => {
    const r = await solveSiting({
      model: 'max-cover',
      k: 1,
      demand: [
        { id: 'A', x: 10, y: 0, weight: 10, households: 900 },
        { id: 'B', x: -10, y: 0, weight: 300, households: 400 },
      ],
      candidates: [{ id: 'C', x: 0, y: 0, capacity: 1000 }],
    })
    expect(r.sites[0]!.demandIds).toEqual(['B'])
    expect(r.objective).toBe(300)
  })
})
