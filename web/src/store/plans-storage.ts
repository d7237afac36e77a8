// Unsaved edits kept in the browser until the server confirms them, so a reload, a crash or a lost
// connection never loses work. One entry per plan: the version the edits were made on, that
// version's content (the base of a three-way merge if someone saved meanwhile) and the edits.
import { useAuth } from '../features/auth/auth-state.ts'
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

/**
 * This browser's storage for the signed-in account: with sign-in required each account keeps its
 * edits under its own keys (`….pending.account-<id>`), so another account signing in on the same
 * browser never restores, sends as its own, or overwrites them; they wait for their author.
 */
export function browserStorage(): KeyStore | undefined {
  if (typeof localStorage === 'undefined') return undefined
  const id = useAuth.getState().user?.id ?? 0
  if (id <= 0) return localStorage // no sign-in (the header seam): one set of edits per browser
  const own = (key: string) => `${key}.account-${id}`
  return {
    getItem: (key) => localStorage.getItem(own(key)),
    setItem: (key, value) => localStorage.setItem(own(key), value),
    removeItem: (key) => localStorage.removeItem(own(key)),
  }
}
