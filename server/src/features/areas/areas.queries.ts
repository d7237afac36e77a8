import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import type { AreaLevel } from '../../domain/coverage.ts'

export type Bbox = [west: number, south: number, east: number, north: number]

export interface AreaRow {
  id: string
  level: AreaLevel
  name: string
  parentId: string | null
  bbox: Bbox | null
}

export interface AreaFilter {
  level?: AreaLevel
  parent?: string
}

const where = ({ level, parent }: AreaFilter) => sql`
  WHERE (${level ?? null}::text IS NULL OR level = ${level ?? null})
    AND (${parent ?? null}::text IS NULL OR parent_id = ${parent ?? null})`

const bboxOf = sql`CASE WHEN geom IS NULL THEN NULL ELSE json_build_array(
  round(ST_XMin(geom)::numeric, 6)::float8, round(ST_YMin(geom)::numeric, 6)::float8,
  round(ST_XMax(geom)::numeric, 6)::float8, round(ST_YMax(geom)::numeric, 6)::float8) END`

/** Areas of one level and/or parent, ordered by code, each with its bounding box in degrees. */
export const listAreas = (db: Db, filter: AreaFilter) =>
  db.query<AreaRow>(sql`
    SELECT id, level, name, parent_id AS "parentId", ${bboxOf} AS bbox
    FROM area ${where(filter)} ORDER BY id`)

/** The same areas as one GeoJSON FeatureCollection, serialised by the database (6 decimals, ~0.1 m). */
export async function areasGeoJson(db: Db, filter: AreaFilter): Promise<string> {
  const [row] = await db.query<{ fc: string }>(sql`
    SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
      json_build_object('type', 'Feature', 'id', id,
        'properties', json_build_object('id', id, 'level', level, 'name', name, 'parentId', parent_id),
        'geometry', ST_AsGeoJSON(geom, 6)::json) ORDER BY id), '[]'::json))::text AS fc
    FROM area ${where(filter)} AND geom IS NOT NULL`)
  return row!.fc
}

/** One area with its ancestors from the city down (excluding itself), or undefined. */
export async function getArea(db: Db, id: string) {
  const [area] = await db.query<AreaRow>(sql`
    SELECT id, level, name, parent_id AS "parentId", ${bboxOf} AS bbox FROM area WHERE id = ${id}`)
  if (!area) return undefined
  const ancestors = await areaPath(db, area.parentId)
  return { ...area, ancestors }
}

/** The chain of areas from the root down to `id` inclusive; empty when id is null. */
export async function areaPath(db: Db, id: string | null) {
  if (id === null) return []
  return db.query<{ id: string; level: AreaLevel; name: string }>(sql`
    WITH RECURSIVE up AS (
      SELECT id, level, name, parent_id, 0 AS depth FROM area WHERE id = ${id}
      UNION ALL
      SELECT a.id, a.level, a.name, a.parent_id, up.depth + 1 FROM area a JOIN up ON a.id = up.parent_id
    )
    SELECT id, level, name FROM up ORDER BY depth DESC`)
}

/** A fragment selecting the ids of the communities at or below an area (for IN (...) filters). */
export const communitiesUnder = (areaId: string) => sql`
  WITH RECURSIVE sub AS (
    SELECT id, level FROM area WHERE id = ${areaId}
    UNION ALL
    SELECT a.id, a.level FROM area a JOIN sub ON a.parent_id = sub.id
  )
  SELECT id FROM sub WHERE level = 'community'`

/** The id of the root area (the city), used when a request names no area. */
export async function rootAreaId(db: Db): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    sql`SELECT id FROM area WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
  )
  return row?.id
}
