// One SQL query per tile. Each layer is a features subquery (a feature id, its properties and its
// shape in EPSG:3857) filtered by the tile's buffered envelope in EPSG:4326 through a GiST index
// (Mercator maps a lon/lat box to a metre box exactly, so the 4326 envelope is exact, not a guess).
// PostgreSQL + PostGIS wraps it in ST_AsMVT(ST_AsMVTGeom(...)); PGlite's PostGIS is built without
// protobuf-c (ST_AsMVT and ST_AsMVTGeom raise "Compiled without protobuf-c support"), so there the
// same steps as ST_AsMVTGeom (to tile units, snap to the integer grid, clip to the buffer, make
// valid, drop what collapsed) run in SQL and encode.ts writes the protobuf.
import type { Db } from '../../db/db.ts'
import { sql, type Sql } from '../../db/sql.ts'
import { encodeTile, type TileRow } from './encode.ts'
import { BUFFER, EXTENT, planTile, tileBounds, type LayerName, type TileId } from './tile-math.ts'
import type { TilePlan } from './tile-math.ts'

type Plan = Exclude<TilePlan, { kind: 'empty' }>

/**
 * What a signed-in user may see (features/auth): compounds of these communities only, counted in
 * hexagons and areas; areas in `areas` only (the jurisdiction, what lies inside it and what contains
 * it); without `members` when `dropMembers` (viewers). Undefined: everything.
 */
export interface TileScope {
  /** Community ids whose compounds are shown and counted; undefined = every community. */
  communities?: readonly string[]
  /** Area ids shown in the areas layer; undefined = every area. */
  areas?: readonly string[]
  dropMembers: boolean
}

/** Property columns of each kind of feature, in the order the features subquery selects them. */
const PROPS = {
  compounds: ['id', 'status', 'members', 'households', 'isOld', 'communityId'],
  hexes: ['compounds', 'old', 'organised', 'coverage'],
  areas: ['id', 'level', 'name', 'compounds', 'old', 'organised', 'coverage'],
} as const
const ALL_PROPS = [...new Set(Object.values(PROPS).flat())]

const props = (plan: Plan, alias: string, scope: TileScope | undefined) =>
  sql.join(
    PROPS[plan.kind]
      .filter((p) => !(scope?.dropMembers && p === 'members'))
      .map((p) => sql`${sql.ident(alias, ['f', 'm'])}.${sql.ident(p, ALL_PROPS)}`),
  )

/** `c` is a compound the scope lets the user see. */
const inScope = (c: Sql, scope: TileScope | undefined) =>
  scope?.communities ? sql`${c}.community_id = ANY(${scope.communities}::text[])` : sql`true`

/** `b`: the tile envelope in 3857 (env), buffered in 3857 (envbuf) and buffered in 4326 (filter). */
const boundsCte = ({ z, x, y }: TileId) => {
  const margin = BUFFER / EXTENT
  return sql`b AS (
    SELECT ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) AS env,
      ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${margin}::float8) AS envbuf,
      ST_Transform(ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${margin}::float8), 4326) AS filter)`
}

// A compound counts as organised when a live organisation of any kind covers it: the same set as
// ORGANISED_STATUSES in compound_coverage (standalone, joint, temporary, instructor), found with one
// index probe instead of the view's aggregate.
const organised = (c: Sql) =>
  sql`EXISTS (SELECT 1 FROM org_compound oc WHERE oc.compound_id = ${c}.id AND oc.org_status = 'active')`

const counts = (where: Sql) => sql`
  SELECT count(*)::int AS compounds, count(*) FILTER (WHERE c.is_old)::int AS old,
    count(*) FILTER (WHERE c.is_old AND ${organised(sql`c`)})::int AS organised
  FROM compound c WHERE ${where}`

// Compounds under an area of each level, by the parent chain (community ← street ← district).
const under: Record<'district' | 'street' | 'community', Sql> = {
  community: sql`c.community_id = a.id`,
  street: sql`c.community_id IN (SELECT m.id FROM area m WHERE m.parent_id = a.id)`,
  district: sql`c.community_id IN (SELECT m.id FROM area m JOIN area s ON s.id = m.parent_id
    WHERE s.parent_id = a.id)`,
}

/**
 * Compounds per hexagon of ST_HexagonGrid(size): flat-topped hexagons of circumradius `size`, the
 * one at column i, row j centred at (1.5·size·i, √3·size·(j + |i mod 2|/2)) in EPSG:3857. A point
 * goes to the nearest centre: axial coordinates q = x / (1.5·size), r = (√3·y − x) / (3·size),
 * rounded as cube coordinates (the component that moved most is recomputed from the other two),
 * then column i = q, row j = r + ⌊q/2⌋. A point exactly on an edge counts in one hexagon. The
 * filter is the buffered tile grown by a hexagon's width (two circumradii): every hexagon touching
 * the tile lies inside it.
 */
const hexCounts = (size: number, scope: TileScope | undefined) => sql`
  SELECT k.i, k.j, count(*)::int AS compounds, count(*) FILTER (WHERE k.is_old)::int AS old,
    count(*) FILTER (WHERE k.is_old AND ${organised(sql`k`)})::int AS organised
  FROM (
    SELECT a.id, a.is_old, cr.q::int AS i, (cr.r + floor(cr.q / 2))::int AS j
    FROM (
      -- OFFSET 0 keeps the planner from copying the transform into every use of q and r.
      SELECT c.id, c.is_old, m.x / (1.5 * ${size}::float8) AS q,
        (sqrt(3) * m.y - m.x) / (3 * ${size}::float8) AS r
      FROM b, compound c,
        LATERAL (SELECT ST_X(t) AS x, ST_Y(t) AS y FROM ST_Transform(c.location, 3857) t) m
      WHERE c.location && ST_Transform(ST_Expand(b.envbuf, ${2 * size}::float8), 4326)
        AND ${inScope(sql`c`, scope)}
      OFFSET 0) a
    CROSS JOIN LATERAL (SELECT round(a.q) AS q, round(a.r) AS r, round(-a.q - a.r) AS s) o
    CROSS JOIN LATERAL (SELECT abs(o.q - a.q) AS dq, abs(o.r - a.r) AS dr, abs(o.s + a.q + a.r) AS ds) d
    CROSS JOIN LATERAL (SELECT CASE WHEN d.dq > d.dr AND d.dq > d.ds THEN -o.r - o.s ELSE o.q END AS q,
      CASE WHEN d.dq > d.dr AND d.dq > d.ds OR d.ds > d.dr THEN o.r ELSE -o.q - o.s END AS r) cr
  ) k
  GROUP BY k.i, k.j`

/** The features subquery `f`: fid (bigint), the plan's properties, g (EPSG:3857). Uses CTE b. */
function features(plan: Plan, scope: TileScope | undefined): Sql {
  switch (plan.kind) {
    case 'compounds':
      return sql`
        SELECT c.id::bigint AS fid, c.id, cov.status, c.members_full AS members, c.households,
          c.is_old AS "isOld", c.community_id AS "communityId",
          ST_Transform(coalesce(c.boundary, c.location), 3857) AS g
        FROM b, compound c JOIN compound_coverage cov ON cov.compound_id = c.id
        WHERE coalesce(c.boundary, c.location) && b.filter AND ${inScope(sql`c`, scope)}`
    case 'hexes':
      // One pass over the compounds near the tile: each point's hexagon (column i, row j of
      // ST_HexagonGrid's tiling) found by arithmetic, counted per hexagon, joined to the grid's
      // hexagons that touch the buffered tile. Ids pack (i, j), each offset to be non-negative.
      return sql`
        SELECT ((h.i + 1048576)::bigint * 2097152 + (h.j + 1048576)) AS fid, n.compounds, n.old,
          n.organised, CASE WHEN n.old > 0 THEN n.organised::float8 / n.old END AS coverage, h.geom AS g
        FROM b, ST_HexagonGrid(${plan.hexSize}::float8, b.envbuf) h
        JOIN (${hexCounts(plan.hexSize, scope)}) n ON n.i = h.i AND n.j = h.j`
    case 'areas': {
      const stats =
        plan.level === 'city'
          ? sql`SELECT NULL::int AS compounds, NULL::int AS old, NULL::int AS organised`
          : counts(sql`${under[plan.level]} AND ${inScope(sql`c`, scope)}`)
      return sql`
        SELECT a.id::bigint AS fid, a.id, a.level, a.name, n.compounds, n.old, n.organised,
          CASE WHEN n.old > 0 THEN n.organised::float8 / n.old END AS coverage,
          ST_Transform(a.geom, 3857) AS g
        FROM b, area a CROSS JOIN LATERAL (${stats}) n
        WHERE a.level = ${plan.level} AND a.geom && b.filter
          AND ${scope?.areas ? sql`a.id = ANY(${scope.areas}::text[])` : sql`true`}`
    }
  }
}

/**
 * The PostGIS query: the whole tile as one bytea from ST_AsMVT, or null when it has no feature.
 * `OFFSET 0` keeps the planner from pushing `geom IS NOT NULL` into the join, which evaluated
 * ST_AsMVTGeom twice per feature (once to filter, once to output): 10–20% of a z12–z14 tile.
 */
export function mvtQuery(layer: LayerName, t: TileId, scope?: TileScope): Sql | undefined {
  const plan = planTile(layer, t)
  if (plan.kind === 'empty') return undefined
  return sql`
    WITH ${boundsCte(t)}
    SELECT ST_AsMVT(m, ${plan.mvtLayer}, ${EXTENT}, 'geom', 'fid') AS tile FROM (
      SELECT f.fid, ${props(plan, 'f', scope)},
        ST_AsMVTGeom(f.g, b.env, ${EXTENT}, ${BUFFER}, true) AS geom
      FROM (${features(plan, scope)}) f, b
      OFFSET 0
    ) m WHERE m.geom IS NOT NULL`
}

/** The PGlite query: each feature's geometry already in tile units (what ST_AsMVTGeom returns). */
export function tileRowsQuery(layer: LayerName, t: TileId, scope?: TileScope): Sql | undefined {
  const plan = planTile(layer, t)
  if (plan.kind === 'empty') return undefined
  const { xmin, ymax, size } = tileBounds(t)
  const k = EXTENT / size
  return sql`
    WITH ${boundsCte(t)}
    SELECT m.fid::float8 AS fid, ${props(plan, 'm', scope)}, ST_AsGeoJSON(m.tg, 0) AS geom FROM (
      SELECT f.*, CASE WHEN ST_Dimension(f.g) = 2 THEN ST_CollectionExtract(v.v, 3)
        ELSE ST_CollectionExtract(v.v, 1) END AS tg
      FROM (${features(plan, scope)}) f
      CROSS JOIN LATERAL (SELECT ST_MakeValid(ST_ClipByBox2D(
        ST_SnapToGrid(ST_Affine(f.g, ${k}::float8, 0, 0, ${-k}::float8, ${-xmin * k}::float8, ${ymax * k}::float8), 1),
        ST_MakeEnvelope(${-BUFFER}, ${-BUFFER}, ${EXTENT + BUFFER}, ${EXTENT + BUFFER}))) AS v) v
    ) m WHERE m.tg IS NOT NULL AND NOT ST_IsEmpty(m.tg)`
}

/**
 * The scope of a jurisdiction: its communities, and the areas shown in the areas layer (itself, every
 * area inside it and every area containing it, whose counts then hold only the jurisdiction's).
 */
export async function jurisdictionScope(db: Db, areaId: string) {
  const [row] = await db.query<{ communities: string[] | null; areas: string[] | null }>(sql`
    WITH RECURSIVE down AS (
      SELECT id, level FROM area WHERE id = ${areaId}
      UNION ALL SELECT a.id, a.level FROM area a JOIN down ON a.parent_id = down.id
    ), up AS (
      SELECT id, parent_id FROM area WHERE id = ${areaId}
      UNION ALL SELECT a.id, a.parent_id FROM area a JOIN up ON a.id = up.parent_id
    )
    SELECT (SELECT array_agg(id ORDER BY id) FROM down WHERE level = 'community') AS communities,
      (SELECT array_agg(id ORDER BY id) FROM (SELECT id FROM down UNION SELECT id FROM up) x) AS areas`)
  return { communities: row?.communities ?? [], areas: row?.areas ?? [] }
}

/** The layer name the tile's features are in (for encoding), or undefined for an empty plan. */
export const mvtLayerOf = (layer: LayerName, t: TileId) => {
  const plan = planTile(layer, t)
  return plan.kind === 'empty' ? undefined : plan.mvtLayer
}

/** The encoded tile (uncompressed protobuf), empty when the tile has no feature. */
export async function renderTile(
  db: Db,
  layer: LayerName,
  t: TileId,
  scope?: TileScope,
): Promise<Uint8Array> {
  if (db.driver === 'pg') {
    const q = mvtQuery(layer, t, scope)
    if (!q) return new Uint8Array(0)
    const [row] = await db.query<{ tile: Uint8Array | null }>(q)
    return row?.tile ?? new Uint8Array(0)
  }
  const q = tileRowsQuery(layer, t, scope)
  if (!q) return new Uint8Array(0)
  const rows = await db.query<TileRow>(q)
  return encodeTile(mvtLayerOf(layer, t)!, rows)
}
