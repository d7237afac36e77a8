// A value computed from the database once per data version (lib/data-version.ts), for answers that
// are costly to compute and change only with a write: counts on /api/config/compounds and
// /api/health. Never stale: a request reads the version first (every write committed before it
// arrived is in it) and is answered from a computation that started after that version was read,
// or from one for a later version. Concurrent requests at one version share one computation; a
// failed computation is dropped, so the next request tries again.
import { laterVersion, type DataVersion } from '../../lib/data-version.ts'

export interface PerVersion<T> {
  /** The value as of `version` (read for this request) or a later one. */
  (version: DataVersion): Promise<T>
  /** Computations started so far (tests). */
  readonly computations: number
}

export function perVersion<T>(compute: () => Promise<T>): PerVersion<T> {
  let entry: { version: DataVersion; value: Promise<T> } | undefined
  let computations = 0
  const get = (version: DataVersion): Promise<T> => {
    // The entry's version is this one or a later one of the same database.
    if (entry && laterVersion(entry.version, version) === entry.version) return entry.value
    computations++
    const e = { version, value: compute() }
    entry = e
    e.value.catch(() => {
      if (entry === e) entry = undefined
    })
    return e.value
  }
  return Object.defineProperty(get, 'computations', { get: () => computations }) as PerVersion<T>
}

/** One `perVersion` per database (a WeakMap, so a closed test database takes its cache with it). */
export function perVersionPerDb<D extends object, T>(
  compute: (db: D) => Promise<T>,
): (db: D) => PerVersion<T> {
  const caches = new WeakMap<D, PerVersion<T>>()
  return (db) => {
    let cache = caches.get(db)
    if (!cache) {
      cache = perVersion(() => compute(db))
      caches.set(db, cache)
    }
    return cache
  }
}
