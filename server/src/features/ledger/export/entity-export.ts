// Organisations and stations as a person reads them in a sheet: Chinese headers, coded values by
// their Chinese names, one row per record, for the same filter as the compounds' export (the
// records serving compounds of an area with given coverage statuses).
import writeXlsxFile from 'write-excel-file/node'
import type { Db } from '../../../db/db.ts'
import { sql, type Sql } from '../../../db/sql.ts'
import { communitiesUnder } from '../../areas/areas.queries.ts'
import { csvBytes } from '../shared/csv.ts'
import type { Cell } from './cells.ts'
import type { ExportFilter } from './export.queries.ts'

const ORG_KINDS: Record<string, string> = {
  standalone: '单独组建',
  joint: '联合组建',
  temporary: '临时党支部',
  instructor: '党建指导员',
}
const ORG_STATUSES: Record<string, string> = { active: '在用', dissolved: '已撤销' }
const STATION_ORIGINS: Record<string, string> = {
  new: '新建',
  stilt_floor: '架空层',
  property_room: '物业用房',
  rented: '租用',
}

/** A sheet: Chinese headers, cells in header order, and a GeoJSON geometry text per row (or null). */
export interface EntitySheet {
  sheet: string
  headers: string[]
  rows: Cell[][]
  geometries: (string | null)[]
}

/** The compounds the filter selects, as SQL returning `id`. */
const selectedCompounds = (f: ExportFilter): Sql => sql`
  SELECT c.id FROM compound c
  ${f.status ? sql`JOIN compound_coverage cov ON cov.compound_id = c.id` : sql.empty}
  WHERE ${f.area ? sql`c.community_id IN (${communitiesUnder(f.area)})` : sql`TRUE`}
    AND ${f.status ? sql`cov.status = ANY(${f.status}::text[])` : sql`TRUE`}`

const filtered = (f: ExportFilter) => f.area !== undefined || f.status !== undefined

export const ORG_HEADERS = [
  '组织编号',
  '组织名称',
  '组建方式',
  '状态',
  '所属社区',
  '成立时间',
  '书记姓名',
  '书记电话',
  '书记身份',
  '委员人数',
  '覆盖小区数',
  '覆盖小区编码',
]

/** Party organisations covering at least one selected compound (all of them without a filter). */
export async function orgSheet(db: Db, f: ExportFilter): Promise<EntitySheet> {
  const rows = await db.query<Record<string, unknown>>(sql`
    SELECT o.id, o.name, o.kind, o.status, a.name AS community, to_char(o.founded, 'YYYY-MM-DD') AS founded,
      o.secretary_name, o.secretary_phone, o.secretary_role, o.committee_size,
      (SELECT count(*)::int FROM org_compound x WHERE x.org_id = o.id) AS compounds,
      (SELECT string_agg(c.code, '、' ORDER BY c.code) FROM org_compound x JOIN compound c ON c.id = x.compound_id
        WHERE x.org_id = o.id) AS codes
    FROM party_org o JOIN area a ON a.id = o.community_id
    WHERE ${
      filtered(f)
        ? sql`o.id IN (SELECT org_id FROM org_compound WHERE compound_id IN (${selectedCompounds(f)}))`
        : sql`TRUE`
    }
    ORDER BY o.id`)
  return {
    sheet: '党组织台账',
    headers: ORG_HEADERS,
    rows: rows.map((r) => [
      r.id as number,
      r.name as string,
      ORG_KINDS[r.kind as string] ?? (r.kind as string),
      ORG_STATUSES[r.status as string] ?? (r.status as string),
      r.community as string,
      (r.founded as string | null) ?? null,
      (r.secretary_name as string | null) ?? null,
      (r.secretary_phone as string | null) ?? null,
      (r.secretary_role as string | null) ?? null,
      (r.committee_size as number | null) ?? null,
      r.compounds as number,
      (r.codes as string | null) ?? null,
    ]),
    geometries: rows.map(() => null),
  }
}

export const STATION_HEADERS = [
  '站点编号',
  '站点名称',
  '所在小区编码',
  '所在小区',
  '面积(㎡)',
  '来源',
  '启用时间',
  '开放时间',
  '经度',
  '纬度',
]

/** Stations in selected compounds (all of them without a filter; unattached ones by their point's community). */
export async function stationSheet(db: Db, f: ExportFilter): Promise<EntitySheet> {
  const where = !filtered(f)
    ? sql`TRUE`
    : f.status
      ? sql`s.compound_id IN (${selectedCompounds(f)})`
      : sql`(s.compound_id IN (${selectedCompounds(f)}) OR (s.compound_id IS NULL AND EXISTS (
          SELECT 1 FROM area a WHERE a.id IN (${communitiesUnder(f.area!)}) AND ST_Intersects(a.geom, s.location))))`
  const rows = await db.query<Record<string, unknown>>(sql`
    SELECT s.id, s.name, c.code, c.name AS compound, s.area_m2::text AS area_m2, s.origin,
      to_char(s.opened, 'YYYY-MM-DD') AS opened, s.opening_hours,
      ST_X(s.location) AS lng, ST_Y(s.location) AS lat, ST_AsGeoJSON(s.location, 15) AS geometry
    FROM station s LEFT JOIN compound c ON c.id = s.compound_id
    WHERE ${where}
    ORDER BY s.id`)
  return {
    sheet: '党群服务站台账',
    headers: STATION_HEADERS,
    rows: rows.map((r) => [
      r.id as number,
      r.name as string,
      (r.code as string | null) ?? null,
      (r.compound as string | null) ?? null,
      r.area_m2 === null ? null : Number(r.area_m2),
      r.origin === null ? null : (STATION_ORIGINS[r.origin as string] ?? (r.origin as string)),
      (r.opened as string | null) ?? null,
      (r.opening_hours as string | null) ?? null,
      r.lng as number,
      r.lat as number,
    ]),
    geometries: rows.map((r) => r.geometry as string),
  }
}

/** A sheet as GeoJSON: one feature per row, Chinese property names, null geometry when it has none. */
export function sheetGeoJson(s: EntitySheet): string {
  const features = s.rows.map((cells, i) => {
    const properties = Object.fromEntries(s.headers.map((h, j) => [h, cells[j]]))
    return `{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":${s.geometries[i] ?? 'null'}}`
  })
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`
}

export const sheetCsv = (s: EntitySheet) => csvBytes(s.headers, s.rows)

export async function sheetXlsx(s: EntitySheet): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await writeXlsxFile([s.headers, ...s.rows], { sheet: s.sheet }).toBuffer()
  return new Uint8Array(
    buffer.buffer,
    buffer.byteOffset,
    buffer.byteLength,
  ) as Uint8Array<ArrayBuffer>
}
