import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { perVersionPerDb } from '../config/per-version.ts'

export interface HealthCounts {
  areas: number
  compounds: number
  oldCompounds: number
  organisations: number
  stations: number
}

/** Table counts in one statement (one snapshot): a few hundred ms on a nation of a million compounds. */
export async function tableCounts(db: Pick<Db, 'query'>): Promise<HealthCounts> {
  const [row] = await db.query<HealthCounts>(sql`
    SELECT (SELECT count(*)::int FROM area) AS areas,
      (SELECT count(*)::int FROM compound) AS compounds,
      (SELECT count(*)::int FROM compound WHERE is_old) AS "oldCompounds",
      (SELECT count(*)::int FROM party_org WHERE status = 'active') AS organisations,
      (SELECT count(*)::int FROM station) AS stations`)
  return row!
}

/** tableCounts once per data version of `db` (writes to every one of these tables bump it). */
export const healthCounts = perVersionPerDb((db: Db) => tableCounts(db))

const postgis = new WeakMap<Db, Promise<string>>()

/** The PostGIS library version, asked once per database and process (a failure is not kept). */
export function postgisVersion(db: Db): Promise<string> {
  let p = postgis.get(db)
  if (!p) {
    p = db.query<{ v: string }>(sql`SELECT postgis_lib_version() AS v`).then(([row]) => row!.v)
    postgis.set(db, p)
    p.catch(() => {
      if (postgis.get(db) === p) postgis.delete(db)
    })
  }
  return p
}

/** A trivial query through the pool: the database answers now (PGlite's version is in memory). */
export async function ping(db: Pick<Db, 'query'>): Promise<void> {
  await db.query(sql`SELECT 1 AS ok`)
}
