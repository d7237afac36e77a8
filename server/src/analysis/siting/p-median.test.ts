import { describe, expect, it } from 'vitest'
import { solveSiting } from './solve.ts'

// A line, detour 1: A (w 1) at 0, B (w 2) at 100, C (w 2) at 400. Served within 200 m, else charged 200 m.
const demand = [
  { id: 'A', x: 0, y: 0, weight: 1 },
  { id: 'B', x: 100, y: 0, weight: 2 },
  { id: 'C', x: 400, y: 0, weight: 2 },
]
const candidates = [
  { id: 's1', x: 0, y: 0 },
  { id: 's2', x: 100, y: 0 },
  { id: 's3', x: 400, y: 0 },
  { id: 's4', x: 50, y: 0 },
]
const base = {
  model: 'p-median' as const,
  demand,
  candidates,
  serviceM: 100,
  detourFactor: 1,
  maxDistanceM: 200,
}

describe('p-median', () => {
  // k = 1 (Σ weight × metres, C beyond 200 m pays 2 × 200 = 400):
  // s1 0 + 200 + 400 = 600; s2 100 + 0 + 400 = 500; s3 200 + 400 + 0 = 600; s4 50 + 100 + 400 = 550.
  it.each(['exact', 'heuristic'] as const)(
    'opens s2 at cost 500 when k = 1 (%s)',
    async (method) => {
      const r = await solveSiting({ ...base, k: 1 }, { method })
      expect(r.chosen).toEqual(['s2'])
      expect(r.objective).toBe(500)
      expect(r.objectiveSense).toBe('min')
      expect(r.bound).toBeLessThanOrEqual(500)
    },
  )

  // k = 2: s2 + s3 = 100 + 0 + 0 = 100; s1 + s3 = 0 + 200 + 0 = 200; s4 + s3 = 50 + 100 = 150.
  it.each(['exact', 'heuristic'] as const)(
    'opens s2 + s3 at cost 100 when k = 2 (%s)',
    async (method) => {
      const r = await solveSiting({ ...base, k: 2 }, { method })
      expect([...r.chosen].sort()).toEqual(['s2', 's3'])
      expect(r.objective).toBe(100)
      expect(r.gap).toBe(0)
      expect(r.demand.find((d) => d.id === 'A')).toMatchObject({
        stationId: 's2',
        walkM: 100,
        covered: true,
      })
    },
  )

  // An existing station at 400 serves C at 0: k = 1 then costs s1 0 + 200 = 200, s2 100 + 0 = 100,
  // s4 50 + 100 = 150, s3 200 + 400 (C already at 0) = 600: s2 at 100.
  it('lets existing stations serve demand at no new cost', async () => {
    const r = await solveSiting({ ...base, k: 1, existing: [{ id: 'E', x: 400, y: 0 }] })
    expect(r.chosen).toEqual(['s2'])
    expect(r.objective).toBe(100)
    expect(r.demand.find((d) => d.id === 'C')).toMatchObject({ stationId: 'E', walkM: 0 })
  })

  // s5 at 250 reaches B and C (150 m each) but not A (250 m). With the default penalty (200 m) it costs
  // 200 + 300 + 300 = 800 against s2's 500; with a 1,000 m penalty s5 costs 1,000 + 600 = 1,600 while
  // s2 costs 100 + 2 × 1,000 = 2,100 (s1 2,200, s4 2,150, s3 3,000): the penalty makes reach worth more.
  it('charges unserved demand the penalty distance', async () => {
    const withS5 = [...candidates, { id: 's5', x: 250, y: 0 }]
    const usual = await solveSiting({ ...base, k: 1, candidates: withS5 })
    expect(usual.chosen).toEqual(['s2'])
    const r = await solveSiting({ ...base, k: 1, candidates: withS5, unservedPenaltyM: 1000 })
    expect(r.chosen).toEqual(['s5'])
    expect(r.objective).toBe(1600)
    expect(r.demand.find((d) => d.id === 'A')).toMatchObject({ stationId: null, covered: false })
  })

  // s2 has room for 2 households: with k = 1 it keeps B (weight 2, saves 2 × 200) and A pays the penalty
  // 200: total 200 + 0 + 400 = 600, while s4 (unlimited) costs 550: s4 wins.
  it('respects capacity when choosing and assigning', async () => {
    const capped = candidates.map((c) => (c.id === 's2' ? { ...c, capacity: 2 } : c))
    const r = await solveSiting({ ...base, k: 1, candidates: capped })
    expect(r.chosen).toEqual(['s4'])
    expect(r.objective).toBe(550)
  })
})
