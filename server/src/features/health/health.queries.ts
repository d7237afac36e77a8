import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'

/** PostGIS version and table counts, in one round trip. */
export async function healthFigures(db: Db) {
  const [row] = await db.query<{
    postgis: string
    areas: number
    compounds: number
    oldCompounds: number
    organisations: number
    stations: number
  }>(sql`
    SELECT postgis_lib_version() AS postgis,
      (SELECT count(*)::int FROM area) AS areas,
      (SELECT count(*)::int FROM compound) AS compounds,
      (SELECT count(*)::int FROM compound WHERE is_old) AS "oldCompounds",
      (SELECT count(*)::int FROM party_org WHERE status = 'active') AS organisations,
      (SELECT count(*)::int FROM station) AS stations`)
  return row!
}
