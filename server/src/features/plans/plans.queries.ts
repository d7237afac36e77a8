// Reading and writing plans: the plan row, its branches and its stations.
import type { Polygon } from 'geojson'
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import type { AreaLevel } from '../../domain/coverage.ts'
import { communitiesUnder } from '../areas/areas.queries.ts'

export type PlanStatus = 'draft' | 'adopted' | 'archived'

export interface PlanArea {
  id: string
  name: string
  level: AreaLevel
  /** The statistical division code (the area id). */
  code: string
}

export interface Branch {
  key: string
  name: string
  kind: 'joint' | 'standalone'
  compoundIds: number[]
  boundary: Polygon | null
  locked: boolean
  reason: string | null
  /** The live organisation adoption created for this branch, else null. */
  orgId: number | null
}

export interface Station {
  key: string
  name: string
  lng: number
  lat: number
  /** The live station adoption created, else null. */
  stationId: number | null
}

export interface PlanHead {
  id: number
  name: string
  area: PlanArea
  status: PlanStatus
  version: number
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
  adoptedAt: string | null
  adoptedBy: string | null
  copiedFrom: number | null
}

export interface Plan extends PlanHead {
  branches: Branch[]
  stations: Station[]
}

const iso = (col: ReturnType<typeof sql>) =>
  sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const head = sql`
  p.id, p.name, p.status, p.version,
  json_build_object('id', a.id, 'name', a.name, 'level', a.level, 'code', a.id) AS area,
  p.created_by AS "createdBy", ${iso(sql`p.created_at`)} AS "createdAt",
  p.updated_by AS "updatedBy", ${iso(sql`p.updated_at`)} AS "updatedAt",
  p.adopted_by AS "adoptedBy", ${iso(sql`p.adopted_at`)} AS "adoptedAt",
  p.copied_from AS "copiedFrom"`

/** The plan row with its area, or undefined. */
export async function getPlanHead(db: Db, id: number): Promise<PlanHead | undefined> {
  const [row] = await db.query<PlanHead>(sql`
    SELECT ${head} FROM plan p JOIN area a ON a.id = p.area_id WHERE p.id = ${id}`)
  return row
}

/** The branches of a plan in the planner's order. */
export const getBranches = (db: Db, planId: number) =>
  db.query<Branch>(sql`
    SELECT key, name, kind, compound_ids AS "compoundIds",
      ST_AsGeoJSON(boundary)::json AS boundary, locked, reason, org_id AS "orgId"
    FROM plan_branch WHERE plan_id = ${planId} ORDER BY position, key`)

/** The proposed stations of a plan in the planner's order. */
export const getStations = (db: Db, planId: number) =>
  db.query<Station>(sql`
    SELECT key, name, ST_X(location)::float8 AS lng, ST_Y(location)::float8 AS lat,
      station_id AS "stationId"
    FROM plan_station WHERE plan_id = ${planId} ORDER BY position, key`)

/** What a change batch needs of the stored rows: keys, places, and the branches' compounds. */
export async function storedIndex(db: Db, planId: number) {
  const branches = await db.query<
    Pick<Branch, 'key' | 'name' | 'compoundIds'> & { position: number }
  >(sql`
    SELECT key, name, compound_ids AS "compoundIds", position FROM plan_branch WHERE plan_id = ${planId}`)
  const stations = await db.query<{ key: string; position: number }>(
    sql`SELECT key, position FROM plan_station WHERE plan_id = ${planId}`,
  )
  return { branches, stations }
}

/** A whole plan, or undefined. */
export async function getPlan(db: Db, id: number): Promise<Plan | undefined> {
  const h = await getPlanHead(db, id)
  if (!h) return undefined
  const [branches, stations] = [await getBranches(db, id), await getStations(db, id)]
  return { ...h, branches, stations }
}

/** Plans of an area and the areas below it (all plans without an area), newest change first. */
export const listPlans = (db: Db, areaId: string | undefined) =>
  db.query<PlanHead & { branches: number; compounds: number }>(sql`
    SELECT ${head},
      (SELECT count(*)::int FROM plan_branch b WHERE b.plan_id = p.id) AS branches,
      (SELECT coalesce(sum(cardinality(b.compound_ids)), 0)::int FROM plan_branch b
        WHERE b.plan_id = p.id) AS compounds
    FROM plan p JOIN area a ON a.id = p.area_id
    WHERE ${areaId ?? null}::text IS NULL OR p.area_id IN (
      WITH RECURSIVE sub AS (
        SELECT id FROM area WHERE id = ${areaId ?? null}
        UNION ALL
        SELECT x.id FROM area x JOIN sub ON x.parent_id = sub.id)
      SELECT id FROM sub)
    ORDER BY p.updated_at DESC, p.id DESC`)

/** Inserts a plan row; returns its id. */
export async function insertPlan(
  db: Db,
  p: { name: string; areaId: string; actor: string; copiedFrom?: number },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(sql`
    INSERT INTO plan (name, area_id, created_by, updated_by, copied_from)
    VALUES (${p.name}, ${p.areaId}, ${p.actor}, ${p.actor}, ${p.copiedFrom ?? null})
    RETURNING id`)
  return row!.id
}

/** Inserts branches (one statement); `position` continues from `firstPosition`. */
export async function insertBranches(
  db: Db,
  planId: number,
  branches: readonly Omit<Branch, 'orgId'>[],
  positions: readonly number[],
): Promise<void> {
  if (branches.length === 0) return
  const rows = branches.map((b, i) => ({
    key: b.key,
    position: positions[i],
    name: b.name,
    kind: b.kind,
    compound_ids: b.compoundIds,
    boundary: b.boundary ? JSON.stringify(b.boundary) : null,
    locked: b.locked,
    reason: b.reason,
  }))
  await db.query(sql`
    INSERT INTO plan_branch (plan_id, key, position, name, kind, compound_ids, boundary, locked, reason)
    SELECT ${planId}::int, r.key, r.position, r.name, r.kind,
      ARRAY(SELECT jsonb_array_elements_text(r.compound_ids)::int),
      ST_SetSRID(ST_GeomFromGeoJSON(r.boundary), 4326), r.locked, r.reason
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(key text, position int, name text,
      kind text, compound_ids jsonb, boundary text, locked boolean, reason text)`)
}

/** Inserts stations (one statement). */
export async function insertStations(
  db: Db,
  planId: number,
  stations: readonly Omit<Station, 'stationId'>[],
  positions: readonly number[],
): Promise<void> {
  if (stations.length === 0) return
  const rows = stations.map((s, i) => ({ ...s, position: positions[i] }))
  await db.query(sql`
    INSERT INTO plan_station (plan_id, key, position, name, location)
    SELECT ${planId}::int, r.key, r.position, r.name,
      ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(key text, position int, name text,
      lng float8, lat float8)`)
}

/** Copies branches and stations of one plan into another (adoption links are not copied). */
export async function copyContents(db: Db, from: number, to: number): Promise<void> {
  await db.query(sql`
    INSERT INTO plan_branch (plan_id, key, position, name, kind, compound_ids, boundary, locked, reason)
    SELECT ${to}::int, key, position, name, kind, compound_ids, boundary, locked, reason
    FROM plan_branch WHERE plan_id = ${from}`)
  await db.query(sql`
    INSERT INTO plan_station (plan_id, key, position, name, location)
    SELECT ${to}::int, key, position, name, location FROM plan_station WHERE plan_id = ${from}`)
}

/**
 * Bumps the plan's version if it is still `version` and in one of `statuses`; sets extra columns.
 * Returns false when no row matched (missing, stale or in another status): the caller finds which.
 */
export async function bumpVersion(
  db: Db,
  p: {
    id: number
    version: number
    actor: string
    statuses: readonly PlanStatus[]
    name?: string
    status?: PlanStatus
  },
): Promise<boolean> {
  const rows = await db.query(sql`
    UPDATE plan SET version = version + 1, updated_by = ${p.actor}, updated_at = now(),
      name = coalesce(${p.name ?? null}::text, name),
      status = coalesce(${p.status ?? null}::text, status),
      adopted_by = CASE WHEN ${p.status ?? null}::text = 'adopted' THEN ${p.actor} ELSE adopted_by END,
      adopted_at = CASE WHEN ${p.status ?? null}::text = 'adopted' THEN now() ELSE adopted_at END
    WHERE id = ${p.id} AND version = ${p.version} AND status = ANY(${p.statuses}::text[])
    RETURNING id`)
  return rows.length > 0
}

/** Compounds among `ids`: which exist, and whether each lies in the area (at or below `areaId`). */
export const compoundsIn = (db: Db, ids: readonly number[], areaId: string) =>
  db.query<{ id: number; name: string; inside: boolean }>(sql`
    SELECT id, name, community_id IN (${communitiesUnder(areaId)}) AS inside
    FROM compound WHERE id = ANY(${ids}::int[])`)

/** PostGIS's verdict on each boundary (GeoJSON text), in order: null when valid, else the reason. */
export async function invalidBoundaries(
  db: Db,
  boundaries: readonly string[],
): Promise<(string | null)[]> {
  if (boundaries.length === 0) return []
  const rows = await db.query<{ i: number; problem: string | null }>(sql`
    SELECT (u.i)::int AS i, CASE WHEN ST_IsValid(g) THEN NULL ELSE ST_IsValidReason(g) END AS problem
    FROM unnest(${boundaries}::text[]) WITH ORDINALITY AS u(json, i),
      LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(u.json), 4326) AS g) x
    ORDER BY u.i`)
  return rows.map((r) => r.problem)
}

/** Sets a plan's name (inside the transaction that bumped its version). */
export async function renamePlan(db: Db, id: number, name: string): Promise<void> {
  await db.query(sql`UPDATE plan SET name = ${name} WHERE id = ${id}`)
}
