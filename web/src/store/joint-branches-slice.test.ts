import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.ts'
import type { JointResult } from '../api/joint-types.ts'
import {
  acceptAll,
  acceptByIndex,
  dropDraft,
  editValue,
  initialJointState,
  resetForm,
  runSettled,
  selectCandidate,
  setEnabled,
  setScope,
  type JointState,
} from './joint-branches-slice.ts'
import { candidate, result } from './joint-fixtures.ts'

const withResult = (r: JointResult, change: Partial<JointState> = {}): JointState => ({
  ...initialJointState(),
  jointRun: { status: 'ready', key: 'k', data: r },
  ...change,
})

const apply = (s: JointState, change: Partial<JointState>): JointState => ({ ...s, ...change })

describe('editing the rules', () => {
  it('keeps what was typed, even half a number', () =>
    expect(editValue(initialJointState(), 'radiusM', '4.').jointForm?.values.radiusM).toBe('4.'))
  it("clears the server's objection to the field being edited, and only that one", () => {
    const s = {
      ...initialJointState(),
      jointFieldErrors: {
        radiusM: { kind: 'invalid' as const, message: 'x' },
        gapM: { kind: 'invalid' as const, message: 'y' },
      },
    }
    expect(Object.keys(editValue(s, 'radiusM', '300').jointFieldErrors ?? {})).toEqual(['gapM'])
  })
  it('switches a ceiling off without losing its value', () => {
    const s = apply(initialJointState(), setEnabled(initialJointState(), 'maxMembers', false))
    expect(s.jointForm.enabled.maxMembers).toBe(false)
    expect(s.jointForm.values.maxMembers).toBe('50')
  })
  it('clears an objection to the area when the scope changes', () => {
    const s = {
      ...initialJointState(),
      jointFieldErrors: { area: { kind: 'invalid' as const, message: 'x' } },
    }
    expect(setScope(s, 'city')).toEqual({ jointScope: 'city', jointFieldErrors: {} })
  })
  it('resets to the defaults', () =>
    expect(resetForm().jointForm).toEqual(initialJointState().jointForm))
})

describe('runSettled', () => {
  it('starts a new result with no candidate in focus and the candidates shown', () => {
    const old = result([candidate([1])])
    const s = withResult(result([candidate([2])]), { jointSelected: 0, jointTab: 'drafts' })
    expect(runSettled(s, old)).toEqual({
      jointSelected: null,
      jointTab: 'candidates',
      jointFieldErrors: {},
    })
  })
  it('puts the issues of a 400 beside their inputs', () => {
    const error = new ApiError(400, 'BAD_REQUEST', 'x', {
      issues: [{ field: 'gapM', message: 'Too big' }],
    })
    const s = { ...initialJointState(), jointRun: { status: 'error' as const, key: 'k', error } }
    expect(runSettled(s, undefined).jointFieldErrors).toEqual({
      gapM: { kind: 'invalid', message: 'Too big' },
    })
  })
  it('changes nothing when the answer was dropped for a newer run', () => {
    const s = { ...initialJointState(), jointRun: { status: 'loading' as const, key: 'k2' } }
    expect(runSettled(s, undefined)).toEqual({})
  })
})

describe('selectCandidate', () => {
  const s = withResult(result([candidate([1]), candidate([2])]))
  it('focuses a candidate of the result', () =>
    expect(selectCandidate(s, 1)).toEqual({ jointSelected: 1 }))
  it('clears the focus for an index outside the result', () =>
    expect(selectCandidate(s, 2)).toEqual({ jointSelected: null }))
})

describe('accepting candidates', () => {
  const s = withResult(result([candidate([1, 2]), candidate([3]), candidate([4, 5])]))
  it('accepts one candidate into the draft with its number', () => {
    const next = apply(s, acceptByIndex(s, [1]))
    expect(next.jointDrafts.map((d) => [d.key, d.number, d.area.name])).toEqual([
      ['3', 2, '锦江区'],
    ])
  })
  it('accepts all candidates once', () => {
    const once = apply(s, acceptAll(s))
    expect(once.jointDrafts).toHaveLength(3)
    expect(acceptAll(once)).toEqual({})
  })
  it('does nothing without a result', () =>
    expect(acceptByIndex(initialJointState(), [0])).toEqual({}))
  it('drops a draft branch by key', () => {
    const all = apply(s, acceptAll(s))
    expect(dropDraft(all, '3').jointDrafts?.map((d) => d.key)).toEqual(['1,2', '4,5'])
  })
})
