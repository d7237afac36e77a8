import type { Db } from '../../server/src/db/db.ts'

/** The database, noting the text of every statement sent through `query` in `seen`. */
export function counted(db: Db) {
  const seen: string[] = []
  const wrapped: Db = {
    ...db,
    query: (q) => {
      seen.push(q.text)
      return db.query(q)
    },
  }
  return { db: wrapped, seen }
}
