import { describe, expect, it } from 'vitest'
import { describeChanges, keepMine } from './plans-conflict.ts'
import { branch, doc } from './plans-fixtures.ts'

const base = doc(branch('a', [1, 2]), branch('b', [4, 5]))

describe('keepMine', () => {
  it('keeps their edits to branches I did not touch', () => {
    const mine = doc(branch('a', [1, 2, 3]), branch('b', [4, 5]))
    const theirs = doc(branch('a', [1, 2]), branch('b', [4]), branch('c', [6]))
    const merged = keepMine(base, mine, theirs)
    expect(merged.branches.map((b) => [b.key, b.compoundIds])).toEqual([
      ['a', [1, 2, 3]],
      ['b', [4]],
      ['c', [6]],
    ])
  })
  it('lets my version win a branch we both changed', () => {
    const mine = doc(branch('a', [1]), branch('b', [4, 5]))
    const theirs = doc(branch('a', [1, 2], { reason: '他们的理由' }), branch('b', [4, 5]))
    expect(keepMine(base, mine, theirs).branches[0]).toEqual(branch('a', [1]))
  })
  it('takes a compound I assigned out of the branch they put it in', () => {
    const mine = doc(branch('a', [1, 2, 3]), branch('b', [4, 5]))
    const theirs = doc(branch('a', [1, 2]), branch('b', [3, 4, 5]))
    const merged = keepMine(base, mine, theirs)
    expect(merged.branches.map((b) => [b.key, b.compoundIds])).toEqual([
      ['a', [1, 2, 3]],
      ['b', [4, 5]],
    ])
  })
  it('applies my deletion even where they edited the branch', () => {
    const mine = doc(branch('a', [1, 2]))
    const theirs = doc(branch('a', [1, 2]), branch('b', [4, 5, 6]))
    expect(keepMine(base, mine, theirs).branches.map((b) => b.key)).toEqual(['a'])
  })
  it('is their version when I changed nothing', () => {
    const theirs = doc(branch('a', [2]), branch('b', [4, 5]))
    expect(keepMine(base, base, theirs)).toEqual(theirs)
  })
})

describe('describeChanges', () => {
  it('lists added, changed and removed branches with compounds joined and left', () => {
    const theirs = { ...doc(branch('a', [2, 3]), branch('c', [7])), name: '改名' }
    expect(describeChanges(base, theirs)).toEqual([
      { kind: 'renamedPlan', key: '', name: '改名', joined: 0, left: 0 },
      { kind: 'changed', key: 'a', name: 'a', joined: 1, left: 1 },
      { kind: 'added', key: 'c', name: 'c', joined: 1, left: 0 },
      { kind: 'removed', key: 'b', name: 'b', joined: 0, left: 0 },
    ])
  })
})
