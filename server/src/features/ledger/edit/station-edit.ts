// Saving a party-service station's form; its point must fall in China, as [lng, lat] EPSG:4326.
import { z } from '@hono/zod-openapi'
import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import { CHINA_BBOX } from '../../../import/index.ts'
import type { RecordEdit } from './record-edit.ts'

const text = (max: number) =>
  z
    .string({ error: '须为文字' })
    .trim()
    .max(max, { error: `不能超过 ${max} 个字` })
const [W, S, E, N] = CHINA_BBOX

/** The station fields a save may change; location is [lng, lat] in EPSG:4326. */
export const StationChanges = z
  .object({
    name: text(200).min(1, { error: '必填' }),
    area_m2: z.number({ error: '须为数字' }).min(0, { error: '不能为负数' }).nullable(),
    origin: z
      .enum(['new', 'stilt_floor', 'property_room', 'rented'], {
        error:
          '须为以下之一: 新建(new)、架空层(stilt_floor)、物业用房(property_room)、租用(rented)',
      })
      .nullable(),
    opened: z
      .string({ error: '须为日期 YYYY-MM-DD' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '须为日期 YYYY-MM-DD' })
      .nullable(),
    opening_hours: text(200).nullable(),
    compound_id: z.int({ error: '须为小区编号' }).positive({ error: '须为小区编号' }).nullable(),
    location: z
      .tuple([z.number({ error: '须为 [经度, 纬度]' }), z.number({ error: '须为 [经度, 纬度]' })], {
        error: '须为 [经度, 纬度]',
      })
      .refine(([x, y]) => x >= W && x <= E && y >= S && y <= N, {
        error: '坐标不在中国范围内; 须为 EPSG:4326 [经度, 纬度]',
      }),
  })
  .partial()
  .strict()

export const StationEdit = z.object({
  version: z.int({ error: '须为正整数' }).min(1, { error: '须为正整数' }),
  changes: StationChanges,
})

export const STATION_LABELS: Record<string, string> = {
  name: '站点名称',
  area_m2: '面积(㎡)',
  origin: '来源',
  opened: '启用时间',
  opening_hours: '开放时间',
  compound_id: '所在小区',
  location: '位置',
  version: '版本',
}

/** One station as the page edits it. */
export async function getStation(db: Db, id: number) {
  const [row] = await db.query<{ id: number; version: number }>(sql`
    SELECT s.id, s.name, s.compound_id AS "compoundId", s.area_m2::float8 AS "areaM2", s.origin,
      to_char(s.opened, 'YYYY-MM-DD') AS opened, s.opening_hours AS "openingHours",
      json_build_array(ST_X(s.location), ST_Y(s.location)) AS location, s.version,
      to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
    FROM station s WHERE s.id = ${id}`)
  return row
}

export const STATION_EDIT: RecordEdit<Awaited<ReturnType<typeof getStation>>> = {
  table: 'station',
  noun: '党群服务站',
  columns: Object.keys(StationChanges.shape).filter((c) => c !== 'location'),
  required: ['name'],
  labels: STATION_LABELS,
  load: getStation,
}
