import { describe, expect, it } from 'vitest'
import { startHistory } from './plans-history.ts'
import { branch, doc, plan } from './plans-fixtures.ts'
import {
  assignToActive,
  boundaryDrawn,
  initialPlansState,
  newBranch,
  planOpened,
  redoEdit,
  resolveKeepMine,
  resolveTakeTheirs,
  strokeEnded,
  strokeMoved,
  strokeStarted,
  undoEdit,
  type PlansState,
} from './plans-slice.ts'

const open = (...branches: ReturnType<typeof branch>[]): PlansState => ({
  ...initialPlansState(),
  ...planOpened(plan(doc(...branches))),
})
const apply = (s: PlansState, change: Partial<PlansState>): PlansState => ({ ...s, ...change })
const present = (s: PlansState) =>
  s.planHistory!.present.branches.map((b) => [b.key, b.compoundIds])

describe('editing the active branch', () => {
  it('makes a branch when none is active and adds the compound to it in one step', () => {
    let s = open()
    s = apply(s, assignToActive(s, [4], 'toggle'))
    expect(present(s)).toEqual([[s.planActive, [4]]])
    expect(s.planActive).toMatch(/^b1-/)
    expect(s.planHistory!.past).toHaveLength(1)
  })
  it('records nothing for a click that changes nothing', () => {
    const s = open(branch('a', [1], { locked: true }))
    expect(assignToActive(s, [2], 'toggle')).toEqual({})
  })
  it('activates a new branch', () => {
    let s = open(branch('b1', [1]))
    s = apply(s, newBranch(s))
    expect(s.planActive).toMatch(/^b2-/)
    expect(present(s)).toEqual([
      ['b1', [1]],
      [s.planActive, []],
    ])
  })
})

describe('brush strokes', () => {
  const stroke = (s: PlansState, moves: number[][]) => {
    s = apply(s, strokeStarted(s))
    for (const hits of moves) s = apply(s, strokeMoved(s, hits))
    return s
  }
  it('leaves the plan alone while dragging and previews the stroke', () => {
    const s = stroke({ ...open(branch('a', [1])), planTool: 'brush' }, [[2], [2, 3], [4]])
    expect(s.planStroke!.ids).toEqual([2, 3, 4])
    expect(present(s)).toEqual([['a', [1]]])
  })
  it('commits the whole stroke as one undoable step when released', () => {
    let s = stroke({ ...open(branch('a', [1])), planTool: 'brush' }, [[2], [3], [4]])
    s = apply(s, strokeEnded(s))
    expect(s.planStroke).toBeNull()
    expect(present(s)).toEqual([['a', [1, 2, 3, 4]]])
    s = apply(s, undoEdit(s))
    expect(present(s)).toEqual([['a', [1]]])
    s = apply(s, redoEdit(s))
    expect(present(s)).toEqual([['a', [1, 2, 3, 4]]])
  })
  it('erases with the eraser', () => {
    let s = stroke({ ...open(branch('a', [1, 2, 3])), planTool: 'erase' }, [[2, 3]])
    s = apply(s, strokeEnded(s))
    expect(present(s)).toEqual([['a', [1]]])
  })
  it('does not undo in the middle of a stroke', () => {
    const s = stroke({ ...open(branch('a', [1])), planTool: 'brush' }, [[2]])
    expect(undoEdit(s)).toEqual({})
  })
  it('starts no stroke with the click tool', () => {
    const s = open(branch('a', [1]))
    expect(strokeStarted(s)).toEqual({})
  })
})

describe('free boundaries', () => {
  it('stores the outline and offers the compounds inside that are not in the branch', () => {
    const s = open(branch('a', [1]))
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    }
    const next = apply(s, boundaryDrawn(s, 'a', square, [1, 2, 3]))
    expect(next.planHistory!.present.branches[0]!.boundary).toBe(square)
    expect(next.planOffer).toEqual({ key: 'a', ids: [2, 3] })
  })
})

describe('conflicts', () => {
  const base = doc(branch('a', [1, 2]), branch('b', [4, 5]))
  const theirs = plan(doc(branch('a', [1, 2]), branch('b', [4]), branch('c', [6])), 2)
  const conflicted = (): PlansState => {
    const s = { ...initialPlansState(), ...planOpened(plan(base)) }
    return {
      ...s,
      planHistory: { ...startHistory(doc(branch('a', [1, 2, 3]), branch('b', [4, 5]))) },
      planActive: 'a',
      planConflict: { base, theirs },
    }
  }
  it('keeps mine by re-applying my edits on theirs, as an undoable step', () => {
    const s = apply(conflicted(), resolveKeepMine(conflicted()))
    expect(s.planConflict).toBeNull()
    expect(s.planServer).toBe(theirs)
    expect(present(s)).toEqual([
      ['a', [1, 2, 3]],
      ['b', [4]],
      ['c', [6]],
    ])
    expect(s.planHistory!.past).toHaveLength(1)
  })
  it('takes theirs and forgets my edits', () => {
    const s = apply(conflicted(), resolveTakeTheirs(conflicted()))
    expect(present(s)).toEqual([
      ['a', [1, 2]],
      ['b', [4]],
      ['c', [6]],
    ])
    expect(s.planServer).toBe(theirs)
    expect(s.planActive).toBe('a')
  })
})
