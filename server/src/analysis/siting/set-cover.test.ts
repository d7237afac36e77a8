import { describe, expect, it } from 'vitest'
import { solveSiting } from './solve.ts'
import { sixOnALine } from './test-fixtures.ts'

const line = { ...sixOnALine(), serviceM: 100, detourFactor: 1 }

describe('set covering', () => {
  // Full coverage: no single site reaches all six (S1 reaches 4); S2 + S3 reach all: 2 sites.
  it.each(['exact', 'heuristic'] as const)(
    'covers everything with S2 + S3 (%s)',
    async (method) => {
      const r = await solveSiting({ model: 'set-cover', targetShare: 1, ...line }, { method })
      expect([...r.chosen].sort()).toEqual(['S2', 'S3'])
      expect(r.objective).toBe(2)
      expect(r.bound).toBe(2)
      expect(r.after.share).toBe(1)
      expect(r.status).toBe('optimal')
    },
  )

  // 4 of 6 points is S1 alone; asking for 70% needs a fifth point, so two sites.
  it('needs one site for two thirds and two for 70%', async () => {
    const twoThirds = await solveSiting({ model: 'set-cover', targetShare: 4 / 6, ...line })
    expect(twoThirds.chosen).toEqual(['S1'])
    const seventy = await solveSiting({ model: 'set-cover', targetShare: 0.7, ...line })
    expect(seventy.objective).toBe(2)
  })

  // A seventh point 1 km away is out of every candidate's reach: at most 6 of 7 (85.7%) can be covered.
  it('reports an unreachable target as infeasible with the best share possible', async () => {
    const demand = [...line.demand, { id: 'far', x: 1000, y: 0, weight: 100 }]
    const r = await solveSiting({ model: 'set-cover', targetShare: 1, ...line, demand })
    expect(r.status).toBe('infeasible')
    expect(r.chosen).toEqual([])
    expect(r.maxAchievableShare).toBeCloseTo(6 / 7, 12)
    expect(r.notes[0]).toMatch(/out of reach.*85\.7%/)
  })

  // An existing station at S1's place already covers 4 of 6: a 50% target needs nothing new.
  it('opens nothing when existing stations already meet the target', async () => {
    const r = await solveSiting({
      model: 'set-cover',
      targetShare: 0.5,
      ...line,
      existing: [{ id: 'E', x: 0, y: 0 }],
    })
    expect(r.chosen).toEqual([])
    expect(r.objective).toBe(0)
    expect(r.gap).toBe(0)
    expect(r.before.share).toBeCloseTo(4 / 6, 12)
  })

  // Capacity 250 households lets a site serve two of the 100-household points, so six points need three
  // sites: S2 takes p5 and p1 or p2, S3 takes p6 and p3 or p4, S1 the other two inner points.
  it.each(['exact', 'heuristic'] as const)(
    'needs a third site when capacity caps each at two points (%s)',
    async (method) => {
      const candidates = line.candidates.map((c) => ({ ...c, capacity: 250 }))
      const r = await solveSiting(
        { model: 'set-cover', targetShare: 1, ...line, candidates },
        { method },
      )
      expect(r.objective).toBe(3)
      expect(r.after.share).toBe(1)
      for (const s of r.sites) expect(s.households).toBeLessThanOrEqual(250)
    },
  )
})
