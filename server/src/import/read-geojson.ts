// GeoJSON: a FeatureCollection, a single Feature or a bare geometry. RFC 7946 says WGS84 and has
// no crs member, but GDAL and older tools still write one, and Chinese sources ship GCJ-02 anyway.
import type { Geometry } from 'geojson'
import type { ImportRow, ImportTable, SourceCrs } from './types.ts'
import { guessCrs } from './crs-guess.ts'
import { parseSourceCrs } from './crs.ts'
import { fail, issue, type ImportIssue } from './messages.ts'
import { decode, detectEncoding, splitBom } from './text-decode.ts'

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
])

const isGeometry = (g: unknown): g is Geometry => {
  if (!g || typeof g !== 'object') return false
  const o = g as { type?: unknown; coordinates?: unknown; geometries?: unknown }
  if (typeof o.type !== 'string' || !GEOMETRY_TYPES.has(o.type)) return false
  return o.type === 'GeometryCollection'
    ? Array.isArray(o.geometries)
    : Array.isArray(o.coordinates)
}

/** The system a GeoJSON crs member names ('urn:ogc:def:crs:EPSG::4490', 'EPSG:4326', CRS84), if known. */
export function crsMember(crs: unknown): SourceCrs | undefined {
  const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name
  if (typeof name !== 'string') return undefined
  if (/CRS84$/i.test(name)) return 'WGS84'
  const code = /EPSG:{1,2}(\d+)$/i.exec(name)?.[1]
  return code ? (parseSourceCrs(code) ?? undefined) : undefined
}

interface FeatureLike {
  properties?: Record<string, unknown> | null
  geometry?: unknown
}

/** Reads a GeoJSON file into an ImportTable, one row per feature. */
export function readGeoJson(name: string, bytes: Uint8Array): ImportTable {
  if (bytes.length === 0) fail('FILE_EMPTY', { file: name })
  const warnings: ImportIssue[] = []
  const { bom, body } = splitBom(bytes)
  const enc = bom ?? detectEncoding([body.subarray(0, 1 << 20)]).encoding
  if (enc !== 'utf-8')
    warnings.push(
      issue('ENCODING_CHOSEN', { encoding: enc, reasonZh: '不是 UTF-8', reasonEn: 'not UTF-8' }),
    )
  let doc: { type?: unknown; features?: unknown; crs?: unknown }
  try {
    doc = JSON.parse(decode(body, enc))
  } catch (err) {
    fail('GEOJSON_INVALID', { detail: err instanceof Error ? err.message : String(err) })
  }
  const features: FeatureLike[] =
    doc?.type === 'FeatureCollection' && Array.isArray(doc.features)
      ? (doc.features as FeatureLike[])
      : doc?.type === 'Feature'
        ? [doc as FeatureLike]
        : isGeometry(doc)
          ? [{ properties: {}, geometry: doc }]
          : fail('GEOJSON_INVALID', { detail: 'not a FeatureCollection, Feature or geometry' })
  const columns: string[] = []
  const seen = new Set<string>()
  const rows: ImportRow[] = features.map((f, i) => {
    const props = f && typeof f.properties === 'object' && f.properties !== null ? f.properties : {}
    for (const k of Object.keys(props))
      if (!seen.has(k)) {
        seen.add(k)
        columns.push(k)
      }
    const g = f?.geometry
    const row: ImportRow = {
      rowNumber: i + 1,
      fields: { ...props },
      geometry: isGeometry(g) ? g : null,
    }
    if (g && !isGeometry(g))
      row.geometryIssue = issue('GEOMETRY_PARSE_FAILED', {
        row: i + 1,
        column: 'geometry',
        value: JSON.stringify(g).slice(0, 40),
        detail: 'not a GeoJSON geometry',
      })
    return row
  })
  const declared = crsMember(doc.crs)
  return {
    format: 'geojson',
    name,
    rows,
    columns,
    geometrySource: { kind: 'native' },
    sourceCrs: guessCrs({
      ...(declared ? { declared } : {}),
      names: [name],
      fieldNames: columns,
      geometries: rows.map((r) => r.geometry),
    }),
    warnings,
  }
}
