// Converts a table's geometries from the chosen source system to EPSG:4326, refusing the usual
// mistakes with a message that says which one it is: metres declared as degrees (and back), the
// wrong Gauss-Krüger zone form, swapped lat/lng, and data that lands outside China.
import proj4 from 'proj4'
import type { Position } from 'geojson'
import type { ConvertedTable, ImportRow, ImportTable, SourceCrs } from './types.ts'
import { bd09mcToWgs84, bd09ToWgs84, gcj02ToWgs84 } from './china-offsets.ts'
import { extentOf, findPosition, formatPosition, mapPositions, type Extent } from './coords.ts'
import { crsLabel, describeCrs, epsgOf, isGeographic } from './crs.ts'
import { dominantMagnitude, guessCrs, magnitudeOf } from './crs-guess.ts'
import { fail, issue, type ImportIssue } from './messages.ts'
import { identifyWkt } from './prj.ts'
import { projDefinition } from './proj-defs.ts'

/** China's rough bounding box [west, south, east, north] in degrees (includes Taiwan and the South China Sea islands north of 3°N). */
export const CHINA_BBOX: Extent = [73, 3, 136, 54]

export interface ConvertOptions {
  /** Where converted data must land; China by default. */
  bounds?: Extent
  /** Refuse the whole import when more than this share of geometries lands outside (0–1). */
  refuseOutsideShare?: number
}

type ToWgs84 = (p: Position) => Position

// Resolves a choice to a concrete one: WKT that matches a known system becomes that system.
function resolve(crs: SourceCrs): SourceCrs {
  if (typeof crs === 'string') {
    if (crs === 'EPSG:4326') return 'WGS84'
    if (crs === 'EPSG:4490') return 'CGCS2000'
    return crs
  }
  const id = identifyWkt(crs.wkt)
  if ('unsupported' in id) fail('CRS_UNSUPPORTED_DATUM', { crs: id.name, datum: id.unsupported })
  return id.crs
}

function converter(crs: SourceCrs): ToWgs84 {
  if (crs === 'WGS84' || crs === 'CGCS2000') return (p) => [p[0]!, p[1]!]
  if (crs === 'GCJ02') return gcj02ToWgs84
  if (crs === 'BD09') return bd09ToWgs84
  if (crs === 'BD09MC') return bd09mcToWgs84
  const epsg = epsgOf(crs)
  const def = epsg !== null ? projDefinition(epsg) : typeof crs === 'string' ? null : crs.wkt
  if (!def) fail('CRS_UNKNOWN', { crs: crsLabel(crs) })
  try {
    const p = proj4(def, 'WGS84')
    return (pos) => p.forward([pos[0]!, pos[1]!])
  } catch (err) {
    fail('CRS_UNKNOWN', {
      crs: `${crsLabel(crs)} (${err instanceof Error ? err.message : String(err)})`,
    })
  }
}

// The file's own guess when it is of the right kind (a .prj's zone beats a generic zone), else a
// guess from the numbers alone.
const suggestionFor = (table: ImportTable, wantDegrees: boolean) => {
  if (isGeographic(table.sourceCrs.crs) === wantDegrees) return describeCrs(table.sourceCrs.crs)
  const g = guessCrs({
    names: [table.name],
    fieldNames: table.columns,
    geometries: table.rows.map((r) => r.geometry),
  })
  return describeCrs(g.crs)
}

// Catches a choice that contradicts the numbers before converting, so the message names the
// mistake instead of saying "outside China".
function precheck(table: ImportTable, crs: SourceCrs) {
  const dom = dominantMagnitude(table.rows.map((r) => r.geometry))
  if (!dom) return
  const { m, sample } = dom
  const at = formatPosition(sample)
  const degrees = m.kind === 'degrees' || m.kind === 'swapped'
  if (m.kind === 'swapped') fail('COORDS_LOOK_SWAPPED', { sample: at })
  if (isGeographic(crs) && !degrees && m.kind !== 'unknown')
    fail('COORDS_LOOK_PROJECTED', {
      crs: describeCrs(crs),
      sample: at,
      suggestion: suggestionFor(table, false),
    })
  if (!isGeographic(crs) && degrees)
    fail('COORDS_LOOK_DEGREES', {
      crs: describeCrs(crs),
      sample: at,
      suggestion: suggestionFor(table, true),
    })
  const epsg = epsgOf(crs)
  if (epsg === null) return
  const gkPlain = (epsg >= 4534 && epsg <= 4554) || (epsg >= 4502 && epsg <= 4512)
  const gkPrefixed = (epsg >= 4513 && epsg <= 4533) || (epsg >= 4491 && epsg <= 4501)
  if (gkPlain && m.kind === 'gk-prefixed')
    fail('GK_ZONE_PREFIX', {
      hasPrefix: 1,
      sample: at,
      crs: describeCrs(crs),
      suggestion: describeCrs(`EPSG:${m.epsg}`),
    })
  if (gkPrefixed && m.kind === 'metres') {
    const cm = epsg <= 4501 ? (epsg - 4491 + 13) * 6 - 3 : (epsg - 4513 + 25) * 3
    const plain: SourceCrs =
      epsg <= 4501 ? `EPSG:${4502 + (cm - 75) / 6}` : `EPSG:${4534 + (cm - 75) / 3}`
    fail('GK_ZONE_PREFIX', {
      hasPrefix: 0,
      sample: at,
      crs: describeCrs(crs),
      suggestion: describeCrs(plain),
    })
  }
}

const inside = ([x, y]: Position, [w, s, e, n]: Extent) => x! >= w && x! <= e && y! >= s && y! <= n

/**
 * Converts every geometry of a table from `crs` to EPSG:4326 [lng, lat] degrees. Throws ImportError
 * when the choice contradicts the numbers or most data lands outside China; rows that alone land
 * outside (geocoding failures at 0,0 …) are listed in rowIssues to be rejected.
 */
export function convertTable(
  table: ImportTable,
  crs: SourceCrs,
  options: ConvertOptions = {},
): ConvertedTable {
  const bounds = options.bounds ?? CHINA_BBOX
  const refuseShare = options.refuseOutsideShare ?? 0.5
  const resolved = resolve(crs)
  precheck(table, resolved)
  const toWgs84 = converter(resolved)
  const rowIssues: { rowNumber: number; issue: ImportIssue }[] = []
  let withGeometry = 0
  let outside = 0
  const rows: ImportRow[] = table.rows.map((row) => {
    if (!row.geometry) return row
    withGeometry++
    const swapped = isGeographic(resolved)
      ? findPosition(row.geometry, (p) => magnitudeOf(p).kind === 'swapped')
      : null
    const geometry = mapPositions(row.geometry, toWgs84)
    const bad = findPosition(geometry, (p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
    const out = bad ? null : findPosition(geometry, (p) => !inside(p, bounds))
    const params = { row: row.rowNumber, column: '' }
    if (swapped)
      rowIssues.push({
        rowNumber: row.rowNumber,
        issue: issue('ROW_COORDS_SWAPPED', { ...params, sample: formatPosition(swapped) }),
      })
    else if (bad)
      rowIssues.push({
        rowNumber: row.rowNumber,
        issue: issue('GEOMETRY_BAD_COORDINATES', { ...params, sample: formatPosition(bad) }),
      })
    else if (out)
      rowIssues.push({
        rowNumber: row.rowNumber,
        issue: issue('ROW_OUTSIDE_CHINA', { ...params, sample: formatPosition(out) }),
      })
    if (swapped || bad || out) outside++
    return { ...row, geometry }
  })
  if (withGeometry > 0 && outside > withGeometry * refuseShare) {
    const e = extentOf(rows.map((r) => r.geometry))
    fail('OUTSIDE_CHINA', {
      outside,
      total: withGeometry,
      bbox: e ? `${formatPosition([e[0], e[1]])}–${formatPosition([e[2], e[3]])}` : '?',
    })
  }
  return { ...table, rows, crs, crsLabel: crsLabel(resolved), rowIssues }
}
