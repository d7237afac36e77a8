// Undo and redo over whole documents. Documents share every unchanged branch with their
// neighbours, so keeping a hundred of them costs little more than the branches each step touched.

/** Steps kept behind the present; the issue asks for at least 50. */
export const HISTORY_LIMIT = 100

export interface History<T> {
  past: T[]
  present: T
  future: T[]
}

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] })

/** Records `next` as one step; the same object as the present records nothing. */
export function record<T>(h: History<T>, next: T, limit = HISTORY_LIMIT): History<T> {
  if (next === h.present) return h
  const past = [...h.past, h.present]
  if (past.length > limit) past.splice(0, past.length - limit)
  return { past, present: next, future: [] }
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1]
  if (previous === undefined) return h
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] }
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...future] = h.future
  if (next === undefined) return h
  return { past: [...h.past, h.present], present: next, future }
}

/** Replaces the present without a step (a save or conflict resolution the planner cannot undo). */
export const replacePresent = <T>(h: History<T>, present: T): History<T> =>
  present === h.present ? h : { ...h, present }
