import { describe, expect, it } from 'vitest'
import {
  addBranch,
  assign,
  deleteBranch,
  newBranchKey,
  ownersOf,
  setLocked,
  setReason,
} from './plans-doc.ts'
import { branch, doc } from './plans-fixtures.ts'

const ids = (d: ReturnType<typeof doc>) => d.branches.map((b) => [b.key, b.compoundIds])

describe('assign', () => {
  it('adds compounds to the target branch', () => {
    const d = assign(doc(branch('a', [1])), 'a', [2, 3], 'add')
    expect(ids(d)).toEqual([['a', [1, 2, 3]]])
  })
  it('moves a compound out of the branch that held it', () => {
    const d = assign(doc(branch('a', [1, 2]), branch('b', [3])), 'b', [2], 'add')
    expect(ids(d)).toEqual([
      ['a', [1]],
      ['b', [3, 2]],
    ])
  })
  it('never moves a compound of a locked branch', () => {
    const before = doc(branch('a', [1, 2], { locked: true }), branch('b', []))
    expect(assign(before, 'b', [2], 'add')).toBe(before)
  })
  it('puts nothing into a locked branch', () => {
    const before = doc(branch('a', [1], { locked: true }))
    expect(assign(before, 'a', [2], 'add')).toBe(before)
  })
  it('toggles by the first compound: a click on a member removes it', () => {
    const d = assign(doc(branch('a', [1, 2])), 'a', [2], 'toggle')
    expect(ids(d)).toEqual([['a', [1]]])
  })
  it('toggles by the first compound: a click on a stranger adds it', () => {
    const d = assign(doc(branch('a', [1]), branch('b', [2])), 'a', [2], 'toggle')
    expect(ids(d)).toEqual([
      ['a', [1, 2]],
      ['b', []],
    ])
  })
  it('erases from whichever unlocked branch holds the compounds', () => {
    const d = assign(doc(branch('a', [1, 2]), branch('b', [3, 4])), null, [2, 3, 9], 'remove')
    expect(ids(d)).toEqual([
      ['a', [1]],
      ['b', [4]],
    ])
  })
  it('returns the same document when nothing changes', () => {
    const before = doc(branch('a', [1, 2]))
    expect(assign(before, 'a', [1, 2], 'add')).toBe(before)
    expect(assign(before, null, [5], 'remove')).toBe(before)
  })
  it('keeps untouched branches as the same objects', () => {
    const before = doc(branch('a', [1]), branch('b', [5]))
    const after = assign(before, 'a', [2], 'add')
    expect(after.branches[1]).toBe(before.branches[1])
  })
})

describe('branches', () => {
  it('names a new branch with an unused key', () => {
    expect(newBranchKey(doc(branch('b1', []), branch('b3', [])), '')).toBe('b4')
    expect(newBranchKey(doc(branch('b3', [])), '')).toBe('b2')
  })
  it('salts new keys so two planners adding a branch at once never pick the same key', () => {
    expect(newBranchKey(doc(), 'x7')).toBe('b1-x7')
    expect(newBranchKey(doc())).toMatch(/^b1-[a-z0-9]+$/)
  })
  it('adds an empty unlocked branch', () => {
    expect(addBranch(doc(), 'x', 'X').branches).toEqual([branch('x', [], { name: 'X' })])
  })
  it('refuses to delete a locked branch', () => {
    const before = doc(branch('a', [1], { locked: true }))
    expect(deleteBranch(before, 'a')).toBe(before)
    expect(deleteBranch(setLocked(before, 'a', false), 'a').branches).toEqual([])
  })
  it('stores a trimmed reason and clears a blank one', () => {
    const d = setReason(doc(branch('a', [])), 'a', '  隔一条街，居民认同 ')
    expect(d.branches[0]!.reason).toBe('隔一条街，居民认同')
    expect(setReason(d, 'a', '   ').branches[0]!.reason).toBeNull()
  })
  it('knows which branch holds each compound', () => {
    const owners = ownersOf(doc(branch('a', [1, 2]), branch('b', [3])))
    expect([...owners]).toEqual([
      [1, 'a'],
      [2, 'a'],
      [3, 'b'],
    ])
  })
})
