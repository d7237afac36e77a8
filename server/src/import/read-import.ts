// The one entry point for uploads: a single file (GeoJSON, CSV, XLSX, a zip, a Baidu geo string) or
// the loose parts of a shapefile, dispatched by extension and, failing that, by content.
import { unzipSync } from 'fflate'
import type { ImportFile, ImportTable } from './types.ts'
import { parseBaiduGeo, looksLikeBaiduGeo } from './baidu-geo.ts'
import { guessCrs } from './crs-guess.ts'
import { fail, issue } from './messages.ts'
import { readCsv } from './read-csv.ts'
import { readGeoJson } from './read-geojson.ts'
import { readShapefile, type ShapefileParts } from './read-shapefile.ts'
import { readXlsx } from './read-xlsx.ts'
import type { TabularOptions } from './tabular.ts'
import { decode, isUtf8 } from './text-decode.ts'

export interface ReadOptions extends TabularOptions {
  /** Text encoding override for DBF and CSV ('gbk', 'big5', 'utf-8' …). */
  encoding?: string
  /** XLSX sheet name or 1-based index. */
  sheet?: string | number
  /** Which shapefile/file in a zip or set, by name without extension. */
  layer?: string
}

const ext = (name: string) => /\.([^./\\]+(\.xml)?)$/i.exec(name)?.[1]?.toLowerCase() ?? ''
const base = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+(\.xml)?$/i, '')
const SHAPE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg']
const TABLE_EXTS = ['geojson', 'json', 'csv', 'txt', 'xlsx']

// Zips made on Chinese Windows store GBK file names without the UTF-8 flag; fflate then hands them
// over byte-per-char, which is undone here so layer names read right.
function fixZipName(name: string): string {
  const codes = Array.from(name, (c) => c.charCodeAt(0))
  if (codes.every((c) => c < 0x80) || codes.some((c) => c > 0xff)) return name
  const bytes = Uint8Array.from(codes)
  return decode(bytes, isUtf8(bytes) ? 'utf-8' : 'gbk')
}

function unzip(file: ImportFile): ImportFile[] {
  try {
    const entries = unzipSync(file.data, {
      filter: (f) => !f.name.startsWith('__MACOSX/') && !f.name.endsWith('/'),
    })
    return Object.entries(entries).map(([name, data]) => ({ name: fixZipName(name), data }))
  } catch (err) {
    fail('ZIP_INVALID', {
      file: file.name,
      detail: err instanceof Error ? err.message : String(err),
    })
  }
}

const isZip = (d: Uint8Array) => d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04
const isXlsx = (files: ImportFile[]) =>
  files.some((f) => f.name === '[Content_Types].xml') && files.some((f) => f.name.startsWith('xl/'))

function readBaiduText(name: string, data: Uint8Array): ImportTable {
  const lines = decode(data, 'utf-8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  const rows = lines.map((l, i) => {
    try {
      return { rowNumber: i + 1, fields: {}, geometry: parseBaiduGeo(l) }
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err)
      return {
        rowNumber: i + 1,
        fields: {},
        geometry: null,
        geometryIssue: issue('GEOMETRY_PARSE_FAILED', {
          row: i + 1,
          column: '',
          value: l.slice(0, 40),
          detail,
        }),
      }
    }
  })
  return {
    format: 'baidu-geo',
    name,
    rows,
    columns: [],
    geometrySource: { kind: 'native' },
    sourceCrs: guessCrs({ names: [name], fieldNames: [], geometries: rows.map((r) => r.geometry) }),
    warnings: [],
  }
}

async function readSingle(file: ImportFile, options: ReadOptions): Promise<ImportTable> {
  const e = ext(file.name)
  const head = decode(file.data.subarray(0, 64), 'utf-8')
    .replace(/^\ufeff/, '')
    .trimStart()
  if (e === 'xlsx') return readXlsx(file.name, file.data, options)
  if (e === 'geojson' || e === 'json' || (e !== 'csv' && head.startsWith('{')))
    return readGeoJson(file.name, file.data)
  if (looksLikeBaiduGeo(head)) return readBaiduText(file.name, file.data)
  if (e === 'csv' || e === 'txt' || e === 'tsv') return readCsv(file.name, file.data, options)
  if (e === 'xls') fail('FORMAT_UNKNOWN', { file: `${file.name} (旧版 .xls,请另存为 .xlsx)` })
  fail('FORMAT_UNKNOWN', { file: file.name })
}

/**
 * Reads an upload into an ImportTable: one file, a zip (shapefile parts, GeoJSON, CSV or XLSX
 * inside), or the loose parts of a shapefile. Throws ImportError with a Chinese message when the
 * upload cannot be read at all.
 */
export async function readImport(
  files: ImportFile[],
  options: ReadOptions = {},
): Promise<ImportTable> {
  const nonEmpty = files.filter((f) => f.data.length > 0)
  if (nonEmpty.length === 0) fail('FILE_EMPTY', { file: files[0]?.name ?? '(无)' })
  let all: ImportFile[] = []
  for (const f of nonEmpty) {
    if (!isZip(f.data) || ext(f.name) === 'xlsx') {
      all.push(f)
      continue
    }
    const inner = unzip(f)
    if (isXlsx(inner)) all.push({ name: f.name.replace(/\.zip$/i, '.xlsx'), data: f.data })
    else all = all.concat(inner)
  }
  const shps = all.filter((f) => ext(f.name) === 'shp')
  const tables = all.filter((f) => TABLE_EXTS.includes(ext(f.name)))
  const layers = [...shps.map((f) => base(f.name)), ...tables.map((f) => base(f.name))]
  if (layers.length === 0) {
    if (all.length === 1) return readSingle(all[0]!, options)
    fail(files.some((f) => isZip(f.data)) ? 'ZIP_NO_LAYER' : 'FORMAT_UNKNOWN', {
      file: nonEmpty.map((f) => f.name).join('、'),
    })
  }
  const chosen = options.layer ?? layers[0]!
  if (!layers.includes(chosen))
    fail('LAYER_NOT_FOUND', { layer: chosen, layers: layers.join('、') })
  const shp = shps.find((f) => base(f.name) === chosen)
  let table: ImportTable
  if (shp) {
    const part = (e: string) =>
      all.find((f) => base(f.name).toLowerCase() === chosen.toLowerCase() && ext(f.name) === e)
        ?.data
    const parts: ShapefileParts = { name: chosen, shp: shp.data }
    for (const e of SHAPE_PARTS.slice(1)) {
      const d = part(e)
      if (d) parts[e as 'shx' | 'dbf' | 'prj' | 'cpg'] = d
    }
    table = readShapefile(parts, options.encoding ? { encoding: options.encoding } : {})
  } else {
    table = await readSingle(
      tables.find((f) => base(f.name) === chosen)!,
      options,
    )
  }
  if (layers.length > 1) {
    table.alternatives = layers.filter((l) => l !== chosen)
    table.warnings.push(issue('MULTIPLE_LAYERS', { layers: layers.join('、'), layer: chosen }))
  }
  return table
}
