// Which source column fills which ledger field. Chinese ledger headers (DOMAIN.md) and English
// snake_case names map automatically; the user maps the rest, and the mapping (plain JSON) is
// saved for the next import of the same kind of sheet.
import { COMPOUND_FIELDS, FIELD_LABELS, type CompoundField } from './compound-schema.ts'

/** Source column → ledger field, or null for "do not import". Plain JSON. */
export type ColumnMapping = Record<string, CompoundField | null>

export interface MappingSuggestion {
  mapping: ColumnMapping
  /** Columns no field claimed, for the user to map or leave out. */
  unmapped: string[]
}

// Aliases after normalisation (no spaces, no bracketed units, lower case), best first: when two
// columns claim one field the one with the earlier alias wins.
const ALIASES: Record<CompoundField, string[]> = {
  code: [
    '编码',
    '小区编码',
    '院落编码',
    '小区代码',
    '代码',
    '编号',
    '小区编号',
    'code',
    'compound_code',
  ],
  name: [
    '名称',
    '小区名称',
    '院落名称',
    '小区院落名称',
    '小区名',
    '小区',
    '院落',
    '项目名称',
    'name',
    'compound_name',
  ],
  address: ['地址', '小区地址', '详细地址', '坐落', '坐落位置', 'address', 'addr'],
  community: [
    '所属社区',
    '社区',
    '社区名称',
    '所在社区',
    '社区编码',
    'community',
    'community_id',
    'community_name',
    'community_code',
  ],
  district: ['区县', '所属区县', '区市县', '区', '行政区', '所属区', '区域', 'district'],
  street: ['街道', '所属街道', '镇街', '街道镇', '乡镇街道', 'street', 'township'],
  grid: ['网格', '所属网格', '网格名称', 'grid'],
  year_built: [
    '建成年代',
    '建成年份',
    '建成时间',
    '建成年度',
    '建设年代',
    '建造年代',
    '竣工年份',
    '年代',
    'year_built',
    'build_year',
    'built_year',
  ],
  is_old: ['是否老旧小区', '老旧小区', '是否老旧', 'is_old'],
  site_area_m2: ['占地面积', '用地面积', 'site_area_m2', 'site_area'],
  households: ['户数', '总户数', '住户数', '居民户数', 'households'],
  residents: [
    '常住人口',
    '人口',
    '居住人口',
    '总人口',
    '人数',
    '居民人数',
    'residents',
    'population',
  ],
  buildings: ['楼栋数', '栋数', '楼栋', '幢数', 'buildings'],
  elderly_share: [
    '老年人占比',
    '老年人口占比',
    '老年人比例',
    '老龄化率',
    '60岁以上占比',
    'elderly_share',
  ],
  tenure: ['房屋性质', '产权性质', '小区性质', '房屋类型', 'tenure'],
  property_mgmt: [
    '物业管理',
    '物业管理方式',
    '物业管理模式',
    '物业服务',
    '物业类型',
    '物业模式',
    'property_mgmt',
  ],
  renovation_status: ['改造状态', '改造情况', '改造进度', '老旧小区改造', 'renovation_status'],
  members_full: ['正式党员', '正式党员数', '党员数', '党员人数', '党员', 'members_full', 'members'],
  members_probationary: ['预备党员', '预备党员数', 'members_probationary'],
  members_registered: ['在册党员', '在册党员数', '登记党员', 'members_registered'],
  members_in_service: ['在职党员', '在职党员数', '报到党员', '双报到党员', 'members_in_service'],
  members_retired: ['退休党员', '退休党员数', 'members_retired'],
  members_floating_in: ['流入党员', '流入党员数', 'members_floating_in'],
  members_floating_out: ['流出党员', '流出党员数', 'members_floating_out'],
  vanguard_team: ['党员先锋队', '先锋队', '先锋队名称', 'vanguard_team'],
  vanguard_size: ['先锋队人数', '先锋队规模', 'vanguard_size'],
  self_governance: ['自治组织', '自治组织类型', '自治组织情况', 'self_governance'],
  consultations: ['协商议事次数', '议事次数', '协商次数', 'consultations'],
  problems_logged: ['收集问题数', '问题数', '收集问题', 'problems_logged'],
  problems_closed: ['解决问题数', '已解决问题', '办结问题数', 'problems_closed'],
}

/** A header reduced to what matters for matching: no spaces, brackets, marks; snake_case. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC') // full-width brackets and letters to half-width
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2') // camelCase → snake_case
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s*:：#'"]/g, '')
    .replace(/-/g, '_')
}

const INDEX = new Map<string, { field: CompoundField; rank: number }>()
for (const field of COMPOUND_FIELDS) {
  for (const [rank, alias] of [...ALIASES[field], FIELD_LABELS[field]].entries()) {
    const key = normaliseHeader(alias)
    if (!INDEX.has(key)) INDEX.set(key, { field, rank })
  }
}

/** The field a header names, with the rank of the alias that matched (lower is better). */
export function fieldForHeader(header: string): { field: CompoundField; rank: number } | null {
  const key = normaliseHeader(header)
  const hit = INDEX.get(key)
  if (hit) return hit
  // DBF field names stop at 10 bytes: 'members_fu' still means members_full when unambiguous.
  if (key.length === 10 && /^[a-z_]+$/.test(key)) {
    const fields = COMPOUND_FIELDS.filter((f) => f.startsWith(key))
    if (fields.length === 1) return { field: fields[0]!, rank: 50 }
  }
  return null
}

/**
 * Proposes a mapping for a sheet's columns: each column to the field its header names, first claim
 * by best alias wins; columns in `ignore` (the geometry columns) are left out of both lists.
 */
export function suggestMapping(columns: string[], ignore: string[] = []): MappingSuggestion {
  const claims = new Map<CompoundField, { column: string; rank: number }>()
  for (const column of columns) {
    if (ignore.includes(column)) continue
    const hit = fieldForHeader(column)
    if (!hit) continue
    const prev = claims.get(hit.field)
    if (!prev || hit.rank < prev.rank) claims.set(hit.field, { column, rank: hit.rank })
  }
  const owner = new Map([...claims].map(([field, c]) => [c.column, field]))
  const mapping: ColumnMapping = {}
  const unmapped: string[] = []
  for (const column of columns) {
    if (ignore.includes(column)) continue
    const field = owner.get(column) ?? null
    mapping[column] = field
    if (!field) unmapped.push(column)
  }
  return { mapping, unmapped }
}
