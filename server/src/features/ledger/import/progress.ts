// Progress of commits running in this process. Kept in memory, not in the database: a commit's
// own writes are invisible to other connections until it ends, and on PGlite (one connection) a
// query would wait for the commit to finish. Keyed by the Db so tests on two drivers never mix.
import type { Db } from '../../../db/db.ts'

export interface Progress {
  processed: number
  total: number
}

const running = new WeakMap<Db, Map<number, Progress>>()

/** The progress of a commit of import `id` running now, or undefined. */
export const commitProgress = (db: Db, id: number): Progress | undefined => running.get(db)?.get(id)

/** Records that import `id` is committing; returns an updater and a finisher. */
export function trackCommit(db: Db, id: number, total: number) {
  let map = running.get(db)
  if (!map) running.set(db, (map = new Map()))
  if (map.has(id)) return undefined
  const p: Progress = { processed: 0, total }
  map.set(id, p)
  return {
    advance: (rows: number) => {
      p.processed = Math.min(p.total, p.processed + rows)
    },
    done: () => {
      map.delete(id)
    },
  }
}
