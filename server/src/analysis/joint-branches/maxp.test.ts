import { describe, expect, it } from 'vitest'
import { referenceMaxP } from './reference-maxp.ts'
import { solveJointBranches } from './solve.ts'
import { violations } from './test-checks.ts'
import { gridInstance } from './test-instances.ts'
import { CLASSIC_MAXP_RULES } from './types.ts'
import type { JointEdge, JointUnit } from './types.ts'

const rules = { minMembers: 3, ...CLASSIC_MAXP_RULES }

/** Seeded grid inputs without isolated units (spopt raises IndexError on a feasible island). */
function inputs() {
  return [60, 120, 200, 400].flatMap((n) =>
    [1, 2].map((seed) => {
      const g = gridInstance(n * 10 + seed, {
        units: n,
        communities: 1,
        spacingM: 150,
        dropEdges: 0.2 + 0.05 * seed,
        members: seed === 1 ? [0.4, 0.33, 0.25, 0.02] : [0.2, 0.5, 0.2, 0.1],
      })
      const linked = new Set(g.edges.flatMap((e) => [e.a, e.b]))
      return {
        name: `grid ${n} #${seed}`,
        units: g.units.filter((u) => linked.has(u.id)),
        edges: g.edges,
      }
    }),
  )
}

function reference(units: JointUnit[], edges: JointEdge[], seed: number) {
  const index = new Map(units.map((u, i) => [u.id, i]))
  const neighbors: number[][] = units.map(() => [])
  for (const e of edges) {
    neighbors[index.get(e.a)!]!.push(index.get(e.b)!)
    neighbors[index.get(e.b)!]!.push(index.get(e.a)!)
  }
  const thresholdValues = units.map((u) => u.membersFull)
  const result = referenceMaxP({
    neighbors,
    thresholdValues,
    threshold: 3,
    attrs: units.map((u) => [u.households]),
    seed,
  })
  return { ...result, neighbors, thresholdValues }
}

describe('classic max-p against the spopt MaxPHeuristic port', () => {
  it('forms at least as many regions as the reference on every input', () => {
    const rows = inputs().map(({ name, units, edges }) => {
      const ours = solveJointBranches(units, edges, rules, { seed: 1 })
      expect(violations(units, edges, rules, ours)).toEqual([])
      return { name, ours: ours.stats.groups, reference: reference(units, edges, 1).p }
    })
    console.info(rows.map((r) => `${r.name}: ours ${r.ours}, spopt port ${r.reference}`).join('\n'))
    expect(rows.filter((r) => r.ours < r.reference)).toEqual([])
  })

  it('assigns every unit of a feasible component, as the reference does', () => {
    for (const { units, edges } of inputs().slice(0, 4)) {
      const ours = solveJointBranches(units, edges, rules)
      const ref = reference(units, edges, 2)
      const assigned = ref.labels.filter((l) => l > 0).length
      expect(ours.stats.coveredUnits).toBe(assigned)
    }
  })

  it('keeps the reference port honest: contiguous regions at the threshold', () => {
    for (const { units, edges } of inputs().slice(0, 4)) {
      const { labels, neighbors, thresholdValues, p } = reference(units, edges, 3)
      const regions = new Map<number, number[]>()
      labels.forEach((l, i) => l > 0 && regions.set(l, [...(regions.get(l) ?? []), i]))
      expect(regions.size).toBe(p)
      for (const members of regions.values()) {
        expect(members.reduce((s, i) => s + thresholdValues[i]!, 0)).toBeGreaterThanOrEqual(3)
        const inside = new Set(members)
        const seen = new Set([members[0]!])
        const stack = [members[0]!]
        while (stack.length)
          for (const v of neighbors[stack.pop()!]!)
            if (inside.has(v) && !seen.has(v)) {
              seen.add(v)
              stack.push(v)
            }
        expect(seen.size).toBe(members.length)
      }
    }
  })
})
