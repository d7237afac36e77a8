import { describe, expect, it } from 'vitest'
import type { JointLeftover, LeftoverReason } from '../../api/joint-types.ts'
import { groupByReason } from './leftover-groups.ts'

const leftover = (compoundId: number, reason: LeftoverReason): JointLeftover => ({
  compoundId,
  reason,
  detail: 'x',
})

describe('groupByReason', () => {
  it('groups leftovers in the fixed order of reasons, not the order they came in', () => {
    const groups = groupByReason([
      leftover(1, 'too_far'),
      leftover(2, 'isolated'),
      leftover(3, 'too_far'),
    ])
    expect(groups.map(([r, items]) => [r, items.map((l) => l.compoundId)])).toEqual([
      ['isolated', [2]],
      ['too_far', [1, 3]],
    ])
  })
  it('keeps a reason it does not know, last', () => {
    const odd = leftover(9, 'new_reason' as LeftoverReason)
    expect(groupByReason([odd, leftover(1, 'isolated')]).map(([r]) => r)).toEqual([
      'isolated',
      'new_reason',
    ])
  })
  it('has no groups without leftovers', () => expect(groupByReason([])).toEqual([]))
})
