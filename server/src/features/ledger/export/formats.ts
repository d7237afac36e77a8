// The three export formats, each a whole file in memory: a ledger of 20,000 compounds is tens of MB.
import writeXlsxFile from 'write-excel-file/node'
import { csvBytes } from '../shared/csv.ts'
import { EXPORT_HEADERS, exportCells, GEOMETRY_HEADER } from './cells.ts'
import type { ExportRow } from './export.queries.ts'

/** A GeoJSON FeatureCollection (WGS84) with the Chinese headers as property names. */
export function toGeoJson(rows: ExportRow[]): string {
  const features = rows.map((r) => {
    const cells = exportCells(r)
    const properties = Object.fromEntries(EXPORT_HEADERS.map((h, i) => [h, cells[i]]))
    // The database serialised the geometry: splice it in rather than parse and print it again.
    return `{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":${r.geometry}}`
  })
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`
}

/** A UTF-8 CSV with a BOM, geometry as WKT in the last column. */
export const toCsv = (rows: ExportRow[]) =>
  csvBytes(
    [...EXPORT_HEADERS, GEOMETRY_HEADER],
    rows.map((r) => [...exportCells(r), r.geometry]),
  )

/** An XLSX workbook of one sheet, geometry as WKT in the last column. */
export async function toXlsx(rows: ExportRow[]): Promise<Uint8Array<ArrayBuffer>> {
  const data = [
    [...EXPORT_HEADERS, GEOMETRY_HEADER],
    ...rows.map((r) => [...exportCells(r), r.geometry]),
  ]
  const buffer = await writeXlsxFile(data, { sheet: '小区台账' }).toBuffer()
  return new Uint8Array(
    buffer.buffer,
    buffer.byteOffset,
    buffer.byteLength,
  ) as Uint8Array<ArrayBuffer>
}
