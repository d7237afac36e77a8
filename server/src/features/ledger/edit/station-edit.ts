// Saving a party-service station's form; its point must fall in China, as [lng, lat] EPSG:4326.
import { z } from '@hono/zod-openapi'
import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import { STATION_LABELS, StationChanges, VersionSchema } from './edit-schemas.ts'
import type { RecordEdit } from './record-edit.ts'

export { STATION_LABELS, StationChanges }

export const StationEdit = z.object({
  version: VersionSchema,
  changes: StationChanges,
})

/** One station as the page edits it. */
export async function getStation(db: Db, id: number) {
  const [row] = await db.query<{ id: number; version: number }>(sql`
    SELECT s.id, s.name, s.compound_id AS "compoundId", s.area_m2::float8 AS "areaM2", s.origin,
      to_char(s.opened, 'YYYY-MM-DD') AS opened, s.opening_hours AS "openingHours",
      json_build_array(ST_X(s.location), ST_Y(s.location)) AS location, s.version,
      to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
    FROM station s WHERE s.id = ${id}`)
  return row
}

export const STATION_EDIT: RecordEdit<Awaited<ReturnType<typeof getStation>>> = {
  table: 'station',
  noun: '党群服务站',
  columns: Object.keys(StationChanges.shape).filter((c) => c !== 'location'),
  required: ['name'],
  labels: STATION_LABELS,
  load: getStation,
}
