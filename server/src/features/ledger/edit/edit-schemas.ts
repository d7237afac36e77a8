// The edit forms' schemas, pure (zod only, no database, no node): the routes validate with them
// and the page imports this file to validate the same form before it sends it, so a value the
// page accepts is a value the server accepts, with the same Chinese message next to the field.
import { z } from 'zod'
import { compoundImportSchema, FIELD_LABELS } from '../../../import/compound-schema.ts'

/** China's extent [west, south, east, north], as the import core's CHINA_BBOX. */
const [W, S, E, N] = [73, 3, 136, 54]

const text = (max: number) =>
  z
    .string({ error: '须为文字' })
    .trim()
    .max(max, { error: `不能超过 ${max} 个字` })
const date = z
  .string({ error: '须为日期 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '须为日期 YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: '不是有效日期' })
export const VersionSchema = z.int({ error: '须为正整数' }).min(1, { error: '须为正整数' })

/** A compound's ledger fields as the form sends them (the boundary is edited on the map). */
export const CompoundFormChanges = compoundImportSchema.strict()

/** The organisation fields a save may change. */
export const OrgChanges = z
  .object({
    name: text(200).min(1, { error: '必填' }),
    status: z.enum(['active', 'dissolved'], { error: '须为 active(在用) 或 dissolved(已撤销)' }),
    founded: date.nullable(),
    secretary_name: text(50).nullable(),
    secretary_phone: z
      .string({ error: '须为电话号码' })
      .trim()
      .regex(/^[0-9+\-() ]{5,20}$/, { error: '须为电话号码' })
      .nullable(),
    secretary_role: text(100).nullable(),
    committee_size: z
      .int({ error: '须为非负整数' })
      .min(0, { error: '须为非负整数' })
      .max(1000)
      .nullable(),
  })
  .partial()
  .strict()

export const ORG_LABELS: Record<string, string> = {
  name: '组织名称',
  status: '状态',
  founded: '成立时间',
  secretary_name: '书记姓名',
  secretary_phone: '书记电话',
  secretary_role: '书记身份',
  committee_size: '委员人数',
  version: '版本',
}

export const STATION_ORIGINS = ['new', 'stilt_floor', 'property_room', 'rented'] as const

/** The station fields a save may change; location is [lng, lat] in EPSG:4326. */
export const StationChanges = z
  .object({
    name: text(200).min(1, { error: '必填' }),
    area_m2: z.number({ error: '须为数字' }).min(0, { error: '不能为负数' }).nullable(),
    origin: z
      .enum(STATION_ORIGINS, {
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

/** Where funding comes from: 0001_init.sql's CHECK constraint, in order, with Chinese names. */
export const FUNDING_SOURCES = [
  'org_dept',
  'community_fund',
  'returned_dues',
  'co_building',
  'residents',
] as const
export const FUNDING_SOURCE_LABELS: Record<(typeof FUNDING_SOURCES)[number], string> = {
  org_dept: '组织部门',
  community_fund: '社区激励资金',
  returned_dues: '返还党费',
  co_building: '共建单位',
  residents: '居民',
}

/** The fields of one funding record (经费保障); amounts in yuan with at most two decimals. */
export const FundingFields = z
  .object({
    year: z
      .int({ error: '须为年份' })
      .min(2000, { error: '须在 2000–2100 之间' })
      .max(2100, { error: '须在 2000–2100 之间' }),
    source: z.enum(FUNDING_SOURCES, {
      error: `须为以下之一: ${Object.values(FUNDING_SOURCE_LABELS).join('、')}`,
    }),
    amount_yuan: z
      .number({ error: '须为金额(元)' })
      .min(0, { error: '不能为负数' })
      .max(9_999_999_999.99, { error: '数值过大' })
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
        error: '最多两位小数',
      }),
  })
  .strict()

/** A new funding record of a compound: the organisation defaults to the compound's live branch. */
export const FundingCreate = FundingFields.extend({
  org_id: z.int({ error: '须为党组织编号' }).positive({ error: '须为党组织编号' }).optional(),
}).strict()

/** A funding save: every field optional. */
export const FundingChanges = FundingFields.partial().strict()

export const FUNDING_LABELS: Record<string, string> = {
  year: '年度',
  source: '经费来源',
  amount_yuan: '金额(元)',
  org_id: '党组织',
  version: '版本',
}

/** Labels for a compound's 400 messages: the Chinese ledger headers. */
export const COMPOUND_LABELS: Record<string, string> = {
  ...FIELD_LABELS,
  boundary: '边界',
  version: '版本',
}
