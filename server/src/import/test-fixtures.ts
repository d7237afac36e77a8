// Builders of small in-memory import files for the tests: GeoJSON, CSV (UTF-8, BOM, GBK), XLSX,
// zip, and shapefiles with a chosen DBF encoding and language driver byte. Test-only.
import { zipSync } from 'fflate'
import type { Geometry, Position } from 'geojson'
import writeXlsxFile from 'write-excel-file/node'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ImportFile } from './types.ts'

/** The shared real-world data: ../shared/data/real-world from the repository root. */
export const REAL_WORLD = fileURLToPath(
  new URL('../../../../shared/data/real-world/', import.meta.url),
)

/** One real-world file as an upload, named by its own file name. */
export function realFile(path: string): ImportFile {
  return { name: path.replace(/^.*\//, ''), data: new Uint8Array(readFileSync(REAL_WORLD + path)) }
}

const encoders = new Map<string, Map<string, number[]>>()

// TextEncoder only writes UTF-8: a legacy encoder is the inverse of TextDecoder over all
// two-byte sequences, built once per encoding.
function legacyTable(encoding: 'gbk' | 'big5'): Map<string, number[]> {
  const cached = encoders.get(encoding)
  if (cached) return cached
  const table = new Map<string, number[]>()
  const dec = new TextDecoder(encoding, { fatal: true })
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      try {
        const ch = dec.decode(new Uint8Array([a, b]))
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b])
      } catch {
        // not a character in this encoding
      }
    }
  encoders.set(encoding, table)
  return table
}

/** Encodes text as UTF-8, GBK or Big5 bytes. */
export function encodeText(text: string, encoding: 'utf-8' | 'gbk' | 'big5' = 'utf-8'): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text)
  const table = legacyTable(encoding)
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else {
      const bytes = table.get(ch)
      if (!bytes) throw new Error(`'${ch}' has no ${encoding} encoding`)
      out.push(...bytes)
    }
  }
  return Uint8Array.from(out)
}

/** A GeoJSON FeatureCollection file. */
export function buildGeoJson(
  name: string,
  features: { properties?: Record<string, unknown>; geometry: Geometry | null }[],
  extra: Record<string, unknown> = {},
): ImportFile {
  const doc = {
    type: 'FeatureCollection',
    ...extra,
    features: features.map((f) => ({
      type: 'Feature',
      properties: f.properties ?? {},
      geometry: f.geometry,
    })),
  }
  return { name, data: encodeText(JSON.stringify(doc)) }
}

/** A CSV file; cells with delimiters, quotes or newlines are quoted. */
export function buildCsv(
  name: string,
  rows: (string | number | null)[][],
  options: {
    bom?: boolean
    encoding?: 'utf-8' | 'gbk' | 'big5'
    delimiter?: string
    eol?: string
  } = {},
): ImportFile {
  const d = options.delimiter ?? ','
  const quote = (c: string | number | null) => {
    const s = c === null ? '' : String(c)
    return /[",\n\r;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const text =
    rows.map((r) => r.map(quote).join(d)).join(options.eol ?? '\r\n') + (options.eol ?? '\r\n')
  const body = encodeText(text, options.encoding ?? 'utf-8')
  return { name, data: options.bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body }
}

/** An XLSX workbook; a cell is a string, number, boolean, Date or null. */
export async function buildXlsx(
  name: string,
  sheets: { name: string; rows: (string | number | boolean | Date | null)[][] }[],
): Promise<ImportFile> {
  const cell = (v: string | number | boolean | Date | null) =>
    v === null
      ? null
      : v instanceof Date
        ? { value: v, type: Date, format: 'yyyy-mm-dd' }
        : { value: v }
  const buf = await writeXlsxFile(
    sheets.map((s) => ({ sheet: s.name, data: s.rows.map((r) => r.map(cell)) })) as Parameters<
      typeof writeXlsxFile
    >[0],
  ).toBuffer()
  return { name, data: new Uint8Array(buf) }
}

/** A zip of the given files (names may be Chinese). */
export function buildZip(name: string, files: ImportFile[]): ImportFile {
  return { name, data: zipSync(Object.fromEntries(files.map((f) => [f.name, f.data]))) }
}

export interface ShapefileSpec {
  /** Each a Point, Polygon (outer ring clockwise, as shapefiles store it) or null. */
  geometries: (Geometry | null)[]
  fields: { name: string; type: 'C' | 'N'; length: number; decimals?: number }[]
  records: (string | number | null)[][]
  encoding?: 'utf-8' | 'gbk' | 'big5'
  ldid?: number
}

const be32 = (v: DataView, o: number, n: number) => v.setInt32(o, n, false)
const le32 = (v: DataView, o: number, n: number) => v.setInt32(o, n, true)
const leF = (v: DataView, o: number, n: number) => v.setFloat64(o, n, true)

function shapeContent(g: Geometry | null): Uint8Array {
  if (!g) {
    const b = new Uint8Array(4)
    le32(new DataView(b.buffer), 0, 0)
    return b
  }
  if (g.type === 'Point') {
    const b = new Uint8Array(20)
    const v = new DataView(b.buffer)
    le32(v, 0, 1)
    leF(v, 4, g.coordinates[0]!)
    leF(v, 12, g.coordinates[1]!)
    return b
  }
  if (g.type !== 'Polygon') throw new Error('fixture shapefiles hold points and polygons')
  const rings: Position[][] = g.coordinates
  const pts = rings.flat()
  const b = new Uint8Array(44 + rings.length * 4 + pts.length * 16)
  const v = new DataView(b.buffer)
  le32(v, 0, 5)
  const xs = pts.map((p) => p[0]!)
  const ys = pts.map((p) => p[1]!)
  ;[Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((n, i) =>
    leF(v, 4 + i * 8, n),
  )
  le32(v, 36, rings.length)
  le32(v, 40, pts.length)
  let start = 0
  rings.forEach((r, i) => {
    le32(v, 44 + i * 4, start)
    start += r.length
  })
  pts.forEach((p, i) => {
    leF(v, 44 + rings.length * 4 + i * 16, p[0]!)
    leF(v, 52 + rings.length * 4 + i * 16, p[1]!)
  })
  return b
}

function writeDbf(spec: ShapefileSpec): Uint8Array {
  const enc = (s: string) => encodeText(s, spec.encoding ?? 'utf-8')
  const recordLength = 1 + spec.fields.reduce((n, f) => n + f.length, 0)
  const headerLength = 32 + spec.fields.length * 32 + 1
  const b = new Uint8Array(headerLength + spec.records.length * recordLength + 1)
  const v = new DataView(b.buffer)
  b[0] = 0x03
  le32(v, 4, spec.records.length)
  v.setUint16(8, headerLength, true)
  v.setUint16(10, recordLength, true)
  b[29] = spec.ldid ?? 0
  spec.fields.forEach((f, i) => {
    const p = 32 + i * 32
    b.set(enc(f.name).subarray(0, 10), p)
    b[p + 11] = f.type.charCodeAt(0)
    b[p + 16] = f.length
    b[p + 17] = f.decimals ?? 0
  })
  b[headerLength - 1] = 0x0d
  spec.records.forEach((r, i) => {
    let p = headerLength + i * recordLength
    b[p++] = 0x20
    spec.fields.forEach((f, k) => {
      const cell = b.subarray(p, p + f.length)
      cell.fill(0x20)
      const val = r[k]
      if (val !== null && val !== undefined) {
        // Cut at the field width in bytes, as real writers do, even inside a character.
        const bytes = f.type === 'N' ? enc(String(val).padStart(f.length)) : enc(String(val))
        cell.set(bytes.subarray(0, f.length))
      }
      p += f.length
    })
  })
  b[b.length - 1] = 0x1a
  return b
}

/** The .shp, .shx and .dbf of a shapefile layer named `name`. */
export function buildShapefile(name: string, spec: ShapefileSpec): ImportFile[] {
  const contents = spec.geometries.map(shapeContent)
  const shpLength = 100 + contents.reduce((n, c) => n + 8 + c.length, 0)
  const shp = new Uint8Array(shpLength)
  const shx = new Uint8Array(100 + contents.length * 8)
  const type = spec.geometries.find((g) => g)?.type === 'Point' ? 1 : 5
  for (const [file, len] of [
    [shp, shpLength],
    [shx, shx.length],
  ] as const) {
    const v = new DataView(file.buffer)
    be32(v, 0, 9994)
    be32(v, 24, len / 2)
    le32(v, 28, 1000)
    le32(v, 32, type)
  }
  const sv = new DataView(shp.buffer)
  const xv = new DataView(shx.buffer)
  let o = 100
  contents.forEach((c, i) => {
    be32(xv, 100 + i * 8, o / 2)
    be32(xv, 104 + i * 8, c.length / 2)
    be32(sv, o, i + 1)
    be32(sv, o + 4, c.length / 2)
    shp.set(c, o + 8)
    o += 8 + c.length
  })
  return [
    { name: `${name}.shp`, data: shp },
    { name: `${name}.shx`, data: shx },
    { name: `${name}.dbf`, data: writeDbf(spec) },
  ]
}

/** A square polygon ring of side `size` with its south-west corner at [x, y], clockwise. */
export const squareCw = (x: number, y: number, size: number): Position[] => [
  [x, y],
  [x, y + size],
  [x + size, y + size],
  [x + size, y],
  [x, y],
]
