// The stored dry run (ledger_import): created before staging so rows can refer to it, filled in
// with the report once compared, marked committed or failed.
import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import type { ImportReport, ImportStatus } from './report.ts'

export interface NewImport {
  actor: string
  files: string[]
  format: string
  layer: string
  sourceCrs: string
  crs: unknown
  mapping: unknown
  options: unknown
}

/** Creates a dry-run record with empty counts; returns its id. */
export async function createImport(db: Db, i: NewImport): Promise<number> {
  const [row] = await db.query<{ id: number }>(sql`
    INSERT INTO ledger_import (actor, file_names, format, layer, source_crs, crs, mapping, options,
      counts, report)
    VALUES (${i.actor}, ${i.files}::text[], ${i.format}, ${i.layer}, ${i.sourceCrs},
      ${JSON.stringify(i.crs)}::jsonb, ${JSON.stringify(i.mapping)}::jsonb,
      ${JSON.stringify(i.options)}::jsonb, '{}'::jsonb, '{}'::jsonb)
    RETURNING id`)
  return row!.id
}

/** Stores the dry run's counts and report. */
export async function saveReport(
  db: Db,
  id: number,
  counts: unknown,
  report: unknown,
  blocking: boolean,
): Promise<void> {
  await db.query(sql`
    UPDATE ledger_import SET counts = ${JSON.stringify(counts)}::jsonb,
      report = ${JSON.stringify(report)}::jsonb, blocking = ${blocking}
    WHERE id = ${id}`)
}

/** Marks an import failed with the reason shown to the user. */
export async function markFailed(db: Db, id: number, error: string): Promise<void> {
  await db.query(sql`UPDATE ledger_import SET status = 'failed', error = ${error} WHERE id = ${id}`)
}

interface ImportRow {
  id: number
  status: ImportStatus
  actor: string
  createdAt: string
  committedAt: string | null
  files: string[]
  format: string
  layer: string
  sourceCrs: string
  crs: ImportReport['crs']
  mapping: ImportReport['mapping']
  options: ImportReport['options']
  counts: ImportReport['counts']
  report: Omit<
    ImportReport,
    | 'id'
    | 'status'
    | 'actor'
    | 'createdAt'
    | 'committedAt'
    | 'files'
    | 'format'
    | 'layer'
    | 'sourceCrs'
    | 'crs'
    | 'mapping'
    | 'options'
    | 'counts'
    | 'error'
    | 'progress'
  >
  error: string | null
}

const iso = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`

/** One stored import as the API returns it, or undefined. */
export async function getImport(db: Db, id: number): Promise<ImportReport | undefined> {
  const [row] = await db.query<ImportRow>(sql`
    SELECT id, status, actor, ${iso(sql`created_at`)} AS "createdAt",
      ${iso(sql`committed_at`)} AS "committedAt", to_json(file_names) AS files, format, layer,
      source_crs AS "sourceCrs", crs, mapping, options, counts, report, error
    FROM ledger_import WHERE id = ${id}`)
  if (!row) return undefined
  const { report, counts, ...rest } = row
  return {
    ...rest,
    counts: { ...NO_COUNTS, ...counts },
    ...EMPTY_REPORT,
    ...report,
    progress: null,
  }
}

// What a dry run that failed before its report was saved shows.
const NO_COUNTS: ImportReport['counts'] = {
  total: 0,
  new: 0,
  changed: 0,
  unchanged: 0,
  rejected: 0,
  repaired: 0,
  noBoundary: 0,
}
const EMPTY_REPORT: ImportRow['report'] = {
  encoding: null,
  columns: [],
  geometrySource: { kind: 'none' },
  suggestedMapping: {},
  unmapped: [],
  blocking: [],
  rejected: [],
  repaired: [],
  warnings: [],
  fileWarnings: [],
  preview: [],
  commit: null,
}
