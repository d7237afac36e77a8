// The plans workspace's side effects: the list, opening a plan (restoring edits kept in the
// browser), the debounced autosave, conflicts, copy, compare, adopt, and the map tools' entry
// points. State changes go through the slice's pure transitions.
import { bbox } from '@turf/turf'
import * as api from '../api/plans-api.ts'
import type { Plan, PlanChange, PlanComparison, PlanStart } from '../api/plans-types.ts'
import type { Bbox, LngLat } from '../api/types.ts'
import { nextFocus } from './area-slice.ts'
import { dataOf, type Async } from './async.ts'
import { useStore, type AppState } from './index.ts'
import { jumpToArea, load, loadCompounds, loadStats } from './loaders.ts'
import { diffDocs, sameBranch } from './plans-changes.ts'
import { bestBranchFor, isOrganised, leftoversOf, ruleContextOf } from './plans-checks.ts'
import { docOf, type AssignMode, type PlanDoc } from './plans-doc.ts'
import { replacePresent } from './plans-history.ts'
import { hitIndexOf } from './plans-map.ts'
import {
  assignToActive,
  planOpened,
  resolveKeepMine,
  resolveTakeTheirs,
  saved,
  strokeEnded,
} from './plans-slice.ts'
import { browserStorage, clearPending, readPending, writePending } from './plans-storage.ts'
import { hitsNear } from './plans-stroke.ts'
import { byIdOf } from './selectors.ts'

const { getState: get, setState: set } = useStore

/** Quiet time after the last edit before it is sent, ms: a burst of clicks becomes one save. */
export const AUTOSAVE_MS = 800

export const loadPlanList = (areaId: string) =>
  load(
    'plans:list',
    areaId,
    { get: (s) => s.plansList, put: (_, plansList) => ({ plansList }) },
    (signal) => api.listPlans(areaId, signal),
  )

const loadContext = (id: number) =>
  load(
    'plans:context',
    String(id),
    { get: (s) => s.planContext, put: (_, planContext) => ({ planContext }) },
    (signal) => api.fetchPlanContext(id, signal),
  )

/** The rule lookups of the open plan's context, or null while it loads. */
export function currentRules(s: AppState = get()) {
  const ctx = dataOf(s.planContext)
  return ctx && s.planServer && ctx.area.id === s.planServer.area.id ? ruleContextOf(ctx) : null
}

function setUrlPlan(id: number | null) {
  const url = new URL(window.location.href)
  if (id === null) url.searchParams.delete('plan')
  else url.searchParams.set('plan', String(id))
  window.history.replaceState(window.history.state, '', url)
}

/** Shows `plan` in the editor, with the edits this browser kept for it if any. */
function showPlan(plan: Plan) {
  const pending = readPending(browserStorage(), plan.id)
  if (!pending) set(planOpened(plan))
  else if (pending.baseVersion === plan.version) set(planOpened(plan, pending.doc))
  else {
    // Someone saved since these edits were made: the same choice as a refused save.
    set({ ...planOpened(plan, pending.doc), planConflict: { base: pending.base, theirs: plan } })
  }
  setUrlPlan(plan.id)
  ensureAutosave()
  scheduleSave()
}

const opening = new Map<number, Promise<void>>()

/** Opens plan `id` (from the list or a shared link): plan, live context, and its area on the map.
 * A second call while the first is on its way (React's development double effects) joins it. */
export function openPlan(id: number): Promise<void> {
  let p = opening.get(id)
  if (!p) {
    p = openPlanOnce(id).finally(() => opening.delete(id))
    opening.set(id, p)
  }
  return p
}

/** Bumped by a change of account (forgetPlans): a plan asked for before it is not shown after. */
let account = 0

async function openPlanOnce(id: number): Promise<void> {
  const asked = account
  set({ view: 'plans', planContext: { status: 'loading', key: String(id) } })
  try {
    const plan = await api.fetchPlan(id)
    if (asked !== account) return
    showPlan(plan)
    void loadContext(id)
    void loadPlanList(plan.area.id)
    if (get().areaPath[get().areaPath.length - 1] !== plan.area.id) void jumpToArea(plan.area.id)
  } catch (e) {
    if (asked === account) set({ planContext: { status: 'error', key: String(id), error: e } })
  }
}

/**
 * A change of account (reset.ts; the caller resets the plans state): no autosave pending, no
 * opening joined or shown, and no `?plan=` left in the address for the next account to open.
 */
export function forgetPlans(): void {
  clearTimeout(timer)
  account += 1
  opening.clear()
  if (typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('plan'))
    setUrlPlan(null)
}

/** The plan of a shared link (`?plan=<id>`), opened at start. */
export function openSharedPlan(): void {
  const id = Number(new URLSearchParams(window.location.search).get('plan'))
  if (Number.isInteger(id) && id > 0) void openPlan(id)
}

export function closePlan(): void {
  void saveNow()
  set({ planServer: null, planHistory: null, planContext: { status: 'idle' }, planConflict: null })
  setUrlPlan(null)
}

export interface Attempt {
  error: unknown
}

/** Creates a plan for `areaId` and opens it; returns the failure for the form to show. */
export async function createNewPlan(
  name: string,
  areaId: string,
  from: PlanStart,
): Promise<Attempt | null> {
  try {
    const plan = await api.createPlan({ name, areaId, from })
    void loadPlanList(areaId)
    await openPlan(plan.id)
    return null
  } catch (error) {
    return { error }
  }
}

export async function copyOpenPlan(name: string): Promise<Attempt | null> {
  const s = get()
  if (!s.planServer) return null
  await saveNow()
  try {
    const copy = await api.copyPlan(s.planServer.id, name)
    void loadPlanList(copy.area.id)
    await openPlan(copy.id)
    return null
  } catch (error) {
    return { error }
  }
}

// ---- saving ---------------------------------------------------------------------------------

let timer: ReturnType<typeof setTimeout> | undefined
let installed = false

/** The open plan's unsent changes (none when it is saved). */
export function unsaved(s: AppState = get()) {
  return s.planServer && s.planHistory ? diffDocs(docOf(s.planServer), s.planHistory.present) : []
}

/** Keeps the unsaved edits in the browser, or forgets them once the server holds them all. */
function keepLocally(s: AppState) {
  if (!s.planServer || !s.planHistory) return
  const store = browserStorage()
  if (unsaved(s).length === 0 && !s.planConflict) clearPending(store, s.planServer.id)
  else if (!s.planConflict)
    writePending(store, {
      planId: s.planServer.id,
      baseVersion: s.planServer.version,
      base: docOf(s.planServer),
      doc: s.planHistory.present,
    })
}

function ensureAutosave() {
  if (installed) return
  installed = true
  useStore.subscribe((s, prev) => {
    if (s.planHistory?.present === prev.planHistory?.present && s.planServer === prev.planServer)
      return
    keepLocally(s)
    if (s.planHistory?.present !== prev.planHistory?.present) scheduleSave()
  })
}

export function scheduleSave(delayMs = AUTOSAVE_MS): void {
  clearTimeout(timer)
  timer = setTimeout(() => void saveNow(), delayMs)
}

/** `doc` with each branch the server echoed back replaced by the server's copy when they differ
 * only in how the server stores it, so a saved plan never looks unsaved (order kept). */
function adoptEcho(doc: PlanDoc, plan: Plan): PlanDoc {
  const server = new Map(plan.branches.map((b) => [b.key, b]))
  let changed = false
  const branches = doc.branches.map((b) => {
    const s = server.get(b.key)
    if (!s || sameBranch(s, b)) return b
    changed = true
    return s
  })
  return changed || doc.name !== plan.name
    ? { name: plan.name, branches, stations: plan.stations }
    : doc
}

let saving: Promise<void> | null = null

/** Sends the open plan's unsaved changes now; resolves once the server answered. */
export function saveNow(): Promise<void> {
  clearTimeout(timer)
  if (saving) return saving.then(() => (unsaved().length > 0 ? saveNow() : undefined))
  const s = get()
  if (!s.planServer || !s.planHistory || s.planConflict) return Promise.resolve()
  const base = docOf(s.planServer)
  const sent = s.planHistory.present
  const changes = diffDocs(base, sent)
  if (changes.length === 0) return Promise.resolve()
  const id = s.planServer.id
  set({ planSaving: true, planSaveError: null })
  saving = (async () => {
    try {
      const plan = await api.sendPlanChanges(id, s.planServer!.version, changes)
      if (get().planServer?.id !== id) return
      set(saved(plan))
      const now = get()
      if (now.planHistory?.present === sent)
        set({ planHistory: replacePresent(now.planHistory, adoptEcho(sent, plan)) })
      else if (unsaved().length > 0) scheduleSave()
    } catch (e) {
      if (get().planServer?.id !== id) return
      const theirs = api.currentFromConflict(e)
      set(
        theirs
          ? { planSaving: false, planConflict: { base, theirs } }
          : { planSaving: false, planSaveError: e },
      )
    } finally {
      saving = null
    }
  })()
  return saving
}

export type ConflictChoice = 'mine' | 'theirs' | 'copy'

/** The planner's answer to the conflict dialog. */
export async function resolveConflict(
  choice: ConflictChoice,
  copyName: string,
): Promise<Attempt | null> {
  const s = get()
  const c = s.planConflict
  if (!c || !s.planHistory) return null
  if (choice === 'mine') {
    set(resolveKeepMine(s))
    await saveNow()
    return null
  }
  if (choice === 'theirs') {
    set(resolveTakeTheirs(s))
    clearPending(browserStorage(), c.theirs.id)
    return null
  }
  // Save as a copy: their version stays as the plan; mine becomes a new plan.
  const mine = s.planHistory.present
  try {
    const copy = await api.copyPlan(c.theirs.id, copyName)
    const changes = diffDocs(docOf(copy), { ...mine, name: copy.name })
    const result =
      changes.length > 0 ? await api.sendPlanChanges(copy.id, copy.version, changes) : copy
    clearPending(browserStorage(), c.theirs.id)
    void loadPlanList(result.area.id)
    await openPlan(result.id)
    return null
  } catch (error) {
    return { error }
  }
}

// ---- editing entry points (map tools) -------------------------------------------------------

/** Compounds the tools may assign: in the plan's area and not already under a live branch
 * (adoption refuses those). */
function assignable(ids: readonly number[]): number[] {
  const rc = currentRules()
  if (!rc) return []
  return ids.filter((id) => {
    const c = rc.compounds.get(id)
    return c !== undefined && c.orgId === null
  })
}

/** Commits the brush stroke in progress as one step. */
export const commitStroke = () => set((s) => strokeEnded(s, assignable))

export function assignIds(ids: readonly number[], mode: AssignMode): void {
  const s = get()
  const ok = mode === 'remove' ? ids : assignable(ids)
  set(assignToActive(s, ok, mode))
}

/** A click on the map while a plan is open; false when the plans editor does not take clicks. */
export function planClick(id: number | null): boolean {
  const s = get()
  if (s.view !== 'plans' || !s.planHistory || s.planServer?.status !== 'draft') return false
  if (id === null) return true
  switch (s.planTool) {
    case 'click':
      assignIds([id], 'toggle')
      return true
    case 'community':
      paintCommunityOf(id)
      return true
    default:
      // The brush and eraser paint a click as a one-compound stroke; drawing tools own clicks.
      return true
  }
}

/** Every unassigned small compound of `id`'s community, into the active branch (one step). */
export function paintCommunityOf(id: number): void {
  const rc = currentRules()
  const s = get()
  const c = rc?.compounds.get(id)
  if (!rc || !c || !s.planHistory) return
  const owners = new Set(s.planHistory.present.branches.flatMap((b) => b.compoundIds))
  const ids = [...rc.compounds.values()]
    .filter(
      (x) => x.communityId === c.communityId && x.small && !isOrganised(x) && !owners.has(x.id),
    )
    .map((x) => x.id)
  assignIds(ids.includes(id) || owners.has(id) ? ids : [id, ...ids], 'add')
}

// ---- leftovers -----------------------------------------------------------------------------

const bboxOf = (g: Parameters<typeof bbox>[0]): Bbox => bbox(g).slice(0, 4) as Bbox

/** Puts leftover `id` in focus and zooms to it. */
export function focusLeftover(id: number | null): void {
  set({ planLeftover: id })
  if (id === null) return
  const feature = byIdOf(dataOf(get().compounds)?.features ?? []).get(id)
  if (feature) set((s) => ({ focus: nextFocus(s.focus, bboxOf(feature)) }))
}

/** Steps to the next (+1) or previous (−1) leftover, wrapping around. */
export function stepLeftover(by: 1 | -1): void {
  const s = get()
  const rc = currentRules(s)
  if (!rc || !s.planHistory) return
  const list = leftoversOf(rc, s.planHistory.present)
  if (list.length === 0) return focusLeftover(null)
  const at = list.findIndex((c) => c.id === s.planLeftover)
  const next = at < 0 ? (by > 0 ? 0 : list.length - 1) : (at + by + list.length) % list.length
  focusLeftover(list[next]!.id)
}

/** Attaches the leftover in focus to its best neighbouring branch (plans-checks.ts); one step. */
export function attachLeftover(id: number): void {
  const s = get()
  const rc = currentRules(s)
  if (!rc || !s.planHistory) return
  const choice = bestBranchFor(rc, s.planHistory.present, id)
  if (choice.key === null) return
  set(assignToActive({ ...s, planActive: choice.key }, [id], 'add'))
  stepLeftover(1)
}

// ---- compare and adopt ----------------------------------------------------------------------

export function compareWith(otherId: number | null): void {
  const s = get()
  if (!s.planServer || otherId === null) return set({ planCompare: null })
  const a = s.planServer.id
  set({ planCompare: { otherId, result: { status: 'loading', key: String(otherId) } } })
  api.comparePlans(a, otherId).then(
    (data) => settleCompare(otherId, { status: 'ready', key: String(otherId), data }),
    (error) => settleCompare(otherId, { status: 'error', key: String(otherId), error }),
  )
}

function settleCompare(otherId: number, result: Async<PlanComparison>) {
  if (get().planCompare?.otherId === otherId) set({ planCompare: { otherId, result } })
}

/** Adopts the open plan (after saving it); the live coverage figures are reloaded after. */
export async function adoptOpenPlan(): Promise<void> {
  await saveNow()
  const s = get()
  if (!s.planServer || unsaved(s).length > 0 || s.planConflict) return
  set({ planAdopt: { step: 'running' } })
  try {
    const result = await api.adoptPlan(s.planServer.id, s.planServer.version)
    set({ planAdopt: { step: 'done', result }, planServer: result.plan })
    void loadContext(result.plan.id)
    void loadCompounds()
    const areaPath = get().areaPath
    void loadStats(areaPath[areaPath.length - 1] ?? null)
    void loadPlanList(result.plan.area.id)
  } catch (error) {
    set({ planAdopt: { step: 'error', error } })
  }
}

export async function deleteOpenPlan(): Promise<Attempt | null> {
  const s = get()
  if (!s.planServer) return null
  try {
    await api.deletePlan(s.planServer.id, s.planServer.version)
    clearPending(browserStorage(), s.planServer.id)
    const areaId = s.planServer.area.id
    set({ planServer: null, planHistory: null, planContext: { status: 'idle' } })
    setUrlPlan(null)
    void loadPlanList(areaId)
    return null
  } catch (error) {
    return { error }
  }
}

/** The cursor of the plans tool in use over the map, or null outside the editor. */
export function planCursor(): string | null {
  const s = get()
  if (s.view !== 'plans' || !s.planHistory || s.planServer?.status !== 'draft') return null
  return s.planTool === 'click' || s.planTool === 'community' ? null : 'crosshair'
}

export interface PlanSeed {
  branches?: { name: string; compoundIds: number[] }[]
  stations?: { name: string; lng: number; lat: number }[]
}

/** A new plan for `areaId` holding `seed` (accepted joint candidates, chosen station sites), opened. */
export async function createPlanFrom(
  name: string,
  areaId: string,
  seed: PlanSeed,
): Promise<Attempt | null> {
  try {
    const plan = await api.createPlan({ name, areaId, from: 'empty' })
    const changes: PlanChange[] = [
      ...(seed.branches ?? []).map((b, i): PlanChange => ({
        op: 'upsertBranch',
        branch: {
          key: `b${i + 1}`,
          name: b.name,
          kind: 'joint',
          compoundIds: b.compoundIds,
          boundary: null,
          locked: false,
          reason: null,
        },
      })),
      ...(seed.stations ?? []).map((s, i): PlanChange => ({
        op: 'upsertStation',
        station: { key: `s${i + 1}`, ...s },
      })),
    ]
    if (changes.length > 0) await api.sendPlanChanges(plan.id, plan.version, changes)
    await openPlan(plan.id)
    return null
  } catch (error) {
    return { error }
  }
}

/** Metres around a click within which a compound counts as clicked (a finger's width on screen). */
const CLICK_SLOP_M = 2

/**
 * The compound under a click while the plans editor takes clicks, found in the brush's CPU index
 * (no GPU picking pass, which costs a frame); undefined when the editor is not taking clicks.
 */
export function planPickAt(lngLat: LngLat): number | null | undefined {
  const s = get()
  if (s.view !== 'plans' || !s.planHistory || s.planServer?.status !== 'draft') return undefined
  const ctx = dataOf(s.planContext)
  const features = dataOf(s.compounds)?.features
  if (!ctx || !features) return undefined
  return hitsNear(hitIndexOf(ctx.compounds, byIdOf(features)), lngLat, CLICK_SLOP_M)[0] ?? null
}
