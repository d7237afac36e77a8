// The ledger fields a source column can be mapped to, in the import core's order, with the Chinese
// labels of its FIELD_LABELS (server/src/import/compound-schema.ts; a test keeps them equal) and
// English ones. Kept here so the page does not bundle the server's zod schemas.
import type { Lang } from '../../i18n/messages.ts'

export const LEDGER_FIELDS = [
  'code',
  'name',
  'address',
  'community',
  'district',
  'street',
  'grid',
  'year_built',
  'is_old',
  'site_area_m2',
  'households',
  'residents',
  'buildings',
  'elderly_share',
  'tenure',
  'property_mgmt',
  'renovation_status',
  'members_full',
  'members_probationary',
  'members_registered',
  'members_in_service',
  'members_retired',
  'members_floating_in',
  'members_floating_out',
  'vanguard_team',
  'vanguard_size',
  'self_governance',
  'consultations',
  'problems_logged',
  'problems_closed',
] as const

export type LedgerField = (typeof LEDGER_FIELDS)[number]

/** Fields without which nothing can be imported (the import core's blocking check). */
export const REQUIRED_FIELDS: readonly LedgerField[] = ['code', 'name']

export const FIELD_LABELS: Record<Lang, Record<LedgerField, string>> = {
  'zh-CN': {
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
  },
  en: {
    code: 'Compound code',
    name: 'Compound name',
    address: 'Address',
    community: 'Community',
    district: 'District',
    street: 'Street',
    grid: 'Grid',
    year_built: 'Year built',
    is_old: 'Old compound',
    site_area_m2: 'Site area (m²)',
    households: 'Households',
    residents: 'Residents',
    buildings: 'Buildings',
    elderly_share: 'Share of elderly',
    tenure: 'Tenure',
    property_mgmt: 'Property management',
    renovation_status: 'Renovation status',
    members_full: 'Full members',
    members_probationary: 'Probationary members',
    members_registered: 'Registered members',
    members_in_service: 'Members in work',
    members_retired: 'Retired members',
    members_floating_in: 'Members floating in',
    members_floating_out: 'Members floating out',
    vanguard_team: 'Vanguard team',
    vanguard_size: 'Vanguard size',
    self_governance: 'Self-governance body',
    consultations: 'Consultations',
    problems_logged: 'Problems logged',
    problems_closed: 'Problems closed',
  },
}

export const isLedgerField = (v: unknown): v is LedgerField =>
  typeof v === 'string' && (LEDGER_FIELDS as readonly string[]).includes(v)

/** Other columns a dry run's preview names as changing. */
const CHANGE_LABELS: Record<Lang, Record<string, string>> = {
  'zh-CN': { community_id: '所属社区', boundary: '边界', location: '位置' },
  en: { community_id: 'Community', boundary: 'Boundary', location: 'Location' },
}

/** The label of a field in the page's language; an unknown name (a newer server) is shown raw. */
export const fieldLabel = (field: string, lang: Lang): string =>
  isLedgerField(field) ? FIELD_LABELS[lang][field] : (CHANGE_LABELS[lang][field] ?? field)
