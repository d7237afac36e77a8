// CSV as Excel opens it: UTF-8 with a byte-order mark (else Excel reads GBK and garbles Chinese),
// CRLF line ends, and quotes around cells holding delimiters, quotes or line breaks.

/** One cell: text, a number, or empty. */
export type CsvCell = string | number | null | undefined

const quote = (c: CsvCell) => {
  const s = c === null || c === undefined ? '' : String(c)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A whole CSV document as UTF-8 bytes with a BOM. */
export function csvBytes(header: string[], rows: CsvCell[][]): Uint8Array<ArrayBuffer> {
  const lines = [header, ...rows].map((r) => r.map(quote).join(','))
  return new TextEncoder().encode('\ufeff' + lines.join('\r\n') + '\r\n')
}

/** A Content-Disposition header for a download with a (possibly Chinese) file name. */
export const attachment = (fileName: string, asciiFallback: string) =>
  `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
