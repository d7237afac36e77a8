// The import pipeline's public surface: read → choose CRS → convert → map → validate. Pure: no
// SQL, no HTTP; the database dry run and commit live with the routes.
export type {
  ConvertedTable,
  CrsBasis,
  CrsGuess,
  GeographicCrs,
  GeometrySource,
  ImportFile,
  ImportFormat,
  ImportRow,
  ImportTable,
  SourceCrs,
} from './types.ts'
export { ImportError, issue, type ImportIssue, type IssueCode } from './messages.ts'
export { readImport, type ReadOptions } from './read-import.ts'
export { readCsv, type CsvOptions } from './read-csv.ts'
export { readXlsx, type XlsxOptions } from './read-xlsx.ts'
export { readGeoJson } from './read-geojson.ts'
export { readShapefile, type ShapefileParts } from './read-shapefile.ts'
export type { GeometryChoice, TabularOptions } from './tabular.ts'
export { crsLabel, describeCrs, isGeographic, parseSourceCrs, GEOGRAPHIC_CRS } from './crs.ts'
export { projDefinition } from './proj-defs.ts'
export { guessCrs } from './crs-guess.ts'
export { convertTable, CHINA_BBOX, type ConvertOptions } from './reproject.ts'
export {
  bd09mcToBd09,
  bd09mcToWgs84,
  bd09ToGcj02,
  bd09ToWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './china-offsets.ts'
export { parseBaiduGeo } from './baidu-geo.ts'
export { parseWkt } from './wkt.ts'
export {
  suggestMapping,
  normaliseHeader,
  type ColumnMapping,
  type MappingSuggestion,
} from './mapping.ts'
export {
  COMPOUND_FIELDS,
  FIELD_LABELS,
  VALUE_LABELS,
  TENURES,
  PROPERTY_MGMTS,
  RENOVATION_STATUSES,
  SELF_GOVERNANCE_BODIES,
  compoundFieldSchemas,
  compoundLedgerSchema,
  compoundImportSchema,
  type CompoundField,
  type CompoundLedger,
  type CompoundImportFields,
} from './compound-schema.ts'
export {
  toCompoundRecords,
  type CompoundImportRecord,
  type RecordOptions,
  type RecordsResult,
  type RowIssue,
} from './records.ts'
export { checkGeometry } from './geometry-check.ts'
