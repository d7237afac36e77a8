// The compound ledger fields: one zod schema per field, shared by the import and the edit forms so
// both accept exactly what the database's CHECK constraints accept, with messages in Chinese.
import { z } from 'zod'

// The coded values of 0001_init.sql's CHECK constraints, in the same order.
export const TENURES = ['commercial', 'public', 'reformed', 'resettlement', 'dorm'] as const
export const PROPERTY_MGMTS = ['professional', 'self', 'none', 'street', 'trust'] as const
export const RENOVATION_STATUSES = [
  'not_needed',
  'done',
  'eligible',
  'planned',
  'in_progress',
  'completed',
] as const
export const SELF_GOVERNANCE_BODIES = [
  'residents_committee',
  'owners_committee',
  'council',
] as const

/** Chinese names of coded values: what the page shows and the export writes. */
export const VALUE_LABELS = {
  tenure: {
    commercial: '商品房',
    public: '公房',
    reformed: '房改房',
    resettlement: '安置房',
    dorm: '单位宿舍',
  },
  property_mgmt: {
    professional: '专业物业',
    self: '自管',
    none: '无物业',
    street: '街道兜底',
    trust: '信托制',
  },
  renovation_status: {
    not_needed: '无需改造',
    done: '已改造',
    eligible: '待改造',
    planned: '计划改造',
    in_progress: '改造中',
    completed: '改造完成',
  },
  self_governance: { residents_committee: '院委会', owners_committee: '业委会', council: '议事会' },
} as const

const text = (max: number) =>
  z
    .string({ error: '须为文字' })
    .trim()
    .max(max, { error: `不能超过 ${max} 个字` })
const count = z
  .int({ error: '须为非负整数' })
  .min(0, { error: '须为非负整数' })
  .max(10_000_000, { error: '数值过大' })
const nullable = <T extends z.ZodType>(s: T) => s.nullable()
const oneOf = <T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], string>,
) => z.enum(values, { error: `须为以下之一: ${Object.values<string>(labels).join('、')}` })

/** One schema per ledger field; null means "not given" where the column allows it. */
export const compoundFieldSchemas = {
  code: text(64).min(1, { error: '必填' }),
  name: text(200).min(1, { error: '必填' }),
  address: nullable(text(500)),
  /** The community by name or by its 12-digit code; the database step resolves it to community_id. */
  community: nullable(text(100)),
  /** District and street names: only used to tell apart communities of the same name. */
  district: nullable(text(100)),
  street: nullable(text(100)),
  grid: nullable(text(100)),
  year_built: nullable(
    z
      .int({ error: '须为年份' })
      .min(1900, { error: '须在 1900–2100 之间' })
      .max(2100, { error: '须在 1900–2100 之间' }),
  ),
  is_old: nullable(z.boolean({ error: '须为 是/否' })),
  site_area_m2: nullable(z.number({ error: '须为数字' }).min(0, { error: '不能为负数' })),
  households: nullable(count),
  residents: nullable(count),
  buildings: nullable(count),
  elderly_share: nullable(
    z
      .number({ error: '须为比例' })
      .min(0, { error: '须在 0–1 之间' })
      .max(1, { error: '须在 0–1 之间' }),
  ),
  tenure: nullable(oneOf(TENURES, VALUE_LABELS.tenure)),
  property_mgmt: nullable(oneOf(PROPERTY_MGMTS, VALUE_LABELS.property_mgmt)),
  renovation_status: nullable(oneOf(RENOVATION_STATUSES, VALUE_LABELS.renovation_status)),
  members_full: nullable(count),
  members_probationary: nullable(count),
  members_registered: nullable(count),
  members_in_service: nullable(count),
  members_retired: nullable(count),
  members_floating_in: nullable(count),
  members_floating_out: nullable(count),
  vanguard_team: nullable(text(200)),
  vanguard_size: nullable(count),
  self_governance: nullable(z.array(oneOf(SELF_GOVERNANCE_BODIES, VALUE_LABELS.self_governance))),
  consultations: nullable(count),
  problems_logged: nullable(count),
  problems_closed: nullable(count),
} as const

export type CompoundField = keyof typeof compoundFieldSchemas

/** Every ledger field, in the order the export writes them. */
export const COMPOUND_FIELDS = Object.keys(compoundFieldSchemas) as CompoundField[]

/** The ledger as a form edits it: every field present. */
export const compoundLedgerSchema = z.object(compoundFieldSchemas)
export type CompoundLedger = z.infer<typeof compoundLedgerSchema>

/** What one import row may set: the mapped fields only. */
export const compoundImportSchema = compoundLedgerSchema.partial()
export type CompoundImportFields = z.infer<typeof compoundImportSchema>

/** Chinese header of each field, as DOMAIN.md's ledgers name them: the export's headers. */
export const FIELD_LABELS: Record<CompoundField, string> = {
  code: '小区编码',
  name: '小区名称',
  address: '地址',
  community: '所属社区',
  district: '区县',
  street: '街道',
  grid: '网格',
  year_built: '建成年代',
  is_old: '是否老旧小区',
  site_area_m2: '占地面积(㎡)',
  households: '户数',
  residents: '常住人口',
  buildings: '楼栋数',
  elderly_share: '老年人占比',
  tenure: '房屋性质',
  property_mgmt: '物业管理',
  renovation_status: '改造状态',
  members_full: '正式党员',
  members_probationary: '预备党员',
  members_registered: '在册党员',
  members_in_service: '在职党员',
  members_retired: '退休党员',
  members_floating_in: '流入党员',
  members_floating_out: '流出党员',
  vanguard_team: '党员先锋队',
  vanguard_size: '先锋队人数',
  self_governance: '自治组织',
  consultations: '协商议事次数',
  problems_logged: '收集问题数',
  problems_closed: '解决问题数',
}
