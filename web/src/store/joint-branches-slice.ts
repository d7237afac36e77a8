// Joint-branch planning (联合党支部规划): the rule form, the last analysis, the candidate in focus
// and the draft plan. Every change goes through a pure transition below (tested without a store);
// the request itself lives in joint-loaders.ts.
import type { StateCreator } from 'zustand'
import type { JointResult } from '../api/joint-types.ts'
import { dataOf, idle, type Async } from './async.ts'
import type { AreaScope } from './joint-area.ts'
import { acceptCandidates, removeDraft, type DraftBranch } from './joint-drafts.ts'
import {
  INITIAL_FORM,
  fieldErrorsFromApi,
  type FieldErrors,
  type FlagField,
  type FormField,
  type NumberField,
  type RuleForm,
  type SwitchableField,
} from './joint-form.ts'
import type { AppState } from './index.ts'

/** Analyse the area chosen in the picker, or the whole city. */
export type JointScope = AreaScope
export type JointTab = 'candidates' | 'leftovers' | 'drafts'

export interface JointState {
  jointOpen: boolean
  jointScope: JointScope
  jointForm: RuleForm
  /** The server's objections to the last run, cleared field by field as the planner edits. */
  jointFieldErrors: FieldErrors
  jointRun: Async<JointResult>
  /** Index of the candidate in focus in the current result. */
  jointSelected: number | null
  jointTab: JointTab
  jointDrafts: DraftBranch[]
}

export interface JointSlice extends JointState {
  setJointOpen: (open: boolean) => void
  setJointScope: (scope: JointScope) => void
  setJointTab: (tab: JointTab) => void
  editJointValue: (field: NumberField, text: string) => void
  setJointEnabled: (field: SwitchableField, on: boolean) => void
  setJointFlag: (field: FlagField, on: boolean) => void
  resetJointForm: () => void
  acceptJointCandidate: (index: number) => void
  acceptAllJointCandidates: () => void
  removeJointDraft: (key: string) => void
  clearJointDrafts: () => void
}

type Change = Partial<JointState>

const without = (errors: FieldErrors, field: FormField): FieldErrors => {
  if (!(field in errors)) return errors
  const next = { ...errors }
  delete next[field]
  return next
}

/** A number typed into a rule. */
export const editValue = (s: JointState, field: NumberField, text: string): Change => ({
  jointForm: { ...s.jointForm, values: { ...s.jointForm.values, [field]: text } },
  jointFieldErrors: without(s.jointFieldErrors, field),
})

/** A switchable rule turned on or off. */
export const setEnabled = (s: JointState, field: SwitchableField, on: boolean): Change => ({
  jointForm: { ...s.jointForm, enabled: { ...s.jointForm.enabled, [field]: on } },
  jointFieldErrors: without(s.jointFieldErrors, field),
})

/** A yes/no rule ticked or cleared. */
export const setFlag = (s: JointState, field: FlagField, on: boolean): Change => ({
  jointForm: { ...s.jointForm, flags: { ...s.jointForm.flags, [field]: on } },
  jointFieldErrors: without(s.jointFieldErrors, field),
})

export const setScope = (s: JointState, scope: JointScope): Change => ({
  jointScope: scope,
  jointFieldErrors: without(s.jointFieldErrors, 'area'),
})

export const resetForm = (): Change => ({ jointForm: INITIAL_FORM, jointFieldErrors: {} })

/**
 * After a run settles: a new result starts with no candidate in focus and its list shown; a 400
 * puts the server's objections beside the inputs.
 */
export function runSettled(s: JointState, previous: JointResult | undefined): Change {
  if (s.jointRun.status === 'error')
    return { jointFieldErrors: fieldErrorsFromApi(s.jointRun.error).fields }
  if (s.jointRun.status !== 'ready' || s.jointRun.data === previous) return {}
  return { jointSelected: null, jointTab: 'candidates', jointFieldErrors: {} }
}

/** Focus on a candidate of the current result (null: none); out-of-range indices clear it. */
export function selectCandidate(s: JointState, index: number | null): Change {
  const count = dataOf(s.jointRun)?.candidates.length ?? 0
  return { jointSelected: index !== null && index >= 0 && index < count ? index : null }
}

/** Accepts candidates of the current result by index into the draft plan. */
export function acceptByIndex(s: JointState, indices: ReadonlyArray<number>): Change {
  const result = dataOf(s.jointRun)
  if (!result) return {}
  const items = indices
    .filter((i) => i >= 0 && i < result.candidates.length)
    .map((i) => ({ candidate: result.candidates[i]!, number: i + 1 }))
  const drafts = acceptCandidates(s.jointDrafts, items, result.area, result.rules)
  return drafts === s.jointDrafts ? {} : { jointDrafts: drafts }
}

/** Accepts every candidate of the current result that does not overlap the draft. */
export const acceptAll = (s: JointState): Change =>
  acceptByIndex(s, dataOf(s.jointRun)?.candidates.map((_, i) => i) ?? [])

export const dropDraft = (s: JointState, key: string): Change => ({
  jointDrafts: removeDraft(s.jointDrafts, key),
})

export const initialJointState = (): JointState => ({
  jointOpen: false,
  jointScope: 'picked',
  jointForm: INITIAL_FORM,
  jointFieldErrors: {},
  jointRun: idle(),
  jointSelected: null,
  jointTab: 'candidates',
  jointDrafts: [],
})

export const createJointBranchesSlice: StateCreator<AppState, [], [], JointSlice> = (set) => ({
  ...initialJointState(),
  // One planning panel at a time: opening this one closes station siting.
  setJointOpen: (open) => set(open ? { jointOpen: true, sitingOpen: false } : { jointOpen: false }),
  setJointScope: (scope) => set((s) => setScope(s, scope)),
  setJointTab: (tab) => set({ jointTab: tab }),
  editJointValue: (field, text) => set((s) => editValue(s, field, text)),
  setJointEnabled: (field, on) => set((s) => setEnabled(s, field, on)),
  setJointFlag: (field, on) => set((s) => setFlag(s, field, on)),
  resetJointForm: () => set(resetForm()),
  acceptJointCandidate: (index) => set((s) => acceptByIndex(s, [index])),
  acceptAllJointCandidates: () => set(acceptAll),
  removeJointDraft: (key) => set((s) => dropDraft(s, key)),
  clearJointDrafts: () => set({ jointDrafts: [] }),
})
