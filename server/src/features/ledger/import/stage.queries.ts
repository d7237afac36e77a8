// The database half of a dry run: stage the records, repair polygons, resolve communities, match
// compounds by code and say, per row, whether it is new, changed (which columns), unchanged or
// rejected. Set-based statements over the whole import, so 20,000 rows take a few statements.
import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import { differs, LEDGER_COLUMNS } from '../shared/columns.ts'
import { yieldToEventLoop } from '../shared/yield.ts'
import type { StageRow } from './prepare.ts'

// Rows per INSERT: each batch is one JSON parameter of a few MB (a polygon row is about 1 KB).
const BATCH = 2000

/** A staged row with its community resolved: the id when exactly one matched, and how many did. */
export type ResolvedRow = StageRow & { community_id: string | null; community_matches: number }

/** Inserts the records of an import, repairing invalid polygons with ST_MakeValid. */
export async function stageRows(db: Db, importId: number, rows: ResolvedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH))
    await db.query(sql`
      INSERT INTO ledger_import_row (import_id, row_number, code, fields, community_text,
        district_text, street_text, community_id, community_matches, geometry_kind, boundary,
        location, repair_reason)
      SELECT ${importId}::int, r.row_number, r.code, r.fields, r.community, r.district, r.street,
        r.community_id, r.community_matches, r.kind,
        CASE WHEN r.kind = 'polygon' THEN
          CASE WHEN v.valid THEN ST_Multi(g.g)
            ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g.g), 3)) END END,
        CASE WHEN r.kind = 'point' THEN g.g END,
        CASE WHEN r.kind = 'polygon' AND NOT v.valid THEN ST_IsValidReason(g.g) END
      FROM jsonb_to_recordset(${json}::jsonb) AS r(row_number int, code text, fields jsonb,
        community text, district text, street text, community_id text, community_matches int,
        kind text, geom text)
      CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(r.geom), 4326) AS g) g
      CROSS JOIN LATERAL (SELECT r.kind <> 'polygon' OR ST_IsValid(g.g) AS valid) v`)
    await yieldToEventLoop()
  }
}

const changeList = () =>
  sql.join(
    LEDGER_COLUMNS.map(
      (name) =>
        sql`CASE WHEN r.fields ? ${name}::text AND ${differs(name, sql`p`, sql`c`)} THEN ${name}::text END`,
    ),
    ',\n',
  )

/**
 * Matches rows to compounds by code and classifies them, in one statement. A row with no
 * community of its own keeps its compound's, or takes `defaultCommunity` when it creates one.
 */
export async function compareRows(
  db: Db,
  importId: number,
  defaultCommunity: string | null,
): Promise<void> {
  await db.query(sql`
    WITH cmp AS (
      SELECT r.row_number, c.id AS compound_id, c.version AS base_version,
        CASE WHEN r.community_text IS NOT NULL THEN r.community_id
          WHEN c.id IS NULL THEN ${defaultCommunity}::text END AS community_id,
        CASE
          WHEN r.community_text IS NOT NULL AND r.community_id IS NULL THEN
            CASE WHEN r.community_matches > 1 THEN 'COMMUNITY_AMBIGUOUS' ELSE 'COMMUNITY_NOT_FOUND' END
          WHEN r.geometry_kind = 'polygon' AND ST_IsEmpty(r.boundary) THEN 'GEOMETRY_UNREPAIRABLE'
          WHEN c.id IS NULL AND r.geometry_kind = 'none' THEN 'GEOMETRY_REQUIRED'
          WHEN c.id IS NULL AND r.community_text IS NULL AND ${defaultCommunity}::text IS NULL
            THEN 'COMMUNITY_REQUIRED'
        END AS reject_code,
        CASE WHEN c.id IS NOT NULL THEN array_remove(ARRAY[
          ${changeList()},
          CASE WHEN r.community_text IS NOT NULL AND r.community_id IS DISTINCT FROM c.community_id
            THEN 'community_id' END,
          CASE WHEN r.geometry_kind = 'polygon' AND NOT ST_IsEmpty(r.boundary) AND (
              c.boundary IS NULL OR NOT (ST_OrderingEquals(c.boundary, r.boundary)
                OR (ST_IsValid(c.boundary) AND ST_Equals(c.boundary, r.boundary))))
            THEN 'boundary' END,
          CASE WHEN r.geometry_kind = 'point' AND c.boundary IS NULL
              AND NOT ST_Equals(c.location, r.location)
            THEN 'location' END
        ]::text[], NULL) END AS changes
      FROM ledger_import_row r
      LEFT JOIN compound c ON c.code = r.code
      CROSS JOIN LATERAL jsonb_populate_record(NULL::compound, r.fields) p
      WHERE r.import_id = ${importId})
    UPDATE ledger_import_row r
    SET compound_id = cmp.compound_id, base_version = cmp.base_version,
      community_id = cmp.community_id, reject_code = cmp.reject_code, changes = cmp.changes,
      action = CASE WHEN cmp.reject_code IS NOT NULL THEN 'rejected'
        WHEN cmp.compound_id IS NULL THEN 'new'
        WHEN cardinality(cmp.changes) > 0 THEN 'changed'
        ELSE 'unchanged' END
    FROM cmp
    WHERE r.import_id = ${importId} AND r.row_number = cmp.row_number`)
}

export interface StagedOutcome {
  counts: Record<'new' | 'changed' | 'unchanged' | 'rejected', number> & {
    repaired: number
    noBoundary: number
  }
  rejected: { rowNumber: number; code: string; matches: number | null; reason: string | null }[]
  repaired: { rowNumber: number; reason: string }[]
  pointIgnored: number[]
  preview: {
    rowNumber: number
    code: string
    action: string
    compoundId: number | null
    changes: string[]
  }[]
}

/** What the staged rows came to: counts by action, and the rows the report names. */
export async function stagedOutcome(
  db: Db,
  importId: number,
  previewLimit: number,
): Promise<StagedOutcome> {
  const [counts] = await db.query<StagedOutcome['counts']>(sql`
    SELECT count(*) FILTER (WHERE action = 'new')::int AS new,
      count(*) FILTER (WHERE action = 'changed')::int AS changed,
      count(*) FILTER (WHERE action = 'unchanged')::int AS unchanged,
      count(*) FILTER (WHERE action = 'rejected')::int AS rejected,
      count(*) FILTER (WHERE action <> 'rejected' AND repair_reason IS NOT NULL)::int AS repaired,
      count(*) FILTER (WHERE action <> 'rejected' AND geometry_kind = 'point')::int AS "noBoundary"
    FROM ledger_import_row WHERE import_id = ${importId}`)
  const rejected = await db.query<StagedOutcome['rejected'][number]>(sql`
    SELECT row_number AS "rowNumber", reject_code AS code, community_matches AS matches,
      repair_reason AS reason
    FROM ledger_import_row WHERE import_id = ${importId} AND action = 'rejected'
    ORDER BY row_number`)
  const repaired = await db.query<StagedOutcome['repaired'][number]>(sql`
    SELECT row_number AS "rowNumber", repair_reason AS reason
    FROM ledger_import_row
    WHERE import_id = ${importId} AND action <> 'rejected' AND repair_reason IS NOT NULL
    ORDER BY row_number`)
  const ignored = await db.query<{ rowNumber: number }>(sql`
    SELECT r.row_number AS "rowNumber"
    FROM ledger_import_row r JOIN compound c ON c.id = r.compound_id
    WHERE r.import_id = ${importId} AND r.action <> 'rejected' AND r.geometry_kind = 'point'
      AND c.boundary IS NOT NULL
    ORDER BY r.row_number`)
  const preview = await db.query<StagedOutcome['preview'][number]>(sql`
    SELECT row_number AS "rowNumber", code, action, compound_id AS "compoundId",
      to_json(coalesce(changes, '{}')) AS changes
    FROM ledger_import_row
    WHERE import_id = ${importId} AND action IN ('new', 'changed')
    ORDER BY row_number LIMIT ${previewLimit}`)
  return {
    counts: counts!,
    rejected,
    repaired,
    pointIgnored: ignored.map((r) => r.rowNumber),
    preview,
  }
}
