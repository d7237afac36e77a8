// XLSX workbooks: the first sheet, or the one the user names. Cells arrive typed (number, string,
// boolean, Date), so ledger numbers need no re-parsing unless someone typed them as text.
import readXlsxFile from 'read-excel-file/universal'
import type { ImportTable } from './types.ts'
import { fail, issue, type ImportIssue } from './messages.ts'
import { tableFromGrid, type TabularOptions } from './tabular.ts'

export interface XlsxOptions extends TabularOptions {
  /** Sheet name or 1-based index; the first sheet when not given. */
  sheet?: string | number
}

/** Reads one sheet of an XLSX workbook into an ImportTable. */
export async function readXlsx(
  name: string,
  bytes: Uint8Array,
  options: XlsxOptions = {},
): Promise<ImportTable> {
  if (bytes.length === 0) fail('FILE_EMPTY', { file: name })
  // The universal build takes an ArrayBuffer; copy out exactly this view's bytes.
  const buffer = bytes.slice().buffer
  let sheets: { sheet: string; data: unknown[][] }[]
  try {
    sheets = (await readXlsxFile(buffer)) as unknown as { sheet: string; data: unknown[][] }[]
  } catch (err) {
    fail('XLSX_INVALID', { detail: err instanceof Error ? err.message : String(err) })
  }
  const names = sheets.map((s) => s.sheet)
  const wanted = options.sheet ?? 1
  const sheet =
    typeof wanted === 'number' ? sheets[wanted - 1] : sheets.find((s) => s.sheet === wanted)
  if (!sheet) fail('SHEET_NOT_FOUND', { sheet: String(wanted), sheets: names.join('、') })
  const warnings: ImportIssue[] = []
  if (sheet.data.length === 0) fail('TABLE_EMPTY')
  const table = tableFromGrid(
    sheet.data,
    { format: 'xlsx', name: `${name}#${sheet.sheet}`, warnings },
    options,
  )
  if (names.length > 1) {
    table.alternatives = names.filter((n) => n !== sheet.sheet)
    warnings.push(issue('MULTIPLE_LAYERS', { layers: names.join('、'), layer: sheet.sheet }))
  }
  return table
}
