import { describe, expect, it } from 'vitest'
import { applyChanges, diffDocs } from './plans-changes.ts'
import { assign, renamePlan } from './plans-doc.ts'
import { branch, doc } from './plans-fixtures.ts'

describe('diffDocs', () => {
  it('is empty for an unchanged document', () => {
    const d = doc(branch('a', [1]))
    expect(diffDocs(d, { ...d, branches: [branch('a', [1])] })).toEqual([])
  })
  it('sends a changed branch whole, a new one, a deleted one and a rename', () => {
    const base = doc(branch('a', [1]), branch('b', [2]))
    const next = renamePlan(
      { ...assign(base, 'a', [3], 'add'), branches: [branch('a', [1, 3]), branch('c', [4])] },
      '新方案',
    )
    expect(diffDocs(base, next)).toEqual([
      { op: 'rename', name: '新方案' },
      { op: 'upsertBranch', branch: branch('a', [1, 3]) },
      { op: 'upsertBranch', branch: branch('c', [4]) },
      { op: 'deleteBranch', key: 'b' },
    ])
  })
  it('turns the base into the document when applied', () => {
    const base = doc(branch('a', [1]), branch('b', [2]))
    const next = assign(assign(base, 'b', [1, 5], 'add'), null, [2], 'remove')
    const rebuilt = applyChanges(base, diffDocs(base, next))
    expect(rebuilt.branches.map((b) => b.compoundIds)).toEqual(
      next.branches.map((b) => b.compoundIds),
    )
  })
  it('tells station additions and removals', () => {
    const base = { ...doc(), stations: [{ key: 's1', name: '站', lng: 104, lat: 30 }] }
    const next = { ...doc(), stations: [{ key: 's2', name: '新站', lng: 104.1, lat: 30 }] }
    expect(diffDocs(base, next)).toEqual([
      { op: 'upsertStation', station: next.stations[0] },
      { op: 'deleteStation', key: 's1' },
    ])
  })
})
