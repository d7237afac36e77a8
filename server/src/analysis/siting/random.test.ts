import { describe, expect, it } from 'vitest'
import { solveSiting } from './solve.ts'
import { randomInstance } from './test-fixtures.ts'
import type { SitingProblem, SitingResult } from './types.ts'

const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

/** How much worse `answer` is than `optimum`, as a share of the larger of the two. */
function shortfall(answer: SitingResult, optimum: SitingResult): number {
  const worse =
    answer.objectiveSense === 'max'
      ? optimum.objective - answer.objective
      : answer.objective - optimum.objective
  return (
    Math.max(0, worse) / Math.max(Math.abs(answer.objective), Math.abs(optimum.objective), 1e-12)
  )
}

async function both(problem: SitingProblem) {
  const heuristic = await solveSiting(problem, { method: 'heuristic', timeLimitS: 60 })
  const exact = await solveSiting(problem, { method: 'exact', timeLimitS: 60 })
  expect(heuristic.method).toBe('heuristic')
  expect(exact.status).toBe('optimal')
  return { heuristic, exact }
}

describe('heuristic against the exact optimum on 50 seeded medium instances', () => {
  // 300 demand points in 12 neighbourhoods over 3 km × 3 km, 80 candidates, 3 existing stations, k 5..15.
  it.each(seeds(50))('max-cover seed %i: within 1% and within its own gap', async (seed) => {
    const k = 5 + (seed % 11)
    const inst = randomInstance(seed, { demand: 300, candidates: 80, existing: 3, sideM: 3000 })
    const { heuristic, exact } = await both({ model: 'max-cover', k, ...inst })
    expect(heuristic.objective).toBeGreaterThanOrEqual(0.99 * exact.objective)
    expect(heuristic.after.weight).toBeGreaterThanOrEqual(0.99 * exact.after.weight)
    expect(shortfall(heuristic, exact)).toBeLessThanOrEqual(heuristic.gap + 1e-9)
    expect(heuristic.bound).toBeGreaterThanOrEqual(exact.objective - 1e-6)
  })
})

describe('the reported gap covers the heuristic’s distance from the optimum', () => {
  const small = (seed: number) =>
    randomInstance(1000 + seed, { demand: 150, candidates: 40, existing: 2, sideM: 2500 })

  it.each(seeds(8))('p-median seed %i', async (seed) => {
    const { heuristic, exact } = await both({
      model: 'p-median',
      k: 4 + seed,
      maxDistanceM: 600,
      ...small(seed),
    })
    expect(shortfall(heuristic, exact)).toBeLessThanOrEqual(heuristic.gap + 1e-9)
    expect(heuristic.bound).toBeLessThanOrEqual(exact.objective + 1e-6)
  })

  it.each(seeds(8))('set-cover seed %i', async (seed) => {
    const { heuristic, exact } = await both({
      model: 'set-cover',
      targetShare: 0.5,
      ...small(seed),
    })
    expect(shortfall(heuristic, exact)).toBeLessThanOrEqual(heuristic.gap + 1e-9)
    expect(heuristic.after.share).toBeGreaterThanOrEqual(0.5 - 1e-12)
  })

  // Single-source capacity makes the MILP a packing problem that is slow to prove, so these are smaller.
  it.each(seeds(8))('max-cover with capacity seed %i', async (seed) => {
    const inst = randomInstance(1000 + seed, {
      demand: 80,
      candidates: 25,
      existing: 2,
      sideM: 2000,
    })
    const candidates = inst.candidates.map((c) => ({ ...c, capacity: 2000 }))
    const { heuristic, exact } = await both({ model: 'max-cover', k: 4, ...inst, candidates })
    expect(shortfall(heuristic, exact)).toBeLessThanOrEqual(heuristic.gap + 1e-9)
    for (const r of [heuristic, exact])
      for (const s of r.sites) expect(s.households).toBeLessThanOrEqual(2000)
  })
})
