// The lifecycle of one remote value. `key` names what was asked for (an id, an area), so a late
// answer to an older question is recognised and dropped instead of overwriting the newer one.

export type Async<T> =
  | { status: 'idle' }
  | { status: 'loading'; key: string; data?: T }
  | { status: 'ready'; key: string; data: T }
  | { status: 'error'; key: string; error: unknown; data?: T }

export const idle = <T>(): Async<T> => ({ status: 'idle' })

/** Starts asking for `key`; keeps the previous data so the screen does not flash empty. */
export function begin<T>(a: Async<T>, key: string): Async<T> {
  const data = a.status === 'idle' ? undefined : a.data
  return data === undefined ? { status: 'loading', key } : { status: 'loading', key, data }
}

/** Accepts data for `key` only if `key` is still the question being asked. */
export function succeed<T>(a: Async<T>, key: string, data: T): Async<T> {
  if (a.status !== 'loading' || a.key !== key) return a
  return { status: 'ready', key, data }
}

/** Records a failure for `key` only if `key` is still the question being asked. */
export function fail<T>(a: Async<T>, key: string, error: unknown): Async<T> {
  if (a.status !== 'loading' || a.key !== key) return a
  return a.data === undefined
    ? { status: 'error', key, error }
    : { status: 'error', key, error, data: a.data }
}

/** The data of a ready value, or the stale data kept while reloading; undefined otherwise. */
export const dataOf = <T>(a: Async<T>): T | undefined => (a.status === 'idle' ? undefined : a.data)

export const isLoading = <T>(a: Async<T>): boolean => a.status === 'loading'
