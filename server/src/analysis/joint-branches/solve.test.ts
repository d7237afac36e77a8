import { describe, expect, it } from 'vitest'
import { solveJointBranches } from './solve.ts'
import { violations } from './test-checks.ts'
import { CLASSIC_MAXP_RULES, DEFAULT_JOINT_RULES, JointInputError } from './types.ts'
import type { JointEdge, JointRules, JointUnit } from './types.ts'

const unit = (
  id: number,
  membersFull: number,
  x = id * 100,
  y = 0,
  communityId = 'c1',
): JointUnit => ({
  id,
  communityId,
  membersFull,
  households: 100 + id,
  x,
  y,
})
const chainEdges = (ids: readonly number[]): JointEdge[] =>
  ids.slice(1).map((b, i) => ({ a: ids[i]!, b }))
const chain = (members: readonly number[]) => {
  const units = members.map((m, i) => unit(i + 1, m))
  return { units, edges: chainEdges(units.map((u) => u.id)) }
}
const solve = (units: JointUnit[], edges: JointEdge[], rules: Partial<JointRules> = {}) => {
  const full = { ...DEFAULT_JOINT_RULES, ...rules }
  const result = solveJointBranches(units, edges, full)
  expect(violations(units, edges, full, result)).toEqual([])
  return result
}
const reasonOf = (r: ReturnType<typeof solve>, id: number) =>
  r.leftovers.find((l) => l.unitId === id)?.reason

describe('solveJointBranches on hand-made instances', () => {
  it('splits a chain of six one-member compounds into two groups of three', () => {
    const { units, edges } = chain([1, 1, 1, 1, 1, 1])
    const r = solve(units, edges)
    expect(r.groups.map((g) => g.unitIds)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ])
    expect(r.bound).toMatchObject({ maxCoveredUnits: 6, maxGroups: 2 })
    expect(r.stats.provenOptimal).toBe(true)
  })

  it('forms only one group through the centre of a star', () => {
    const units = [
      unit(1, 0, 0, 0),
      ...[2, 3, 4, 5, 6, 7].map((id, k) => unit(id, 1, 100 * Math.cos(k), 100 * Math.sin(k))),
    ]
    const edges = [2, 3, 4, 5, 6, 7].map((b) => ({ a: 1, b }))
    const r = solve(units, edges)
    expect(r.groups).toHaveLength(1)
    expect(r.groups[0]!.unitIds).toContain(1)
    expect(r.groups[0]!.unitIds).toHaveLength(5)
    expect(r.leftovers.map((l) => l.reason)).toEqual(['not_placed', 'not_placed'])
  })

  it('leaves a compound without neighbours out as isolated', () => {
    const { units, edges } = chain([1, 1, 1])
    const r = solve([...units, unit(9, 2, 5000, 0)], edges)
    expect(r.groups).toHaveLength(1)
    expect(reasonOf(r, 9)).toBe('isolated')
  })

  it('accepts a group with exactly the floor in members', () => {
    const r = solve(...(Object.values(chain([1, 2])) as [JointUnit[], JointEdge[]]))
    expect(r.groups).toEqual([expect.objectContaining({ unitIds: [1, 2], members: 3 })])
  })

  it('reports a connected set below the floor as component too small', () => {
    const { units, edges } = chain([1, 0, 1])
    const r = solve(units, edges)
    expect(r.groups).toEqual([])
    expect(r.leftovers.map((l) => l.reason)).toEqual(Array(3).fill('component_too_small'))
    expect(r.bound).toMatchObject({ maxCoveredUnits: 0, maxGroups: 0 })
  })

  it('rejects a joint branch of 6 compounds', () => {
    const { units, edges } = chain([1, 0, 0, 0, 0, 2])
    const r = solve(units, edges)
    expect(r.groups).toEqual([])
    expect(r.leftovers.every((l) => l.reason === 'exceeds_ceiling')).toBe(true)
  })

  it('forms the group of 6 once the compound ceiling is off', () => {
    const { units, edges } = chain([1, 0, 0, 0, 0, 2])
    const r = solve(units, edges, { maxCompounds: null })
    expect(r.groups.map((g) => g.unitIds)).toEqual([[1, 2, 3, 4, 5, 6]])
  })

  it('keeps groups under the member ceiling', () => {
    const { units, edges } = chain([2, 2, 2, 2])
    const r = solve(units, edges, { maxMembers: 4 })
    expect(r.groups.map((g) => g.members)).toEqual([4, 4])
  })

  it('keeps a group inside one community when the rule is on', () => {
    const units = [unit(1, 1), unit(2, 1), unit(3, 1, 200, 0, 'c2')]
    const r = solve(units, chainEdges([1, 2, 3]))
    expect(r.groups).toEqual([])
    expect(r.leftovers.map((l) => l.reason)).toEqual(Array(3).fill('community_too_small'))
  })

  it('joins two touching communities when the rule is off', () => {
    const units = [unit(1, 1), unit(2, 1), unit(3, 1, 200, 0, 'c2')]
    const r = solve(units, chainEdges([1, 2, 3]), { sameCommunity: false })
    expect(r.groups).toEqual([
      expect.objectContaining({ unitIds: [1, 2, 3], communityIds: ['c1', 'c2'] }),
    ])
  })

  it('accepts a member exactly at the radius', () => {
    const units = [unit(1, 1, 0, 0), unit(2, 2, 1000, 0)]
    const r = solve(units, chainEdges([1, 2]))
    expect(r.groups).toEqual([expect.objectContaining({ centre: { x: 500, y: 0 }, radiusM: 500 })])
  })

  it('rejects a member just beyond the radius as too far', () => {
    const units = [unit(1, 1, 0, 0), unit(2, 2, 1000.01, 0)]
    const r = solve(units, chainEdges([1, 2]))
    expect(r.groups).toEqual([])
    expect(r.leftovers.map((l) => l.reason)).toEqual(['too_far', 'too_far'])
  })

  it('covers every unit of a feasible component in classic max-p mode', () => {
    const { units, edges } = chain([1, 0, 2, 1, 0, 0, 1, 1, 1, 0])
    const r = solve(units, edges, { minMembers: 3, ...CLASSIC_MAXP_RULES })
    expect(r.stats.coveredUnits).toBe(10)
    expect(r.stats.groups).toBe(2)
  })

  it('gives the same plan for the same seed, as plain cloneable data', () => {
    const { units, edges } = chain([1, 1, 2, 0, 1, 1, 1, 2, 0, 1, 1, 1])
    const a = solveJointBranches(units, edges, DEFAULT_JOINT_RULES, { seed: 7 })
    const b = solveJointBranches(units, edges, DEFAULT_JOINT_RULES, { seed: 7 })
    const plain = (r: typeof a) => ({ ...r, stats: { ...r.stats, ms: 0 } })
    expect(plain(b)).toEqual(plain(a))
    expect(JSON.parse(JSON.stringify(plain(a)))).toEqual(plain(a))
  })
})

describe('solveJointBranches input checks', () => {
  const { units, edges } = chain([1, 1, 1])
  const paramOf = (f: () => unknown) => {
    try {
      f()
    } catch (err) {
      return err instanceof JointInputError ? err.param : 'other error'
    }
    return 'no error'
  }

  it('names maxCompounds when it is below 1', () => {
    expect(
      paramOf(() => solveJointBranches(units, edges, { ...DEFAULT_JOINT_RULES, maxCompounds: 0 })),
    ).toBe('maxCompounds')
  })

  it('names minMembers when it is not positive', () => {
    expect(
      paramOf(() => solveJointBranches(units, edges, { ...DEFAULT_JOINT_RULES, minMembers: 0 })),
    ).toBe('minMembers')
  })

  it('names edges when one points at an unknown unit', () => {
    expect(paramOf(() => solveJointBranches(units, [{ a: 1, b: 99 }]))).toBe('edges')
  })

  it('names units when an id appears twice', () => {
    expect(paramOf(() => solveJointBranches([...units, unit(1, 1)], edges))).toBe('units')
  })
})
