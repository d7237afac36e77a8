import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.ts'
import type { SitingResult } from '../api/siting-types.ts'
import { sitingResult } from './siting-fixtures.ts'
import {
  clearPoints,
  editText,
  initialSitingState,
  openPanel,
  resetForm,
  runCancelled,
  runSettled,
  runStarted,
  selectSite,
  setChoice,
  setFlag,
  setPlacing,
  togglePoint,
  type SitingState,
} from './siting-slice.ts'

const state = (change: Partial<SitingState> = {}): SitingState => ({
  ...initialSitingState(),
  ...change,
})
const withResult = (r: SitingResult, change: Partial<SitingState> = {}) =>
  state({ sitingRun: { status: 'ready', key: 'k', data: r }, ...change })
const apply = (s: SitingState, change: Partial<SitingState>): SitingState => ({ ...s, ...change })
const invalid = { kind: 'invalid' as const, message: 'x' }

describe('opening the panel', () => {
  it('closes joint-branch planning: one planning panel at a time', () =>
    expect(openPanel(true)).toEqual({ sitingOpen: true, jointOpen: false }))
  it('stops placing points when closed, so map clicks open compounds again', () =>
    expect(openPanel(false)).toEqual({ sitingOpen: false, sitingPlacing: false }))
})

describe('editing the inputs', () => {
  it('keeps what was typed, even half a number', () =>
    expect(editText(state(), 'detourFactor', '1.').sitingForm?.detourFactor).toBe('1.'))
  it("clears the server's objection to the input being edited, and only that one", () => {
    const s = state({ sitingFieldErrors: { targetShare: invalid, k: invalid } })
    expect(Object.keys(editText(s, 'targetPercent', '50').sitingFieldErrors ?? {})).toEqual(['k'])
  })
  it('clears objections to k and the target when the model changes', () => {
    const s = state({ sitingFieldErrors: { k: invalid, targetShare: invalid, area: invalid } })
    expect(Object.keys(setChoice(s, 'model', 'set-cover').sitingFieldErrors ?? {})).toEqual([
      'area',
    ])
  })
  it('clears an objection to the area when a demand filter changes', () =>
    expect(
      setFlag(state({ sitingFieldErrors: { area: invalid } }), 'oldOnly', false).sitingFieldErrors,
    ).toEqual({}))
  it('stops placing when the source goes back to compounds only', () =>
    expect(setChoice(state({ sitingPlacing: true }), 'candidates', 'compounds').sitingPlacing).toBe(
      false,
    ))
  it('resets to the defaults and stops placing', () => {
    const s = apply(state({ sitingPlacing: true }), editText(state(), 'k', '99'))
    const reset = apply(s, resetForm())
    expect(reset.sitingForm).toEqual(initialSitingState().sitingForm)
    expect(reset.sitingPlacing).toBe(false)
  })
})

describe("the analyst's points", () => {
  it('switches the source to compounds and points when placing starts', () => {
    const change = setPlacing(state(), true)
    expect(change.sitingPlacing).toBe(true)
    expect(change.sitingForm?.candidates).toBe('both')
  })
  it('keeps a source of points only as it is', () =>
    expect(
      setPlacing(apply(state(), setChoice(state(), 'candidates', 'points')), true).sitingForm,
    ).toBeUndefined())
  it('adds a point where the map was clicked', () =>
    expect(togglePoint(state(), [104.1, 30.6], null).sitingPoints).toEqual([[104.1, 30.6]]))
  it('removes the point that was clicked', () => {
    const s = state({
      sitingPoints: [
        [104.1, 30.6],
        [104.2, 30.7],
      ],
    })
    expect(togglePoint(s, [104.2, 30.7], 0).sitingPoints).toEqual([[104.2, 30.7]])
  })
  it('adds rather than removes for a hit outside the list', () =>
    expect(togglePoint(state(), [104.1, 30.6], 3).sitingPoints).toHaveLength(1))
  it('clears the objection to missing points as points change', () =>
    expect(
      togglePoint(state({ sitingFieldErrors: { points: invalid } }), [104, 30], null)
        .sitingFieldErrors,
    ).toEqual({}))
  it('clears every point', () =>
    expect(clearPoints(state({ sitingPoints: [[104, 30]] })).sitingPoints).toEqual([]))
})

describe('a run', () => {
  it('records when it started, for the elapsed time', () =>
    expect(runStarted(state(), 1_000)).toEqual({ sitingStartedAt: 1_000 }))
  it('drops a longer curve still on its way, whose request it cancels', () =>
    expect(
      runStarted(state({ sitingCurve: { status: 'loading', key: 'c' } }), 1_000).sitingCurve,
    ).toEqual({ status: 'idle' }))
  it('keeps a longer curve already drawn, in case the run is cancelled', () =>
    expect(
      runStarted(state({ sitingCurve: { status: 'ready', key: 'c', data: [] } }), 1_000),
    ).toEqual({ sitingStartedAt: 1_000 }))
  it('starts a new result with no site in focus and no longer curve', () => {
    const s = withResult(sitingResult(), {
      sitingSelected: 1,
      sitingStartedAt: 5,
      sitingCurve: { status: 'ready', key: 'c', data: [] },
    })
    expect(runSettled(s, undefined)).toEqual({
      sitingSelected: null,
      sitingFieldErrors: {},
      sitingCurve: { status: 'idle' },
      sitingStartedAt: null,
    })
  })
  it('puts the issues of a 400 beside their inputs', () => {
    const error = new ApiError(400, 'BAD_REQUEST', 'k: required for model p-median')
    const s = state({ sitingRun: { status: 'error', key: 'k', error }, sitingStartedAt: 5 })
    expect(runSettled(s, undefined)).toEqual({
      sitingFieldErrors: { k: { kind: 'invalid', message: 'required for model p-median' } },
      sitingStartedAt: null,
    })
  })
  it('changes nothing when the answer was dropped for a newer run', () =>
    expect(runSettled(state({ sitingRun: { status: 'loading', key: 'k2' } }), undefined)).toEqual(
      {},
    ))
  it('shows the previous result again when cancelled', () => {
    const previous = sitingResult()
    const s = state({
      sitingRun: { status: 'loading', key: 'k2', data: previous },
      sitingStartedAt: 5,
    })
    expect(runCancelled(s)).toEqual({
      sitingRun: { status: 'ready', key: 'cancelled', data: previous },
      sitingStartedAt: null,
    })
  })
  it('goes back to nothing when the first run is cancelled', () =>
    expect(runCancelled(state({ sitingRun: { status: 'loading', key: 'k' } })).sitingRun).toEqual({
      status: 'idle',
    }))
})

describe('selectSite', () => {
  const s = withResult(sitingResult())
  it('focuses a chosen site of the result', () =>
    expect(selectSite(s, 1)).toEqual({ sitingSelected: 1 }))
  it('clears the focus for an index outside the result', () =>
    expect(selectSite(s, 2)).toEqual({ sitingSelected: null }))
})
