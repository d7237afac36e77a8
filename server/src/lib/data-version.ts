// The database's data version (migration 0006): every write to a table that tiles or cached reads
// depend on bumps it in the writing transaction. Caches in any process key on it, and read it from
// the database for each request, so an edit made through another server process is seen next time.
import type { Db } from '../db/db.ts'
import { sql } from '../db/sql.ts'

/** `epoch.version`: changes with every committed write; `epoch` differs per database. */
export type DataVersion = string

const read = async (db: Db): Promise<DataVersion> => {
  const [row] = await db.query<{ v: string }>(
    sql`SELECT epoch || '.' || version::text AS v FROM data_version`,
  )
  if (!row) throw new Error('data_version has no row: is migration 0006 applied?')
  return row.v
}

/**
 * A reader of the data version that coalesces concurrent requests without ever answering one from
 * a read that started before it arrived: while a read is in flight, new callers wait for the next
 * read, which starts when the current one ends and serves them all. Under load this is one query
 * per round trip instead of one per request; a lone request costs one query.
 */
export function dataVersionReader(db: Db): () => Promise<DataVersion> {
  let inFlight: Promise<DataVersion> | undefined
  let next: Promise<DataVersion> | undefined
  const start = (): Promise<DataVersion> => {
    const p = read(db).finally(() => {
      if (inFlight === p) inFlight = undefined
    })
    inFlight = p
    return p
  }
  return () => {
    if (!inFlight) return start()
    next ??= inFlight
      .catch(() => undefined)
      .then(() => {
        next = undefined
        return start()
      })
    return next
  }
}

/** Reads the data version once (tests, scripts). */
export const readDataVersion = read
