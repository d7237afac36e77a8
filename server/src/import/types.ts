import type { Geometry } from 'geojson'
import type { ImportIssue } from './messages.ts'

/** Lng/lat coordinate systems: CGCS2000 is taken as equal to WGS84 (they differ by centimetres). */
export type GeographicCrs = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09'

/**
 * The coordinate system of a source, as the user chooses it on every import: a named lng/lat
 * system, Baidu Mercator metres, a projected EPSG code, or a .prj WKT that matched no EPSG code.
 */
export type SourceCrs = GeographicCrs | 'BD09MC' | `EPSG:${number}` | { wkt: string }

/** Where the default coordinate system of a file came from. */
export type CrsBasis =
  | 'declared' // .prj or the GeoJSON crs member
  | 'name-hint' // the file or coordinate column name says gcj02/baidu/…
  | 'field-hint' // attribute fields typical of one source (Amap/DataV adcode + citycode …)
  | 'magnitude' // only the size of the numbers: degrees, Mercator metres, Gauss-Krüger metres
  | 'none' // no geometry

/** The default coordinate system guessed from a file, why, and whether the user must confirm it. */
export interface CrsGuess {
  crs: SourceCrs
  basis: CrsBasis
  /** True unless the file declares its system: lng/lat numbers cannot tell WGS84 from GCJ-02. */
  confirm: boolean
  reason: ImportIssueText
  /** Other sensible choices to offer first. */
  alternatives: SourceCrs[]
}

/** A free-form explanation in both languages. */
export interface ImportIssueText {
  zh: string
  en: string
}

export type ImportFormat = 'geojson' | 'shapefile' | 'csv' | 'xlsx' | 'baidu-geo'

/** Where row geometries came from. */
export type GeometrySource =
  | { kind: 'native' } // GeoJSON or Shapefile geometry
  | { kind: 'wkt'; column: string } // a WKT (or Baidu geo string) column
  | { kind: 'lonlat'; lon: string; lat: string }
  | { kind: 'pair'; column: string } // one "lng,lat" column
  | { kind: 'none' } // no geometry: rows join existing compounds by code

/** One source row: 1-based as a user finds it (spreadsheet row with header = 1; feature/record number). */
export interface ImportRow {
  rowNumber: number
  fields: Record<string, unknown>
  /** In the source coordinate system until converted. */
  geometry: Geometry | null
  /** Why a geometry that the row has could not be read (bad WKT, non-numeric lon/lat). */
  geometryIssue?: ImportIssue
}

/** What every reader returns: rows with raw attribute values and geometry in the source CRS. */
export interface ImportTable {
  format: ImportFormat
  /** Layer or sheet name, for messages. */
  name: string
  rows: ImportRow[]
  columns: string[]
  geometrySource: GeometrySource
  sourceCrs: CrsGuess
  /** Text encoding used (csv, dbf): a WHATWG label such as 'utf-8', 'gbk', 'big5'. */
  encoding?: string
  warnings: ImportIssue[]
  /** Other sheets (xlsx) or layers (zip) the user could pick instead. */
  alternatives?: string[]
}

/** A table whose geometries are in EPSG:4326, with the choice it was converted from. */
export interface ConvertedTable extends ImportTable {
  crs: SourceCrs
  /** What to store as compound.source_crs, e.g. 'EPSG:4326', 'GCJ02', 'EPSG:4550'. */
  crsLabel: string
  /** Rows whose coordinates failed a check (outside China, swapped): rejected later. */
  rowIssues: { rowNumber: number; issue: ImportIssue }[]
}

/** One uploaded file. */
export interface ImportFile {
  name: string
  data: Uint8Array
}
