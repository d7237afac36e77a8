// Unsaved edits kept in the browser until the server confirms them, so a reload, a crash or a lost
// connection never loses work. One entry per plan: the version the edits were made on, that
// version's content (the base of a three-way merge if someone saved meanwhile) and the edits.
import type { PlanDoc } from './plans-doc.ts'

export interface PendingEdits {
  planId: number
  baseVersion: number
  base: PlanDoc
  doc: PlanDoc
}

type KeyStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export const pendingKey = (planId: number) => `yuanluo.plan.${planId}.pending`

const isDoc = (d: unknown): d is PlanDoc =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as PlanDoc).name === 'string' &&
  Array.isArray((d as PlanDoc).branches) &&
  Array.isArray((d as PlanDoc).stations)

/** The kept edits of a plan, or null (none, unreadable, or no storage). */
export function readPending(store: KeyStore | undefined, planId: number): PendingEdits | null {
  try {
    const text = store?.getItem(pendingKey(planId))
    if (!text) return null
    const p = JSON.parse(text) as PendingEdits
    return p.planId === planId && Number.isInteger(p.baseVersion) && isDoc(p.base) && isDoc(p.doc)
      ? p
      : null
  } catch {
    return null
  }
}

/** Keeps the edits; false when the browser refused (full or locked-down storage). */
export function writePending(store: KeyStore | undefined, p: PendingEdits): boolean {
  try {
    store?.setItem(pendingKey(p.planId), JSON.stringify(p))
    return store !== undefined
  } catch {
    return false
  }
}

export function clearPending(store: KeyStore | undefined, planId: number): void {
  try {
    store?.removeItem(pendingKey(planId))
  } catch {
    // Nothing to do: an entry that cannot be removed is overwritten by the next edit.
  }
}

export const browserStorage = (): Storage | undefined =>
  typeof localStorage === 'undefined' ? undefined : localStorage
