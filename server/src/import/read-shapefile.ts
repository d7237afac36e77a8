// One shapefile layer from its parts. The DBF text encoding is chosen in this order: the user, the
// .cpg file, the DBF language driver byte, then the bytes (UTF-8 when valid, else GBK; Big5 when
// GBK reads as garbage), and every table says which it used and why.
import type { ImportRow, ImportTable, SourceCrs } from './types.ts'
import { guessCrs } from './crs-guess.ts'
import {
  fieldBytes,
  isTextField,
  ldidEncoding,
  nonTextValue,
  parseDbf,
  type DbfFile,
} from './dbf.ts'
import { fail, issue, type ImportIssue } from './messages.ts'
import { identifyWkt } from './prj.ts'
import { parseShp, type ShpRecord } from './shp.ts'
import {
  decode,
  detectEncoding,
  garbleRatio,
  normaliseEncoding,
  suspiciousSample,
  userEncoding,
  type EncodingChoice,
} from './text-decode.ts'

export interface ShapefileParts {
  /** Layer name: the file name without extension. */
  name: string
  shp: Uint8Array
  dbf?: Uint8Array
  shx?: Uint8Array
  prj?: Uint8Array
  cpg?: Uint8Array
}

const ascii = (b: Uint8Array) => new TextDecoder('latin1').decode(b).trim()

function chooseEncoding(
  parts: ShapefileParts,
  dbf: DbfFile,
  override: string | undefined,
  warnings: ImportIssue[],
): EncodingChoice {
  const chosen = userEncoding(override, warnings)
  if (chosen) return chosen
  if (parts.cpg) {
    const label = ascii(parts.cpg)
    const enc = normaliseEncoding(label)
    if (enc)
      return {
        encoding: enc,
        source: 'cpg',
        reasonZh: `.cpg 文件声明 ${label}`,
        reasonEn: `the .cpg file says ${label}`,
      }
    warnings.push(issue('ENCODING_UNKNOWN_LABEL', { label, source: '.cpg' }))
  }
  const hex = `0x${dbf.ldid.toString(16).padStart(2, '0').toUpperCase()}`
  const byLdid = ldidEncoding(dbf.ldid)
  if (byLdid)
    return {
      encoding: byLdid,
      source: 'ldid',
      reasonZh: `.dbf 语言驱动字节 ${hex}`,
      reasonEn: `the .dbf language driver byte ${hex}`,
    }
  const samples = [...dbf.fields.map((f) => f.nameBytes)]
  const textFields = dbf.fields.filter(isTextField)
  for (const r of dbf.records) for (const f of textFields) samples.push(fieldBytes(r, f))
  const detected = detectEncoding(samples)
  const why =
    dbf.ldid === 0x57
      ? `语言驱动字节 ${hex} 表示系统默认编码(ANSI),`
      : `没有 .cpg,语言驱动字节为 ${hex};`
  const whyEn =
    dbf.ldid === 0x57
      ? `language driver byte ${hex} means the system code page (ANSI); `
      : `no .cpg and language driver byte ${hex}; `
  return { ...detected, reasonZh: why + detected.reasonZh, reasonEn: whyEn + detected.reasonEn }
}

function declaredCrs(parts: ShapefileParts, warnings: ImportIssue[]): SourceCrs | undefined {
  if (!parts.prj) return undefined
  const wkt = ascii(parts.prj)
  if (!wkt) return undefined
  const id = identifyWkt(wkt)
  if ('unsupported' in id) {
    warnings.push(issue('CRS_UNSUPPORTED_DATUM', { crs: id.name, datum: id.unsupported }))
    return { wkt }
  }
  return id.crs
}

/** Reads a shapefile layer (.shp + .dbf, with .shx/.prj/.cpg when present) into an ImportTable. */
export function readShapefile(
  parts: ShapefileParts,
  options: { encoding?: string } = {},
): ImportTable {
  if (!parts.dbf) fail('SHP_PART_MISSING', { layer: parts.name, part: '.dbf' })
  const warnings: ImportIssue[] = []
  let shapes: ShpRecord[]
  let dbf: DbfFile
  try {
    shapes = parseShp(parts.shp, parts.shx)
    dbf = parseDbf(parts.dbf)
  } catch (err) {
    fail('SHP_CORRUPT', {
      layer: parts.name,
      detail: err instanceof Error ? err.message : String(err),
    })
  }
  const choice = chooseEncoding(parts, dbf, options.encoding, warnings)
  warnings.push(
    issue('ENCODING_CHOSEN', {
      encoding: choice.encoding,
      reasonZh: choice.reasonZh,
      reasonEn: choice.reasonEn,
    }),
  )

  const columns: string[] = []
  for (const f of dbf.fields) {
    const base =
      decode(f.nameBytes, choice.encoding).replace(/\ufffd+$/, '') || `字段${columns.length + 1}`
    let name = base
    for (let k = 2; columns.includes(name); k++) name = `${base}_${k}`
    columns.push(name)
  }
  const count = Math.min(shapes.length, dbf.records.length)
  if (shapes.length !== dbf.records.length)
    warnings.push(
      issue('SHP_DBF_COUNT_MISMATCH', {
        shapes: shapes.length,
        records: dbf.records.length,
        used: count,
      }),
    )

  const garbled: { row: number; column: string; sample: string }[] = []
  let allText = ''
  let suspect = ''
  let deleted = 0
  const rows: ImportRow[] = []
  for (let i = 0; i < count; i++) {
    const rec = dbf.records[i]!
    if (rec.deleted) {
      deleted++
      continue
    }
    const fields: Record<string, unknown> = {}
    dbf.fields.forEach((f, k) => {
      if (!isTextField(f)) {
        fields[columns[k]!] = nonTextValue(rec, f)
        return
      }
      const b = fieldBytes(rec, f)
      let s = b.length === 0 ? '' : decode(b, choice.encoding)
      if (s.includes('\ufffd')) {
        garbled.push({ row: i + 1, column: columns[k]!, sample: s })
        // A replacement character at the end is a multi-byte character cut by the field width.
        s = s.replace(/\ufffd+$/, '')
      }
      if (allText.length < 200_000) allText += s
      if (!suspect && garbleRatio(s) > 0.3) suspect = s
      fields[columns[k]!] = s === '' ? null : s
    })
    const shape = shapes[i]!
    if (shape.unsupported)
      warnings.push(issue('SHP_UNSUPPORTED_SHAPE', { row: i + 1, shapeType: shape.unsupported }))
    rows.push({ rowNumber: i + 1, fields, geometry: shape.geometry })
  }
  if (deleted > 0) warnings.push(issue('DBF_DELETED_SKIPPED', { count: deleted }))
  if (garbled.length > 0)
    warnings.push(issue('ENCODING_GARBLED', { count: garbled.length, ...garbled[0]! }))
  if (garbleRatio(allText) > 0.3)
    warnings.push(
      issue('ENCODING_SUSPECT', { encoding: choice.encoding, sample: suspiciousSample(allText) }),
    )

  const declared = declaredCrs(parts, warnings)
  return {
    format: 'shapefile',
    name: parts.name,
    rows,
    columns,
    geometrySource: { kind: 'native' },
    sourceCrs: guessCrs({
      ...(declared ? { declared } : {}),
      names: [parts.name],
      fieldNames: columns,
      geometries: rows.map((r) => r.geometry),
    }),
    encoding: choice.encoding,
    warnings,
  }
}
