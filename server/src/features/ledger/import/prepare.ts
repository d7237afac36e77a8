// The pure half of a dry run: upload bytes → typed records ready for the database step. Reads with
// the import core, converts from the chosen coordinate system, maps columns and validates rows.
import {
  convertTable,
  readImport,
  suggestMapping,
  toCompoundRecords,
  type ColumnMapping,
  type CompoundField,
  type CrsGuess,
  type ImportFile,
  type ImportIssue,
  type ImportTable,
  type ReadOptions,
  type RecordsResult,
  type SourceCrs,
} from '../../../import/index.ts'
import { LEDGER_COLUMNS, NOT_NULL, type LedgerColumn } from '../shared/columns.ts'

export interface PrepareOptions {
  read: ReadOptions
  /** The user's coordinate system; the file's guess when not given. */
  crs?: SourceCrs
  /** Saved and typed mappings, applied over the suggestion in this order. */
  mappings: ColumnMapping[]
  /** Compounds built before this year are old (the old_before_year setting). */
  oldBeforeYear: number
}

/** One accepted row as the staging table takes it. */
export interface StageRow {
  row_number: number
  code: string
  /** Ledger values by column; a key only when the source gives a value (or null for a nullable column). */
  fields: Partial<Record<LedgerColumn, unknown>>
  community: string | null
  district: string | null
  street: string | null
  kind: 'polygon' | 'point' | 'none'
  /** GeoJSON text in EPSG:4326. */
  geom: string | null
}

export interface Prepared {
  table: Pick<ImportTable, 'format' | 'name' | 'columns' | 'encoding' | 'geometrySource'>
  crsGuess: CrsGuess
  crsUsed: SourceCrs
  /** compound.source_crs for the rows: 'EPSG:4326', 'GCJ02' … */
  crsLabel: string
  suggestedMapping: ColumnMapping
  mapping: ColumnMapping
  unmapped: string[]
  fileWarnings: ImportIssue[]
  result: RecordsResult
  rows: StageRow[]
  totalRows: number
}

const geometryColumns = (t: ImportTable): string[] => {
  const s = t.geometrySource
  return s.kind === 'lonlat'
    ? [s.lon, s.lat]
    : s.kind === 'wkt' || s.kind === 'pair'
      ? [s.column]
      : []
}

/** Applies saved and typed mappings over the suggestion, for this table's columns only. */
export function mergeMappings(
  columns: string[],
  suggested: ColumnMapping,
  overrides: ColumnMapping[],
): ColumnMapping {
  const out: ColumnMapping = {}
  for (const column of columns) {
    let field = suggested[column] ?? null
    for (const m of overrides) if (column in m) field = m[column] ?? null
    out[column] = field
  }
  return out
}

/** Turns a validated record's fields into column values; is_old derived from the year when not given. */
export function toColumnValues(
  fields: Partial<Record<CompoundField, unknown>>,
  oldBeforeYear: number,
): Partial<Record<LedgerColumn, unknown>> {
  const out: Partial<Record<LedgerColumn, unknown>> = {}
  for (const c of LEDGER_COLUMNS) {
    if (!(c in fields)) continue
    const v = fields[c]
    // An empty cell cannot clear a NOT NULL column: it leaves the value as it is.
    if ((v === null || v === undefined) && NOT_NULL.includes(c)) continue
    out[c] = v ?? null
  }
  if (out.is_old === undefined && typeof fields.year_built === 'number')
    out.is_old = fields.year_built < oldBeforeYear
  return out
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null)

/** Reads, converts, maps and validates an upload. Throws ImportError when it cannot be read at all. */
export async function prepareImport(files: ImportFile[], o: PrepareOptions): Promise<Prepared> {
  const table = await readImport(files, o.read)
  const crsUsed = o.crs ?? table.sourceCrs.crs
  const converted = convertTable(table, crsUsed)
  const geoColumns = geometryColumns(table)
  const suggestion = suggestMapping(table.columns, geoColumns)
  const attributeColumns = table.columns.filter((c) => !geoColumns.includes(c))
  const mapping = mergeMappings(attributeColumns, suggestion.mapping, o.mappings)
  const result = toCompoundRecords(converted, mapping)
  const rows: StageRow[] = result.records.map((r) => ({
    row_number: r.rowNumber,
    code: r.fields.code as string,
    fields: toColumnValues(r.fields, o.oldBeforeYear),
    community: text(r.fields.community),
    district: text(r.fields.district),
    street: text(r.fields.street),
    kind: r.geometryKind,
    geom: r.boundary ? JSON.stringify(r.boundary) : r.location ? JSON.stringify(r.location) : null,
  }))
  return {
    table: {
      format: table.format,
      name: table.name,
      columns: table.columns,
      geometrySource: table.geometrySource,
      ...(table.encoding ? { encoding: table.encoding } : {}),
    },
    crsGuess: table.sourceCrs,
    crsUsed,
    crsLabel: converted.crsLabel,
    suggestedMapping: suggestion.mapping,
    mapping,
    unmapped: attributeColumns.filter((c) => !mapping[c]),
    fileWarnings: table.warnings,
    result,
    rows,
    totalRows: table.rows.length,
  }
}

/** The column a ledger field was read from under a mapping, or its Chinese label. */
export const sourceColumn = (mapping: ColumnMapping, field: CompoundField, label: string) =>
  Object.entries(mapping).find(([, f]) => f === field)?.[0] ?? label
