// Turns a grid of cells (from CSV or XLSX) into an ImportTable: finds the header row under any
// title rows, names columns, and finds the geometry: a WKT or Baidu geo column, lon/lat columns,
// a "lng,lat" column, or none (rows then join existing compounds by code).
import type { Geometry } from 'geojson'
import type { GeometrySource, ImportFormat, ImportRow, ImportTable, SourceCrs } from './types.ts'
import { looksLikeBaiduGeo, parseBaiduGeo } from './baidu-geo.ts'
import { guessCrs } from './crs-guess.ts'
import { parseSourceCrs } from './crs.ts'
import { fieldForHeader, normaliseHeader } from './mapping.ts'
import { issue, type ImportIssue } from './messages.ts'
import { looksLikeWkt, parseWkt } from './wkt.ts'

/** How to find the geometry of a spreadsheet; found automatically when not given. */
export type GeometryChoice = Exclude<GeometrySource, { kind: 'native' }>

export interface TabularOptions {
  /** 1-based row of the header; found automatically (first 10 rows) when not given. */
  headerRow?: number
  geometry?: GeometryChoice
}

const isBlank = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
const cellText = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').trim()

const LON =
  /^(x|lon|lng|long|longitude|经度|东经|x坐标|横坐标|point_x|中心经度|center_?lng|center_?lon)$/
const LAT = /^(y|lat|latitude|纬度|北纬|y坐标|纵坐标|point_y|中心纬度|center_?lat)$/
// Names with a system tag: gcj_lng, lng_bd09, 经度(百度) → after normalisation the tag stays outside brackets.
const LON_TAGGED = /(^|_)(lon|lng|longitude)(_|$)|经度/
const LAT_TAGGED = /(^|_)(lat|latitude)(_|$)|纬度/
const WKT_NAMES = /^(wkt|geom|geometry|the_geom|shape|几何|边界|边界坐标|空间信息|坐标串|geo)$/
const PAIR_NAMES = /^(坐标|经纬度|lnglat|lonlat|location|中心点|中心坐标)$/
const PAIR_VALUE = /^\s*-?\d+(\.\d+)?\s*[,，]\s*-?\d+(\.\d+)?\s*$/

function headerScore(row: unknown[]): number {
  let score = 0
  for (const c of row) {
    if (isBlank(c) || typeof c !== 'string') continue
    const n = normaliseHeader(c)
    if (fieldForHeader(c) || LON.test(n) || LAT.test(n) || WKT_NAMES.test(n)) score++
  }
  return score
}

// Ledgers often start with a title row ("XX社区老旧小区台账") above the real header.
function findHeader(grid: unknown[][]): number {
  const candidates = grid
    .slice(0, 10)
    .map((r, i) => ({ i, score: headerScore(r), filled: r.filter((c) => !isBlank(c)).length }))
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a), {
    i: -1,
    score: 0,
    filled: 0,
  })
  if (best.score > 0) return best.i
  const widest = Math.max(0, ...candidates.map((c) => c.filled))
  return candidates.find((c) => c.filled >= Math.max(1, Math.ceil(widest / 2)))?.i ?? 0
}

function nameColumns(header: unknown[], width: number, warnings: ImportIssue[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (let i = 0; i < width; i++) {
    const raw = cellText(header[i])
    let name = raw || `列${i + 1}`
    for (let k = 2; seen.has(name); k++) name = `${raw || `列${i + 1}`}_${k}`
    if (name !== raw) warnings.push(issue('COLUMN_RENAMED', { from: raw || '(空)', to: name }))
    seen.add(name)
    out.push(name)
  }
  return out
}

function detectGeometry(columns: string[], rows: Record<string, unknown>[]): GeometryChoice {
  const norm = columns.map((c) => normaliseHeader(c))
  const firstValue = (c: string) => rows.map((r) => r[c]).find((v) => !isBlank(v))
  const wkt =
    columns.find((c, i) => WKT_NAMES.test(norm[i]!) && typeof firstValue(c) === 'string') ??
    columns.find((c) => {
      const v = firstValue(c)
      return typeof v === 'string' && (looksLikeWkt(v) || looksLikeBaiduGeo(v))
    })
  if (wkt) return { kind: 'wkt', column: wkt }
  const pick = (exact: RegExp, tagged: RegExp) =>
    columns.find((_, i) => exact.test(norm[i]!)) ?? columns.find((_, i) => tagged.test(norm[i]!))
  const lon = pick(LON, LON_TAGGED)
  const lat = pick(LAT, LAT_TAGGED)
  if (lon && lat && lon !== lat) return { kind: 'lonlat', lon, lat }
  const pair = columns.find((c, i) => {
    const v = firstValue(c)
    return PAIR_NAMES.test(norm[i]!) && typeof v === 'string' && PAIR_VALUE.test(v)
  })
  if (pair) return { kind: 'pair', column: pair }
  return { kind: 'none' }
}

const toNumber = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v !== 'string') return null
  const s = v.trim().replace(/[°度]$/, '')
  return s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? null : Number(s)
}

function rowGeometry(
  choice: GeometryChoice,
  fields: Record<string, unknown>,
  rowNumber: number,
): {
  geometry: Geometry | null
  geometryIssue?: ImportIssue
  srid?: number
} {
  if (choice.kind === 'none') return { geometry: null }
  if (choice.kind === 'wkt') {
    const v = fields[choice.column]
    if (isBlank(v)) return { geometry: null }
    const s = cellText(v)
    try {
      if (looksLikeBaiduGeo(s)) return { geometry: parseBaiduGeo(s) }
      const parsed = parseWkt(s)
      return { geometry: parsed.geometry, ...(parsed.srid ? { srid: parsed.srid } : {}) }
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err)
      const value = s.length > 40 ? `${s.slice(0, 40)}…` : s
      return {
        geometry: null,
        geometryIssue: issue('GEOMETRY_PARSE_FAILED', {
          row: rowNumber,
          column: choice.column,
          value,
          detail,
        }),
      }
    }
  }
  const [lonV, latV, column] =
    choice.kind === 'lonlat'
      ? [fields[choice.lon], fields[choice.lat], `${choice.lon}/${choice.lat}`]
      : [...cellText(fields[choice.column]).split(/[,，]/), choice.column]
  if (isBlank(lonV) && isBlank(latV)) return { geometry: null }
  const x = toNumber(lonV)
  const y = toNumber(latV)
  if (x === null || y === null)
    return {
      geometry: null,
      geometryIssue: issue('GEOMETRY_BAD_COORDINATES', {
        row: rowNumber,
        column,
        sample: `${cellText(lonV)}, ${cellText(latV)}`,
      }),
    }
  return { geometry: { type: 'Point', coordinates: [x, y] } }
}

const geometryColumns = (c: GeometryChoice): string[] =>
  c.kind === 'lonlat' ? [c.lon, c.lat] : c.kind === 'wkt' || c.kind === 'pair' ? [c.column] : []

/** Builds an ImportTable from rows of cells (row 1 of the grid = spreadsheet row 1). */
export function tableFromGrid(
  grid: unknown[][],
  meta: { format: ImportFormat; name: string; encoding?: string; warnings: ImportIssue[] },
  options: TabularOptions = {},
): ImportTable {
  const warnings = meta.warnings
  const headerAt = options.headerRow ? options.headerRow - 1 : findHeader(grid)
  if (headerAt > 0 && !options.headerRow)
    warnings.push(issue('HEADER_ROW_DETECTED', { row: headerAt + 1 }))
  const header = grid[headerAt] ?? []
  let width = Math.max(0, ...grid.slice(headerAt).map((r) => r.length))
  // Trailing columns with neither a header nor any value are spreadsheet noise.
  while (
    width > 0 &&
    isBlank(header[width - 1]) &&
    grid.slice(headerAt + 1).every((r) => isBlank(r[width - 1]))
  )
    width--
  const columns = nameColumns(header, width, warnings)
  const raw: { rowNumber: number; fields: Record<string, unknown> }[] = []
  for (let i = headerAt + 1; i < grid.length; i++) {
    const cells = grid[i]!
    if (cells.every(isBlank)) continue
    const fields: Record<string, unknown> = {}
    columns.forEach((c, k) => {
      const v = cells[k]
      fields[c] = isBlank(v) ? null : typeof v === 'string' ? v.trim() : v
    })
    raw.push({ rowNumber: i + 1, fields })
  }
  const choice =
    options.geometry ??
    detectGeometry(
      columns,
      raw.map((r) => r.fields),
    )
  let srid: number | undefined
  const rows: ImportRow[] = raw.map((r) => {
    const g = rowGeometry(choice, r.fields, r.rowNumber)
    srid ??= g.srid
    return {
      rowNumber: r.rowNumber,
      fields: r.fields,
      geometry: g.geometry,
      ...(g.geometryIssue ? { geometryIssue: g.geometryIssue } : {}),
    }
  })
  const geoCols = geometryColumns(choice)
  if (geoCols.length > 0) warnings.push(issue('GEOMETRY_COLUMNS', { columns: geoCols.join('、') }))
  const declared: SourceCrs | undefined = srid
    ? (parseSourceCrs(String(srid)) ?? undefined)
    : undefined
  const geometrySource: GeometrySource = choice
  return {
    format: meta.format,
    name: meta.name,
    rows,
    columns,
    geometrySource,
    sourceCrs: guessCrs({
      ...(declared ? { declared } : {}),
      names: [...geoCols, meta.name],
      fieldNames: columns,
      geometries: rows.map((r) => r.geometry),
    }),
    ...(meta.encoding ? { encoding: meta.encoding } : {}),
    warnings,
  }
}
