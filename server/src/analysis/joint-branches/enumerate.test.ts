import { describe, expect, it } from 'vitest'
import { enumerateGroups, subgraph } from './enumerate.ts'
import { buildProblem } from './problem.ts'
import type { Problem } from './problem.ts'
import { gridInstance } from './test-instances.ts'
import type { JointRules } from './types.ts'

/** Every valid group by brute force over all subsets, as sorted id lists (keys). */
function bruteForce(p: Problem, rules: JointRules): Set<string> {
  const out = new Set<string>()
  for (let mask = 1; mask < 1 << p.n; mask++) {
    const set = [...Array(p.n).keys()].filter((i) => mask & (1 << i))
    if (validGroup(p, rules, set)) out.add(set.map((i) => p.ids[i]).join(','))
  }
  return out
}

function validGroup(p: Problem, rules: JointRules, set: number[]): boolean {
  const total = set.reduce((s, i) => s + p.w[i]!, 0)
  if (total < rules.minMembers) return false
  if (rules.maxMembers !== null && total > rules.maxMembers) return false
  if (rules.maxCompounds !== null && set.length > rules.maxCompounds) return false
  const cx = set.reduce((s, i) => s + p.x[i]!, 0) / set.length
  const cy = set.reduce((s, i) => s + p.y[i]!, 0) / set.length
  if (
    rules.radiusM !== null &&
    set.some((i) => Math.hypot(p.x[i]! - cx, p.y[i]! - cy) > rules.radiusM! + 1e-6)
  )
    return false
  const seen = new Set([set[0]!])
  for (let grew = true; grew;) {
    grew = false
    for (const i of set)
      if (seen.has(i))
        for (const j of p.adj[i]!)
          if (set.includes(j) && !seen.has(j)) {
            seen.add(j)
            grew = true
          }
  }
  return seen.size === set.length
}

function enumerated(p: Problem, stopAtFloor = false): string[] {
  const sub = subgraph(p, [...Array(p.n).keys()])
  const out: string[] = []
  const end = enumerateGroups(
    sub,
    p.limits,
    (set, size) => {
      out.push(
        set
          .slice(0, size)
          .map((i) => p.ids[sub.units[i]!])
          .sort((a, b) => a! - b!)
          .join(','),
      )
    },
    { maxVisits: 1e7, stopAtFloor },
  )
  expect(end).toBe('done')
  return out
}

const cases = Array.from({ length: 12 }, (_, k) => {
  const { units, edges } = gridInstance(300 + k, {
    units: 12,
    communities: 1 + (k % 3),
    spacingM: 120 + 40 * k,
    dropEdges: 0.2,
  })
  const rules: JointRules = {
    minMembers: 3,
    maxCompounds: k % 4 === 3 ? null : 3 + (k % 3),
    maxMembers: k % 2 ? 4 : 50,
    sameCommunity: k % 3 !== 0,
    radiusM: k % 5 === 4 ? null : 300,
  }
  return { units, edges, rules }
})

describe('enumerateGroups', () => {
  it('lists every valid group exactly once, as brute force over all subsets does', () => {
    for (const { units, edges, rules } of cases) {
      const p = buildProblem(units, edges, rules)
      const listed = enumerated(p)
      expect(new Set(listed).size).toBe(listed.length)
      expect(new Set(listed)).toEqual(bruteForce(p, rules))
    }
  })

  it('still lists every minimal group when growth stops at the floor', () => {
    for (const { units, edges } of cases) {
      const rules: JointRules = {
        minMembers: 3,
        maxCompounds: null,
        maxMembers: null,
        sameCommunity: false,
        radiusM: null,
      }
      const p = buildProblem(units, edges, rules)
      const all = bruteForce(p, rules)
      const minimal = [...all].filter((key) => {
        const ids = key.split(',')
        return !ids.some((_, drop) => all.has(ids.filter((__, i) => i !== drop).join(',')))
      })
      const listed = new Set(enumerated(p, true))
      for (const key of listed) expect(all.has(key)).toBe(true)
      for (const key of minimal) expect(listed.has(key)).toBe(true)
    }
  })
})
