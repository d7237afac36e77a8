import { describe, expect, it } from 'vitest'
import { buildReach } from './reach.ts'
import { solveSiting } from './solve.ts'
import { seeded } from './seeded.ts'

describe('reach', () => {
  // 300 m walking at detour 1.3 is 230.769… m straight-line; a point exactly there is covered.
  it('covers a point exactly at serviceM / detour straight-line metres', async () => {
    const edge = 300 / 1.3
    const demand = [
      { id: 'on', x: edge, y: 0, weight: 1 },
      { id: 'diagonal', x: edge * 0.6, y: edge * 0.8, weight: 1 },
      { id: 'beyond', x: edge + 0.01, y: 0, weight: 1 },
    ]
    const r = await solveSiting({
      model: 'max-cover',
      k: 1,
      demand,
      candidates: [{ id: 'c', x: 0, y: 0 }],
    })
    expect(r.demand.map((d) => [d.id, d.covered])).toEqual([
      ['on', true],
      ['diagonal', true],
      ['beyond', false],
    ])
    expect(r.demand[0]!.walkM).toBe(300)
  })

  it('treats existing stations with the same inclusive boundary', async () => {
    const edge = 500 / 1.3
    const r = await solveSiting({
      model: 'max-cover',
      k: 1,
      serviceM: 500,
      demand: [
        { id: 'on', x: -edge, y: 0, weight: 1 },
        { id: 'beyond', x: 0, y: -edge - 0.01, weight: 1 },
      ],
      existing: [{ id: 'e', x: 0, y: 0 }],
      candidates: [{ id: 'far', x: 5000, y: 0 }],
    })
    expect(r.demand.map((d) => d.coveredByExisting)).toEqual([true, false])
  })

  it('finds exactly the pairs a brute-force scan finds, nearest first', () => {
    const rnd = seeded(7)
    const pts = (n: number) =>
      Array.from({ length: n }, () => ({ x: rnd() * 3000 - 1500, y: rnd() * 3000 }))
    const demand = pts(400)
    const sites = pts(150)
    const reach = buildReach(demand, sites, 300, 1.3)
    demand.forEach((d, i) => {
      const expected = sites
        .map((s, j) => ({ j, w: Math.hypot(d.x - s.x, d.y - s.y) * 1.3 }))
        .filter((p) => p.w <= 300)
        .sort((a, b) => a.w - b.w || a.j - b.j)
      const got = Array.from(reach.site.subarray(reach.start[i], reach.start[i + 1]))
      expect(got).toEqual(expected.map((p) => p.j))
    })
  })
})
