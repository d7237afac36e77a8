// The plans workspace: the plan being edited, its tools, undo history, saving and conflicts.
// Every change goes through a pure transition below (tested without a store, plans-slice.test.ts);
// requests live in plans-loaders.ts.
import type { StateCreator } from 'zustand'
import type { Polygon } from 'geojson'
import type {
  AdoptResult,
  Plan,
  PlanComparison,
  PlanContext,
  PlanListItem,
} from '../api/plans-types.ts'
import { idle, type Async } from './async.ts'
import type { AppState } from './index.ts'
import { keepMine } from './plans-conflict.ts'
import {
  addBranch,
  assign,
  branchOf,
  deleteBranch,
  docOf,
  newBranchKey,
  setBoundary,
  setLocked,
  setReason,
  type AssignMode,
  type PlanDoc,
} from './plans-doc.ts'
import { record, redo, startHistory, undo, type History } from './plans-history.ts'
import { extendStroke, startStroke, type Stroke } from './plans-stroke.ts'

/** click: toggle one compound; brush / erase: drag to paint / clear; community: a whole community; lasso and boundary draw with terra-draw. */
export type PlanTool = 'click' | 'brush' | 'erase' | 'community' | 'lasso' | 'boundary'

export interface PlanConflict {
  /** The version my edits were made on, and the newer one the server holds. */
  base: PlanDoc
  theirs: Plan
}

export interface PlansState {
  plansList: Async<PlanListItem[]>
  /** The plan as the server last confirmed it: the base every save is computed from. */
  planServer: Plan | null
  planContext: Async<PlanContext>
  planHistory: History<PlanDoc> | null
  planActive: string | null
  planTool: PlanTool
  /** Brush radius on screen, pixels. */
  planBrushPx: number
  planStroke: Stroke | null
  planSaving: boolean
  planSaveError: unknown
  planConflict: PlanConflict | null
  /** Compound ids inside a boundary just drawn, offered for the branch. */
  planOffer: { key: string; ids: number[] } | null
  /** Leftover in focus (compound id). */
  planLeftover: number | null
  planCompare: { otherId: number; result: Async<PlanComparison> } | null
  planAdopt:
    | { step: 'confirm' }
    | { step: 'running' }
    | { step: 'done'; result: AdoptResult }
    | { step: 'error'; error: unknown }
    | null
}

type Change = Partial<PlansState>

export const BRUSH_PX = { min: 2, max: 60, initial: 12 }

/** Name of the n-th branch, in the language-neutral form the page shows (联合支部 n). */
export const branchName = (n: number) => `联合支部${n}`

/** No stroke, save error, dialog, offer, stepper, comparison or adoption: a plan just opened. */
const NOTHING_PENDING = {
  planStroke: null,
  planSaveError: null,
  planConflict: null,
  planOffer: null,
  planLeftover: null,
  planCompare: null,
  planAdopt: null,
} as const satisfies Change

/** The plan just loaded: a fresh history on `doc` (the server's, or edits kept in the browser). */
export function planOpened(server: Plan, doc: PlanDoc = docOf(server)): Change {
  return {
    planServer: server,
    planHistory: startHistory(doc),
    planActive: doc.branches[0]?.key ?? null,
    ...NOTHING_PENDING,
  }
}

/** One undoable edit of the document. */
export function edit(s: PlansState, fn: (doc: PlanDoc) => PlanDoc): Change {
  if (!s.planHistory) return {}
  const next = fn(s.planHistory.present)
  const history = record(s.planHistory, next)
  return history === s.planHistory ? {} : { planHistory: history }
}

/** The active branch, creating and activating a new one when none is (one step with the edit). */
function withTarget(s: PlansState, doc: PlanDoc): { doc: PlanDoc; key: string } {
  const active = branchOf(doc, s.planActive)
  if (active) return { doc, key: active.key }
  const key = newBranchKey(doc)
  return { doc: addBranch(doc, key, branchName(doc.branches.length + 1)), key }
}

/**
 * `ids` assigned to the active branch as one step. With no active branch, adding makes one; an
 * edit that changes nothing (a locked target, compounds already there) records nothing.
 */
export function assignToActive(s: PlansState, ids: readonly number[], mode: AssignMode): Change {
  if (!s.planHistory || ids.length === 0) return {}
  const present = s.planHistory.present
  if (mode === 'remove') return edit(s, (doc) => assign(doc, null, ids, 'remove'))
  const { doc, key } = withTarget(s, present)
  const next = assign(doc, key, ids, mode)
  if (next === doc) return {}
  return { planHistory: record(s.planHistory, next), planActive: key }
}

export function newBranch(s: PlansState): Change {
  if (!s.planHistory) return {}
  const doc = s.planHistory.present
  const key = newBranchKey(doc)
  return {
    planHistory: record(s.planHistory, addBranch(doc, key, branchName(doc.branches.length + 1))),
    planActive: key,
  }
}

export function removeBranch(s: PlansState, key: string): Change {
  const change = edit(s, (doc) => deleteBranch(doc, key))
  return change.planHistory && s.planActive === key ? { ...change, planActive: null } : change
}

export const lockBranch = (s: PlansState, key: string, locked: boolean) =>
  edit(s, (doc) => setLocked(doc, key, locked))

export const writeReason = (s: PlansState, key: string, text: string) =>
  edit(s, (doc) => setReason(doc, key, text))

/** A free boundary drawn for the active branch; compounds inside it not yet in it are offered. */
export function boundaryDrawn(
  s: PlansState,
  key: string,
  boundary: Polygon | null,
  inside: readonly number[],
): Change {
  const change = edit(s, (doc) => setBoundary(doc, key, boundary))
  const doc = change.planHistory?.present ?? s.planHistory?.present
  const branch = doc && branchOf(doc, key)
  if (!branch) return change
  const held = new Set(branch.compoundIds)
  const ids = inside.filter((id) => !held.has(id))
  return { ...change, planOffer: ids.length > 0 ? { key, ids } : null }
}

export function undoEdit(s: PlansState): Change {
  if (!s.planHistory || s.planStroke) return {}
  const h = undo(s.planHistory)
  return h === s.planHistory ? {} : { planHistory: h, planOffer: null }
}

export function redoEdit(s: PlansState): Change {
  if (!s.planHistory || s.planStroke) return {}
  const h = redo(s.planHistory)
  return h === s.planHistory ? {} : { planHistory: h, planOffer: null }
}

/** A brush or eraser stroke begins (button pressed). */
export const strokeStarted = (s: PlansState): Change =>
  s.planHistory && (s.planTool === 'brush' || s.planTool === 'erase')
    ? { planStroke: startStroke(s.planTool === 'erase' ? 'remove' : 'add') }
    : {}

/** Compounds under the brush while dragging: the preview grows, the plan does not change yet. */
export function strokeMoved(s: PlansState, hits: readonly number[]): Change {
  if (!s.planStroke) return {}
  const next = extendStroke(s.planStroke, hits)
  return next === s.planStroke ? {} : { planStroke: next }
}

/**
 * The button released: the whole stroke becomes one edit and one undo step. `assignable` keeps
 * the compounds a tool may add (the loaders drop those outside the area or under a live branch).
 */
export function strokeEnded(
  s: PlansState,
  assignable: (ids: number[]) => number[] = (ids) => ids,
): Change {
  if (!s.planStroke) return {}
  const { ids, mode } = s.planStroke
  return { ...assignToActive(s, mode === 'add' ? assignable(ids) : ids, mode), planStroke: null }
}

/** The server confirmed a save of `sent`: it becomes the base; later edits stay on the page. */
export const saved = (plan: Plan): Change => ({
  planServer: plan,
  planSaving: false,
  planSaveError: null,
})

/** Conflict resolved by re-applying my edits on their version (one undoable step). */
export function resolveKeepMine(s: PlansState): Change {
  const c = s.planConflict
  if (!c || !s.planHistory) return {}
  const merged = keepMine(c.base, s.planHistory.present, docOf(c.theirs))
  const active = branchOf(merged, s.planActive) ? s.planActive : (merged.branches[0]?.key ?? null)
  return {
    planServer: c.theirs,
    planConflict: null,
    planSaveError: null,
    planHistory: record(s.planHistory, merged),
    planActive: active,
  }
}

/** Conflict resolved by dropping my edits for their version. */
export function resolveTakeTheirs(s: PlansState): Change {
  const c = s.planConflict
  if (!c) return {}
  const opened = planOpened(c.theirs)
  const keep = branchOf(docOf(c.theirs), s.planActive) ? s.planActive : opened.planActive
  return { ...opened, planActive: keep }
}

export const initialPlansState = (): PlansState => ({
  plansList: idle(),
  planServer: null,
  planContext: idle(),
  planHistory: null,
  planActive: null,
  planTool: 'click',
  planBrushPx: BRUSH_PX.initial,
  planSaving: false,
  ...NOTHING_PENDING,
})

export interface PlansSlice extends PlansState {
  setPlanTool: (tool: PlanTool) => void
  setPlanActive: (key: string | null) => void
  setPlanBrushPx: (px: number) => void
}

export const createPlansSlice: StateCreator<AppState, [], [], PlansSlice> = (set) => ({
  ...initialPlansState(),
  setPlanTool: (planTool) => set({ planTool, planStroke: null }),
  setPlanActive: (planActive) => set({ planActive }),
  setPlanBrushPx: (px) =>
    set({ planBrushPx: Math.max(BRUSH_PX.min, Math.min(BRUSH_PX.max, Math.round(px))) }),
})
