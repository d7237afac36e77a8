// The plan being edited as an immutable document, and every edit the tools make to it. An edit
// that changes nothing returns the same object, so the undo history never records a no-op and
// React never redraws for one. Unchanged branches keep their identity, so per-branch work (checks,
// map features) is redone only for the branches an edit touched.
import type { Polygon } from 'geojson'
import type { Plan, PlanBranch, PlanStation } from '../api/plans-types.ts'

export interface PlanDoc {
  name: string
  branches: PlanBranch[]
  stations: PlanStation[]
}

/** The editable part of a plan from the server. */
export const docOf = (plan: Pick<Plan, 'name' | 'branches' | 'stations'>): PlanDoc => ({
  name: plan.name,
  branches: plan.branches,
  stations: plan.stations,
})

/** compound id → key of the branch holding it. */
export type Owners = ReadonlyMap<number, string>

const ownersCache = new WeakMap<PlanBranch[], Owners>()

/** Which branch holds each compound; computed once per branches array. */
export function ownersOf(doc: PlanDoc): Owners {
  let owners = ownersCache.get(doc.branches)
  if (!owners) {
    const m = new Map<number, string>()
    for (const b of doc.branches) for (const id of b.compoundIds) m.set(id, b.key)
    ownersCache.set(doc.branches, m)
    owners = m
  }
  return owners
}

export const branchOf = (doc: PlanDoc, key: string | null): PlanBranch | undefined =>
  key === null ? undefined : doc.branches.find((b) => b.key === key)

/** Random letters that keep keys made by two planners at once apart (their saves merge by key). */
export const keySalt = (): string => Math.random().toString(36).slice(2, 8)

/** A key no branch of `doc` uses: `b<n>-<salt>`, or `b<n>` with an empty salt. */
export function newBranchKey(doc: PlanDoc, salt: string = keySalt()): string {
  const used = new Set(doc.branches.map((b) => b.key))
  const key = (n: number) => (salt ? `b${n}-${salt}` : `b${n}`)
  let n = doc.branches.length + 1
  while (used.has(key(n))) n++
  return key(n)
}

/** The doc with one more, empty, unlocked branch of `key` and `name`. */
export function addBranch(
  doc: PlanDoc,
  key: string,
  name: string,
  kind: PlanBranch['kind'] = 'joint',
): PlanDoc {
  if (doc.branches.some((b) => b.key === key)) return doc
  const branch: PlanBranch = {
    key,
    name,
    kind,
    compoundIds: [],
    boundary: null,
    locked: false,
    reason: null,
  }
  return { ...doc, branches: [...doc.branches, branch] }
}

export function deleteBranch(doc: PlanDoc, key: string): PlanDoc {
  const branches = doc.branches.filter((b) => b.key !== key || b.locked)
  return branches.length === doc.branches.length ? doc : { ...doc, branches }
}

/** Replaces branch `key` by `fn(branch)`; the same doc when it returns the same branch. */
function updateBranch(doc: PlanDoc, key: string, fn: (b: PlanBranch) => PlanBranch): PlanDoc {
  let changed = false
  const branches = doc.branches.map((b) => {
    if (b.key !== key) return b
    const next = fn(b)
    if (next !== b) changed = true
    return next
  })
  return changed ? { ...doc, branches } : doc
}

export const setLocked = (doc: PlanDoc, key: string, locked: boolean): PlanDoc =>
  updateBranch(doc, key, (b) => (b.locked === locked ? b : { ...b, locked }))

/** The written reason for keeping a failing warning rule; blank text clears it. */
export function setReason(doc: PlanDoc, key: string, text: string): PlanDoc {
  const reason = text.trim() === '' ? null : text.trim()
  return updateBranch(doc, key, (b) => (b.reason === reason ? b : { ...b, reason }))
}

export function renameBranch(doc: PlanDoc, key: string, name: string): PlanDoc {
  const trimmed = name.trim()
  if (!trimmed) return doc
  return updateBranch(doc, key, (b) =>
    b.name === trimmed || b.locked ? b : { ...b, name: trimmed },
  )
}

export const setBoundary = (doc: PlanDoc, key: string, boundary: Polygon | null): PlanDoc =>
  updateBranch(doc, key, (b) => (b.boundary === boundary || b.locked ? b : { ...b, boundary }))

export function renamePlan(doc: PlanDoc, name: string): PlanDoc {
  const trimmed = name.trim()
  return !trimmed || trimmed === doc.name ? doc : { ...doc, name: trimmed }
}

/** How an edit treats the compounds it reaches. */
export type AssignMode = 'add' | 'remove' | 'toggle'

/**
 * The doc after `ids` are added to branch `key` (taken from any other unlocked branch holding
 * them), removed from whichever unlocked branch holds them (`remove`: the eraser, `key` unused),
 * or toggled: the first id decides, so one click adds or removes and never does both. Compounds of
 * a locked branch are never moved, and a locked target takes nothing.
 */
export function assign(
  doc: PlanDoc,
  key: string | null,
  ids: Iterable<number>,
  mode: AssignMode,
): PlanDoc {
  const list = [...new Set(ids)]
  if (list.length === 0) return doc
  const owners = ownersOf(doc)
  const target = branchOf(doc, key)
  let adding = mode === 'add'
  if (mode === 'toggle') adding = owners.get(list[0]!) !== key
  if (adding && (!target || target.locked)) return doc
  const locked = new Set(doc.branches.filter((b) => b.locked).map((b) => b.key))
  const moving = list.filter((id) => {
    const owner = owners.get(id)
    if (owner !== undefined && locked.has(owner)) return false
    if (adding) return owner !== key
    return mode === 'remove' ? owner !== undefined : owner === key
  })
  if (moving.length === 0) return doc
  const moved = new Set(moving)
  const losers = new Set(moving.map((id) => owners.get(id)).filter((k) => k !== undefined))
  const branches = doc.branches.map((b) => {
    let next = b
    if (losers.has(b.key) && !(adding && b.key === key))
      next = { ...next, compoundIds: next.compoundIds.filter((id) => !moved.has(id)) }
    if (adding && b.key === key) next = { ...next, compoundIds: [...next.compoundIds, ...moving] }
    return next
  })
  return { ...doc, branches }
}
