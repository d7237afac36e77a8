// Boundary edits: GeoJSON Polygon or MultiPolygon in EPSG:4326 [lng, lat], checked in China,
// closed and wound by the import core, repaired by ST_MakeValid in the database and reported.
import { z } from '@hono/zod-openapi'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import type { Db } from '../../../db/db.ts'
import { sql, type Sql } from '../../../db/sql.ts'
import { CHINA_BBOX, checkGeometry } from '../../../import/index.ts'
import { ledgerIssue, type LedgerIssue } from '../shared/messages.ts'
import { fieldError } from './edit-hook.ts'

const GEOJSON_ERROR = '须为 GeoJSON Polygon 或 MultiPolygon,坐标为 EPSG:4326 [经度, 纬度]'
const position = z.array(z.number({ error: GEOJSON_ERROR }), { error: GEOJSON_ERROR }).min(2)
const ring = z.array(position, { error: GEOJSON_ERROR })
const polygon = z.array(ring, { error: GEOJSON_ERROR }).min(1, { error: GEOJSON_ERROR })

/** A boundary as an edit sends it. */
export const BoundarySchema = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('Polygon'), coordinates: polygon }),
      z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) }),
    ],
    { error: GEOJSON_ERROR },
  )
  .openapi({ description: 'GeoJSON Polygon or MultiPolygon, EPSG:4326 [lng, lat]' })

const LABEL = '边界'
const FIELD = 'changes.boundary'

const outside = (p: Position) => {
  const [w, s, e, n] = CHINA_BBOX
  return !(p[0]! >= w && p[0]! <= e && p[1]! >= s && p[1]! <= n)
}

/** Checks a boundary; returns it as GeoJSON text, closed and wound (RFC 7946). Throws a 400 naming the field. */
export function checkBoundary(g: Polygon | MultiPolygon): string {
  const checked = checkGeometry(g, { selfIntersection: false })
  if (!checked.ok) {
    const why = {
      GEOMETRY_EMPTY: '没有图形(空几何)',
      GEOMETRY_NOT_POLYGON: '须为面',
      GEOMETRY_DEGENERATE: '面的环少于 3 个不同的点',
      GEOMETRY_BAD_COORDINATES: '坐标不是有效数字',
    }[checked.code]
    throw fieldError(FIELD, LABEL, why)
  }
  const polygons = checked.boundary!.coordinates
  const bad = polygons.flat(2).find(outside)
  if (bad)
    throw fieldError(
      FIELD,
      LABEL,
      bad[0]! >= 3 && bad[0]! <= 54 && bad[1]! >= 73 && bad[1]! <= 136
        ? `经纬度看起来颠倒了 (${bad.join(', ')}); 须为 [经度, 纬度]`
        : `坐标 (${bad.join(', ')}) 不在中国范围内; 须为 EPSG:4326 经纬度`,
    )
  return JSON.stringify(checked.boundary)
}

/** SQL for a GeoJSON text parameter as a valid MultiPolygon, repaired by ST_MakeValid when needed. */
export const repairedGeometry = (geojson: string): Sql => sql`(SELECT CASE WHEN ST_IsValid(g)
    THEN ST_Multi(g) ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) END
  FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(${geojson}::text), 4326) AS g) AS src)`

/** Whether the database has to repair a boundary, and whether anything is left once it does. */
export async function boundaryRepairs(db: Db, geojson: string): Promise<LedgerIssue[]> {
  const [row] = await db.query<{ valid: boolean; reason: string; empty: boolean }>(sql`
    SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason, ST_IsEmpty(${repairedGeometry(geojson)}) AS empty
    FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(${geojson}::text), 4326) AS g) AS src`)
  if (row!.empty) throw fieldError(FIELD, LABEL, `面无效且修复后为空 (${row!.reason})`)
  if (row!.valid) return []
  return [ledgerIssue('BOUNDARY_REPAIRED', { reason: row!.reason })]
}
