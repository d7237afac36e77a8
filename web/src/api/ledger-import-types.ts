// Shapes of the ledger import API's JSON (server/src/features/ledger/README.md, import/report.ts).

/** A message in both languages with a stable code; the page shows `zh` or `en`. */
export interface ImportMessage {
  code: string
  params: Record<string, string | number>
  zh: string
  en: string
}

/** A message about one source row: spreadsheet row (header = 1) or 1-based feature number. */
export interface ImportRowMessage extends ImportMessage {
  rowNumber: number
  column: string | null
  field: string | null
}

/** What a user may choose as the source coordinate system, as the server names it. */
export type CrsChoice = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09' | 'BD09MC' | `EPSG:${number}`

/** A coordinate system as the report holds it (a .prj WKT that matched no EPSG code is an object). */
export type ReportCrs = CrsChoice | { wkt: string }

export interface CrsGuess {
  crs: ReportCrs
  basis: 'declared' | 'name-hint' | 'field-hint' | 'magnitude' | 'none'
  /** True unless the file declares its system: lng/lat numbers cannot tell WGS84 from GCJ-02. */
  confirm: boolean
  reason: { zh: string; en: string }
  alternatives: ReportCrs[]
}

/** Column → ledger field (snake_case, e.g. `households`) or null for "do not import". */
export type ColumnMapping = Record<string, string | null>

export type GeometrySource =
  | { kind: 'native' }
  | { kind: 'wkt'; column: string }
  | { kind: 'lonlat'; lon: string; lat: string }
  | { kind: 'pair'; column: string }
  | { kind: 'none' }

export interface ImportCounts {
  total: number
  new: number
  changed: number
  unchanged: number
  rejected: number
  repaired: number
  noBoundary: number
}

export interface PreviewRow {
  rowNumber: number
  code: string
  action: 'new' | 'changed'
  compoundId: number | null
  /** Ledger columns that change (snake_case). */
  changes: string[]
}

export type ImportStatus = 'dry_run' | 'committing' | 'committed' | 'failed'

/** A stored dry run (or committed import). */
export interface ImportReport {
  id: number
  status: ImportStatus
  actor: string
  createdAt: string
  committedAt: string | null
  files: string[]
  format: 'geojson' | 'shapefile' | 'csv' | 'xlsx' | 'baidu-geo'
  /** Layer or sheet name ("file#sheet" for xlsx). */
  layer: string
  encoding: string | null
  sourceCrs: string
  crs: { used: ReportCrs; usedName: string; guess: CrsGuess }
  options: Record<string, unknown>
  columns: string[]
  geometrySource: GeometrySource
  mapping: ColumnMapping
  suggestedMapping: ColumnMapping
  unmapped: string[]
  counts: ImportCounts
  blocking: ImportMessage[]
  rejected: ImportRowMessage[]
  repaired: ImportRowMessage[]
  warnings: ImportRowMessage[]
  fileWarnings: ImportMessage[]
  preview: PreviewRow[]
  commit: { created: number; updated: number } | null
  error: string | null
  progress: { processed: number; total: number } | null
}

/** What GET /api/ledger/imports/{id} answers while a commit runs (from the server's memory). */
export interface CommittingImport {
  id: number
  status: 'committing'
  progress: { processed: number; total: number }
}

export interface SavedMapping {
  name: string
  mapping: ColumnMapping
  updatedBy: string
  updatedAt: string
}
