// The dry-run report: counts, every rejected row with its reason, repairs and warnings, the CRS
// guess and choice, the mapping. Built from the pure step's result and the database comparison.
import {
  FIELD_LABELS,
  type ColumnMapping,
  type CrsGuess,
  type GeometrySource,
  type ImportIssue,
  type SourceCrs,
} from '../../../import/index.ts'
import { ledgerIssue, rowIssue, type LedgerIssue, type LedgerRowIssue } from '../shared/messages.ts'
import { sourceColumn, type Prepared, type StageRow } from './prepare.ts'
import type { StagedOutcome } from './stage.queries.ts'

/** Stored statuses, plus 'committing' while a commit runs in this process. */
export type ImportStatus = 'dry_run' | 'committing' | 'committed' | 'failed'

export interface ImportCounts {
  /** Data rows in the source. */
  total: number
  new: number
  changed: number
  unchanged: number
  /** Rows rejected whole (a row with several problems counts once). */
  rejected: number
  /** Accepted rows whose polygon ST_MakeValid repaired. */
  repaired: number
  /** Accepted rows with a point only: flagged "no boundary". */
  noBoundary: number
}

export interface ImportReport {
  id: number
  status: ImportStatus
  actor: string
  createdAt: string
  committedAt: string | null
  files: string[]
  format: string
  layer: string
  encoding: string | null
  /** compound.source_crs of the rows. */
  sourceCrs: string
  crs: { used: SourceCrs; usedName: string; guess: CrsGuess }
  options: Record<string, unknown>
  columns: string[]
  geometrySource: GeometrySource
  mapping: ColumnMapping
  suggestedMapping: ColumnMapping
  unmapped: string[]
  counts: ImportCounts
  /** Problems that stop the whole import (a required field not mapped): commit is refused. */
  blocking: ImportIssue[]
  rejected: LedgerRowIssue[]
  repaired: LedgerRowIssue[]
  warnings: LedgerRowIssue[]
  fileWarnings: LedgerIssue[]
  /** The first new and changed rows, with the columns that change. */
  preview: StagedOutcome['preview']
  commit: { created: number; updated: number } | null
  error: string | null
  /** Rows written so far while a commit runs; null otherwise. */
  progress: { processed: number; total: number } | null
}

/** The column(s) geometry came from, as row messages name it (the import core's wording). */
const geometryColumnOf = ({ table: { geometrySource: g } }: Prepared) =>
  g.kind === 'lonlat'
    ? `${g.lon}/${g.lat}`
    : g.kind === 'wkt' || g.kind === 'pair'
      ? g.column
      : '图形'

/** Row messages for rows the database step rejected, with the values that made them fail. */
function databaseRejections(
  p: Prepared,
  outcome: StagedOutcome,
  byRow: Map<number, StageRow>,
): LedgerRowIssue[] {
  const communityColumn = sourceColumn(p.mapping, 'community', FIELD_LABELS.community)
  const geometryColumn = geometryColumnOf(p)
  return outcome.rejected.map(({ rowNumber, code, matches, reason }) => {
    const row = byRow.get(rowNumber)!
    switch (code) {
      case 'COMMUNITY_AMBIGUOUS':
      case 'COMMUNITY_NOT_FOUND':
        return rowIssue(code, rowNumber, communityColumn, 'community', {
          value: row.community ?? '',
          count: matches ?? 0,
          district: row.district ?? '',
          street: row.street ?? '',
        })
      case 'COMMUNITY_REQUIRED':
        return rowIssue(code, rowNumber, communityColumn, 'community')
      case 'GEOMETRY_REQUIRED':
        return rowIssue(code, rowNumber, geometryColumn, null, { code: row.code })
      default:
        return rowIssue('GEOMETRY_UNREPAIRABLE', rowNumber, geometryColumn, null, {
          reason: reason ?? '',
        })
    }
  })
}

/** Puts the pure step's findings and the database comparison into one report. */
export function buildReport(p: Prepared, outcome: StagedOutcome) {
  const byRow = new Map(p.rows.map((r) => [r.row_number, r]))
  const coreRejected: LedgerRowIssue[] = p.result.rejected.map((i) => ({ ...i }))
  const rejected = [...coreRejected, ...databaseRejections(p, outcome, byRow)].sort(
    (a, b) => a.rowNumber - b.rowNumber,
  )
  const repaired: LedgerRowIssue[] = [
    ...p.result.repaired,
    ...outcome.repaired.map((r) =>
      rowIssue('GEOMETRY_REPAIRED', r.rowNumber, geometryColumnOf(p), null, { reason: r.reason }),
    ),
  ].sort((a, b) => a.rowNumber - b.rowNumber)
  const warnings: LedgerRowIssue[] = [
    ...p.result.warnings,
    ...outcome.pointIgnored.map((n) => rowIssue('POINT_IGNORED', n, geometryColumnOf(p), null)),
  ].sort((a, b) => a.rowNumber - b.rowNumber)
  const rejectedRows = new Set(rejected.map((r) => r.rowNumber)).size
  const counts: ImportCounts = {
    total: p.totalRows,
    new: outcome.counts.new,
    changed: outcome.counts.changed,
    unchanged: outcome.counts.unchanged,
    rejected: rejectedRows,
    repaired: outcome.counts.repaired,
    noBoundary: outcome.counts.noBoundary,
  }
  const fileWarnings: LedgerIssue[] = [...p.fileWarnings]
  if (counts.noBoundary > 0)
    fileWarnings.push(ledgerIssue('NO_BOUNDARY', { count: counts.noBoundary }))
  return {
    counts,
    report: {
      encoding: p.table.encoding ?? null,
      columns: p.table.columns,
      geometrySource: p.table.geometrySource,
      suggestedMapping: p.suggestedMapping,
      unmapped: p.unmapped,
      blocking: p.result.blocking,
      rejected,
      repaired,
      warnings,
      fileWarnings,
      preview: outcome.preview,
      commit: null,
    },
  }
}
