// The multipart form of an import: files under any field name, and the user's choices. Every bad
// choice is a 400 naming its field, in Chinese, before anything is read.
import {
  COMPOUND_FIELDS,
  parseSourceCrs,
  type ColumnMapping,
  type ImportFile,
  type ReadOptions,
  type SourceCrs,
} from '../../../import/index.ts'
import { AppError } from '../../../lib/errors.ts'

export interface UploadChoices {
  read: ReadOptions
  crs?: SourceCrs
  mapping?: ColumnMapping
  mappingName?: string
  community?: string
}

const bad = (field: string, message: string) =>
  new AppError('BAD_REQUEST', `${field}: ${message}`, { issues: [{ field, message }] })

const one = (v: unknown): unknown => (Array.isArray(v) ? v[v.length - 1] : v)

function textField(form: Record<string, unknown>, field: string): string | undefined {
  const v = one(form[field])
  if (v === undefined) return undefined
  if (typeof v !== 'string') throw bad(field, '须为文字,不能是文件')
  return v.trim() === '' ? undefined : v.trim()
}

/** Checks a column mapping sent as JSON: column → ledger field name or null. */
export function parseMapping(value: unknown, field = 'mapping'): ColumnMapping {
  let m: unknown = value
  if (typeof value === 'string') {
    try {
      m = JSON.parse(value)
    } catch {
      throw bad(field, '须为 JSON 对象 {"列名": "字段名"}')
    }
  }
  if (!m || typeof m !== 'object' || Array.isArray(m))
    throw bad(field, '须为 JSON 对象 {"列名": "字段名"}')
  const out: ColumnMapping = {}
  for (const [column, target] of Object.entries(m)) {
    if (target !== null && !(COMPOUND_FIELDS as readonly unknown[]).includes(target))
      throw bad(
        `${field}.${column}`,
        `未知字段 '${String(target)}'; 可选: ${COMPOUND_FIELDS.join(', ')} 或 null`,
      )
    out[column] = target as ColumnMapping[string]
  }
  return out
}

/** The uploaded files of a form, in the order sent. */
export async function formFiles(form: Record<string, unknown>): Promise<ImportFile[]> {
  const files: ImportFile[] = []
  for (const value of Object.values(form))
    for (const v of Array.isArray(value) ? value : [value])
      if (v instanceof File)
        files.push({ name: v.name, data: new Uint8Array(await v.arrayBuffer()) })
  if (files.length === 0) throw bad('files', '没有上传文件')
  return files
}

/** The user's choices of an import form. */
export function formChoices(form: Record<string, unknown>): UploadChoices {
  const read: ReadOptions = {}
  const encoding = textField(form, 'encoding')
  if (encoding) read.encoding = encoding
  const sheet = textField(form, 'sheet')
  if (sheet) read.sheet = /^\d+$/.test(sheet) ? Number(sheet) : sheet
  const layer = textField(form, 'layer')
  if (layer) read.layer = layer
  const out: UploadChoices = { read }
  const crsText = textField(form, 'crs')
  if (crsText) {
    const crs = parseSourceCrs(crsText)
    if (!crs)
      throw bad(
        'crs',
        `无法识别坐标系 '${crsText}'; 可选 WGS84、CGCS2000、GCJ02、BD09、BD09MC 或 EPSG 编号`,
      )
    out.crs = crs
  }
  const mapping = textField(form, 'mapping')
  if (mapping) out.mapping = parseMapping(mapping)
  const mappingName = textField(form, 'mappingName')
  if (mappingName) out.mappingName = mappingName
  const community = textField(form, 'community')
  if (community) out.community = community
  return out
}
