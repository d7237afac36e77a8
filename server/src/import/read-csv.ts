// CSV files: UTF-8 with or without BOM (Excel writes one), UTF-16 from Excel's "Unicode text", and
// GBK from older Chinese tools; the user may name the encoding instead.
import type { ImportTable } from './types.ts'
import { parseCsv } from './csv.ts'
import { fail, issue, type ImportIssue } from './messages.ts'
import { tableFromGrid, type TabularOptions } from './tabular.ts'
import {
  decode,
  detectEncoding,
  userEncoding,
  splitBom,
  type EncodingChoice,
} from './text-decode.ts'

export interface CsvOptions extends TabularOptions {
  /** An encoding label that overrides detection: 'gbk', 'utf-8', 'big5' … */
  encoding?: string
}

function chooseEncoding(
  bytes: Uint8Array,
  override: string | undefined,
  warnings: ImportIssue[],
): EncodingChoice {
  const { bom } = splitBom(bytes)
  const chosen = userEncoding(override, warnings)
  if (chosen) return chosen
  if (bom)
    return {
      encoding: bom,
      source: 'bom',
      reasonZh: '文件以 BOM 开头',
      reasonEn: 'the file starts with a byte-order mark',
    }
  // A sample keeps detection fast on big files; cut at a newline so no character is split.
  const cut = bytes.length > 1 << 20 ? bytes.lastIndexOf(0x0a, 1 << 20) : bytes.length
  return detectEncoding([bytes.subarray(0, cut > 0 ? cut : bytes.length)])
}

/** Reads a CSV file into an ImportTable (geometry from WKT or lon/lat columns when present). */
export function readCsv(name: string, bytes: Uint8Array, options: CsvOptions = {}): ImportTable {
  if (bytes.length === 0) fail('FILE_EMPTY', { file: name })
  const warnings: ImportIssue[] = []
  const choice = chooseEncoding(bytes, options.encoding, warnings)
  warnings.push(
    issue('ENCODING_CHOSEN', {
      encoding: choice.encoding,
      reasonZh: choice.reasonZh,
      reasonEn: choice.reasonEn,
    }),
  )
  const text = decode(splitBom(bytes).body, choice.encoding)
  const grid = parseCsv(text)
  if (grid.length === 0) fail('TABLE_EMPTY')
  return tableFromGrid(grid, { format: 'csv', name, encoding: choice.encoding, warnings }, options)
}
