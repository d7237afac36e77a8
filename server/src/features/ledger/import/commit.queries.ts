// The statements of a commit, each over a range of staged rows; the caller runs them all in one
// transaction. Every write carries its audit entry in the same statement.
import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import { col, DEFAULTED, LEDGER_COLUMNS } from '../shared/columns.ts'

/** Rows of an import that a commit writes (new and changed), in row order. */
export const actionableRows = (db: Db, importId: number) =>
  db.query<{ rowNumber: number; action: 'new' | 'changed' }>(sql`
    SELECT row_number AS "rowNumber", action FROM ledger_import_row
    WHERE import_id = ${importId} AND action IN ('new', 'changed') ORDER BY row_number`)

/**
 * Rows whose compound changed since the dry run: a new code now taken, or a matched compound
 * edited or gone. Committing them would overwrite someone's edit, so the commit is refused.
 */
export const staleRows = (db: Db, importId: number) =>
  db.query<{ rowNumber: number; code: string }>(sql`
    SELECT r.row_number AS "rowNumber", r.code
    FROM ledger_import_row r LEFT JOIN compound c ON c.code = r.code
    WHERE r.import_id = ${importId} AND (
      (r.action = 'new' AND c.id IS NOT NULL)
      OR (r.action = 'changed' AND (c.id IS NULL OR c.id <> r.compound_id OR c.version <> r.base_version)))
    ORDER BY r.row_number LIMIT 50`)

const insertValues = () =>
  sql.join(
    LEDGER_COLUMNS.map((c) => {
      const fallback = c === 'is_old' ? sql`false` : DEFAULTED[c]
      return fallback ? sql`coalesce(p.${col(c)}, ${fallback})` : sql`p.${col(c)}`
    }),
  )

/**
 * Inserts the new compounds of rows lo..hi, with one audit entry each; returns how many. The entry's
 * "after" is what the import gave (the staged values, already jsonb): building it column by column
 * from the new row took most of a 20,000-row commit on PGlite. Geometry is left out: any later
 * change records it as "before".
 */
export async function insertNew(
  db: Db,
  r: { importId: number; lo: number; hi: number; sourceCrs: string; actor: string },
): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`
    WITH ins AS (
      INSERT INTO compound (${sql.join(LEDGER_COLUMNS.map(col))}, community_id, boundary, location,
        source_crs)
      SELECT ${insertValues()}, r.community_id, r.boundary,
        coalesce(r.location, ST_PointOnSurface(r.boundary)), ${r.sourceCrs}
      FROM ledger_import_row r
      CROSS JOIN LATERAL jsonb_populate_record(NULL::compound, r.fields) p
      WHERE r.import_id = ${r.importId} AND r.action = 'new'
        AND r.row_number BETWEEN ${r.lo} AND ${r.hi}
      ORDER BY r.row_number
      RETURNING id, code, version, community_id, source_crs),
    audit AS (
      INSERT INTO audit_log (actor, action, entity, entity_id, detail)
      SELECT ${r.actor}, 'import.create', 'compound', ins.id::text,
        jsonb_build_object('importId', ${r.importId}::int, 'version', ins.version, 'before', NULL,
          'after', r.fields || jsonb_build_object('community_id', ins.community_id,
            'source_crs', ins.source_crs))
      FROM ins
      JOIN ledger_import_row r ON r.import_id = ${r.importId} AND r.code = ins.code
        AND r.row_number BETWEEN ${r.lo} AND ${r.hi}
      RETURNING 1)
    SELECT count(*)::int AS n FROM audit`)
  return row!.n
}

const updateSets = () =>
  sql.join(
    LEDGER_COLUMNS.map(
      (c) =>
        sql`${col(c)} = CASE WHEN ${c}::text = ANY(s.changes) THEN (s.p).${col(c)} ELSE c.${col(c)} END`,
    ),
    ',\n',
  )

// Before/after of the changed columns only; geometry as GeoJSON.
const changedValues = (row: string) => {
  const r = sql.ident(row, ['b', 'u'])
  return sql`coalesce((SELECT jsonb_object_agg(e.key, e.value)
      FROM jsonb_each(to_jsonb(${r}) - 'boundary' - 'location') e WHERE e.key = ANY(u.changes_)), '{}'::jsonb)
    || CASE WHEN 'boundary' = ANY(u.changes_)
      THEN jsonb_build_object('boundary', ST_AsGeoJSON(${r}.boundary)::jsonb) ELSE '{}'::jsonb END
    || CASE WHEN 'location' = ANY(u.changes_)
      THEN jsonb_build_object('location', ST_AsGeoJSON(${r}.location)::jsonb) ELSE '{}'::jsonb END`
}

/**
 * Updates the changed compounds of rows lo..hi (version + 1, updated_at now), only where the
 * version is still the one the dry run saw, with one audit entry each; returns how many.
 */
export async function updateChanged(
  db: Db,
  r: { importId: number; lo: number; hi: number; sourceCrs: string; actor: string },
): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`
    WITH s AS (
      SELECT r.compound_id, r.base_version, r.changes, r.community_id, r.boundary, r.location, p
      FROM ledger_import_row r
      CROSS JOIN LATERAL jsonb_populate_record(NULL::compound, r.fields) p
      WHERE r.import_id = ${r.importId} AND r.action = 'changed'
        AND r.row_number BETWEEN ${r.lo} AND ${r.hi}),
    b AS (SELECT c.* FROM compound c JOIN s ON s.compound_id = c.id),
    u AS (
      UPDATE compound c SET ${updateSets()},
        community_id = CASE WHEN 'community_id' = ANY(s.changes) THEN s.community_id
          ELSE c.community_id END,
        boundary = CASE WHEN 'boundary' = ANY(s.changes) THEN s.boundary ELSE c.boundary END,
        location = CASE WHEN 'boundary' = ANY(s.changes) THEN ST_PointOnSurface(s.boundary)
          WHEN 'location' = ANY(s.changes) THEN s.location ELSE c.location END,
        source_crs = CASE WHEN s.changes && ARRAY['boundary', 'location'] THEN ${r.sourceCrs}
          ELSE c.source_crs END,
        version = c.version + 1, updated_at = now()
      FROM s
      WHERE c.id = s.compound_id AND c.version = s.base_version
      RETURNING c.*, s.changes AS changes_),
    audit AS (
      INSERT INTO audit_log (actor, action, entity, entity_id, detail)
      SELECT ${r.actor}, 'import.update', 'compound', u.id::text,
        jsonb_build_object('importId', ${r.importId}::int, 'version', u.version,
          'before', ${changedValues('b')}, 'after', ${changedValues('u')})
      FROM u JOIN b ON b.id = u.id
      RETURNING 1)
    SELECT count(*)::int AS n FROM audit`)
  return row!.n
}

/** Marks an import committed and writes its own audit entry. */
export async function finishCommit(
  db: Db,
  r: { importId: number; actor: string; created: number; updated: number },
): Promise<void> {
  const commit = JSON.stringify({ created: r.created, updated: r.updated })
  await db.query(sql`
    WITH done AS (
      UPDATE ledger_import SET status = 'committed', committed_at = now(), error = NULL,
        report = report || jsonb_build_object('commit', ${commit}::jsonb)
      WHERE id = ${r.importId}
      RETURNING id, file_names, source_crs, counts)
    INSERT INTO audit_log (actor, action, entity, entity_id, detail)
    SELECT ${r.actor}, 'import.commit', 'ledger_import', done.id::text,
      jsonb_build_object('files', to_jsonb(done.file_names), 'sourceCrs', done.source_crs,
        'counts', done.counts, 'created', ${r.created}::int, 'updated', ${r.updated}::int)
    FROM done`)
}

/** Locks an import for its commit and says what state it is in. */
export const lockImport = (db: Db, importId: number) =>
  db.query<{ status: string; blocking: boolean; sourceCrs: string }>(sql`
    SELECT status, blocking, source_crs AS "sourceCrs" FROM ledger_import
    WHERE id = ${importId} FOR UPDATE`)
