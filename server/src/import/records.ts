// Validated, typed ledger records from a converted table and a column mapping: every problem is
// named by row number, column and reason, and a row with any problem is rejected whole so that the
// all-or-nothing commit never writes half a row.
import type { MultiPolygon, Point } from 'geojson'
import type { ConvertedTable, GeometrySource } from './types.ts'
import { isEmptyCell, parseCell } from './cell-parsers.ts'
import {
  compoundFieldSchemas,
  FIELD_LABELS,
  type CompoundField,
  type CompoundImportFields,
} from './compound-schema.ts'
import { checkGeometry } from './geometry-check.ts'
import type { ColumnMapping } from './mapping.ts'
import { issue, type ImportIssue, type IssueCode, type IssueParams } from './messages.ts'

export interface CompoundImportRecord {
  rowNumber: number
  /** Mapped fields only; null where the mapped cell was empty. */
  fields: CompoundImportFields
  /** EPSG:4326; null for point or geometry-less rows. */
  boundary: MultiPolygon | null
  /** EPSG:4326; set only when the source gave a point (the database puts polygons' points on surface). */
  location: Point | null
  /** 'none': the source has no geometry for this row; the database step keeps or joins by code. */
  geometryKind: 'polygon' | 'point' | 'none'
  /** True when the compound gets no boundary from this row (points, or no geometry). */
  noBoundary: boolean
}

/** A row-level message: what the page lists and the download holds. */
export interface RowIssue extends ImportIssue {
  rowNumber: number
  /** The source column (or geometry columns), null for the row as a whole. */
  column: string | null
  field: CompoundField | null
}

export interface RecordsResult {
  records: CompoundImportRecord[]
  rejected: RowIssue[]
  /** Values changed on the way in: decades to years, percentages to shares, rings closed. */
  repaired: RowIssue[]
  /** Accepted rows with something to look at: self-intersecting polygons (the database repairs them). */
  warnings: RowIssue[]
  /** Problems that stop the whole import before any row is looked at (a required field not mapped). */
  blocking: ImportIssue[]
}

export interface RecordOptions {
  /** Fields every row must have; code (the match key) and name by default. */
  requiredFields?: CompoundField[]
  /** Reject rows without geometry; by default only when the source is a geometry file. */
  requireGeometry?: boolean
  /** Look for self-intersecting rings (cheap sweep); on by default. */
  selfIntersection?: boolean
}

const geometryColumn = (s: GeometrySource) =>
  s.kind === 'lonlat'
    ? `${s.lon}/${s.lat}`
    : s.kind === 'wkt' || s.kind === 'pair'
      ? s.column
      : '图形'

/** Validates a converted table under a mapping into typed compound records, rejections and repairs. */
export function toCompoundRecords(
  table: ConvertedTable,
  mapping: ColumnMapping,
  options: RecordOptions = {},
): RecordsResult {
  const required = options.requiredFields ?? ['code', 'name']
  const requireGeometry = options.requireGeometry ?? table.geometrySource.kind === 'native'
  const result: RecordsResult = {
    records: [],
    rejected: [],
    repaired: [],
    warnings: [],
    blocking: [],
  }
  // Mapped columns that exist in this table, in table order: the first non-empty one feeds a field.
  const mapped = table.columns.flatMap((c) => (mapping[c] ? [[c, mapping[c]] as const] : []))
  for (const field of required)
    if (!mapped.some(([, f]) => f === field))
      result.blocking.push(issue('FIELD_UNMAPPED_REQUIRED', { field, label: FIELD_LABELS[field] }))
  if (result.blocking.length > 0) return result

  const rowIssues = new Map<number, ImportIssue[]>()
  for (const { rowNumber, issue: i } of table.rowIssues)
    rowIssues.set(rowNumber, [...(rowIssues.get(rowNumber) ?? []), i])
  const firstRowOfCode = new Map<string, number>()
  const geoColumn = geometryColumn(table.geometrySource)

  for (const row of table.rows) {
    const problems: RowIssue[] = []
    const note = (
      list: RowIssue[],
      code: IssueCode,
      column: string | null,
      field: CompoundField | null,
      params: IssueParams = {},
    ) =>
      list.push({
        ...issue(code, { row: row.rowNumber, column: column ?? '', ...params }),
        rowNumber: row.rowNumber,
        column,
        field,
      })
    const repairs: RowIssue[] = []
    const warnings: RowIssue[] = []

    const fields: Record<string, unknown> = {}
    const source: Partial<Record<CompoundField, string>> = {}
    for (const [column, field] of mapped) {
      const raw = row.fields[column]
      if (isEmptyCell(raw)) {
        if (!(field in fields)) fields[field] = null
        source[field] ??= column
        continue
      }
      if (fields[field] !== undefined && fields[field] !== null) continue
      source[field] = column
      const parsed = parseCell(field, raw)
      if ('error' in parsed) {
        note(problems, parsed.error.code, column, field, parsed.error.params)
        continue
      }
      if (parsed.repair) note(repairs, parsed.repair.code, column, field, parsed.repair.params)
      const checked = compoundFieldSchemas[field].safeParse(parsed.value)
      if (!checked.success) {
        const z = checked.error.issues[0] as
          { code?: string; minimum?: unknown; maximum?: unknown; message?: string } | undefined
        const detail =
          z?.code === 'too_small'
            ? `>= ${String(z.minimum)}`
            : z?.code === 'too_big'
              ? `<= ${String(z.maximum)}`
              : (z?.message ?? '')
        note(problems, 'OUT_OF_RANGE', column, field, { value: String(parsed.value), detail })
        continue
      }
      fields[field] = checked.data
    }
    for (const field of required)
      if (fields[field] === null || fields[field] === undefined)
        if (!problems.some((p) => p.field === field))
          note(problems, 'VALUE_REQUIRED', source[field] ?? FIELD_LABELS[field], field)

    const code = typeof fields.code === 'string' ? fields.code : null
    if (code !== null) {
      const first = firstRowOfCode.get(code)
      if (first !== undefined)
        note(problems, 'DUPLICATE_CODE', source.code ?? null, 'code', {
          value: code,
          firstRow: first,
        })
      else firstRowOfCode.set(code, row.rowNumber)
    }

    for (const i of rowIssues.get(row.rowNumber) ?? [])
      problems.push({ ...i, rowNumber: row.rowNumber, column: geoColumn, field: null })
    if (row.geometryIssue)
      problems.push({
        ...row.geometryIssue,
        rowNumber: row.rowNumber,
        column: geoColumn,
        field: null,
      })

    let boundary: MultiPolygon | null = null
    let location: Point | null = null
    if (!row.geometryIssue && !rowIssues.has(row.rowNumber)) {
      if (row.geometry || requireGeometry) {
        const g = checkGeometry(row.geometry, {
          selfIntersection: options.selfIntersection !== false,
        })
        if (!g.ok) note(problems, g.code, geoColumn, null, g.params)
        else {
          boundary = g.boundary
          location = g.location
          if (g.closedRings) note(repairs, 'RING_CLOSED', geoColumn, null)
          if (g.selfIntersection)
            note(warnings, 'GEOMETRY_SELF_INTERSECTS', geoColumn, null, {
              sample: g.selfIntersection,
            })
        }
      }
    }

    if (problems.length > 0) {
      result.rejected.push(...problems)
      continue
    }
    result.repaired.push(...repairs)
    result.warnings.push(...warnings)
    const geometryKind = boundary ? 'polygon' : location ? 'point' : 'none'
    result.records.push({
      rowNumber: row.rowNumber,
      fields: fields as CompoundImportFields,
      boundary,
      location,
      geometryKind,
      noBoundary: !boundary,
    })
  }
  return result
}
