import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { perVersionPerDb } from './per-version.ts'

/** Compounds in the database (an index-only count: tens of milliseconds for a million rows). */
export async function countCompounds(db: Pick<Db, 'query'>): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM compound`)
  return row?.n ?? 0
}

/** countCompounds once per data version of `db` (every write to `compound` bumps it). */
export const compoundCount = perVersionPerDb((db: Db) => countCompounds(db))
