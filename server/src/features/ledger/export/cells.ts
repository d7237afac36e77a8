// A compound's ledger values as a person reads them in a sheet: coded values by their Chinese
// labels, 是/否, bodies joined by 、. Exactly what the import core reads back, so that an export
// re-imports with no change.
import {
  COMPOUND_FIELDS,
  FIELD_LABELS,
  VALUE_LABELS,
  type CompoundField,
} from '../../../import/index.ts'
import type { ExportRow } from './export.queries.ts'

/** The header of the geometry column in CSV and XLSX: WKT, found again by the import's column names. */
export const GEOMETRY_HEADER = '边界(WKT)'

/** Export headers: the Chinese ledger labels in field order. */
export const EXPORT_HEADERS = COMPOUND_FIELDS.map((f) => FIELD_LABELS[f])

export type Cell = string | number | null

const coded = (field: keyof typeof VALUE_LABELS, v: unknown): Cell =>
  typeof v === 'string' ? ((VALUE_LABELS[field] as Record<string, string>)[v] ?? v) : null

function cell(field: CompoundField, v: unknown): Cell {
  if (v === null || v === undefined) return null
  switch (field) {
    case 'is_old':
      return v ? '是' : '否'
    case 'tenure':
    case 'property_mgmt':
    case 'renovation_status':
      return coded(field, v)
    case 'self_governance': {
      const labels = (v as string[]).map((b) => coded('self_governance', b))
      return labels.length > 0 ? labels.join('、') : null
    }
    case 'site_area_m2':
    case 'elderly_share':
      return Number(v)
    default:
      return typeof v === 'number' ? v : String(v)
  }
}

/** The cells of one exported compound, in header order. */
export const exportCells = (row: ExportRow): Cell[] => COMPOUND_FIELDS.map((f) => cell(f, row[f]))
