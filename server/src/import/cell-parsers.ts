// Spreadsheet cells as people type them, read into ledger values: '1998年', '1990年代', '500户',
// '1.2万', '35%', '专业物业', '院委会、业委会'. Range checks are left to the zod schemas.
import {
  PROPERTY_MGMTS,
  RENOVATION_STATUSES,
  SELF_GOVERNANCE_BODIES,
  TENURES,
  VALUE_LABELS,
  type CompoundField,
} from './compound-schema.ts'
import type { IssueCode } from './messages.ts'

export type CellResult =
  | { value: unknown; repair?: { code: IssueCode; params: Record<string, string | number> } }
  | { error: { code: IssueCode; params: Record<string, string | number> } }

/** True for cells that mean "no value": empty, whitespace, dashes, Amap's empty array. */
export const isEmptyCell = (v: unknown) =>
  v === null ||
  v === undefined ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'string' && /^\s*([-—–/\\]+)?\s*$/.test(v))

const show = (v: unknown) =>
  v instanceof Date
    ? v.toISOString().slice(0, 10)
    : typeof v === 'object'
      ? JSON.stringify(v)
      : String(v)
const clean = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, '')

// Numbers written with thousands separators, a 万 multiplier and a unit.
function number(raw: unknown, units: RegExp): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null
  if (typeof raw !== 'string') return null
  let s = clean(raw).replace(/,/g, '').replace(units, '')
  let scale = 1
  if (s.endsWith('万')) {
    scale = 10_000
    s = s.slice(0, -1)
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null
  return Math.round(Number(s) * scale * 1e9) / 1e9
}

const COUNT_UNITS = /(户|人|栋|幢|名|个|次|件|套|座|处|支)$/
const AREA_UNITS = /(㎡|m2|m²|平方米|平米|平)$/i

function count(raw: unknown): CellResult {
  if (typeof raw === 'string' && clean(raw) === '无') return { value: 0 }
  const n = number(raw, COUNT_UNITS)
  if (n === null || n < 0 || !Number.isInteger(n))
    return { error: { code: 'NOT_NON_NEGATIVE_INTEGER', params: { value: show(raw) } } }
  return { value: n }
}

function area(raw: unknown): CellResult {
  const n = number(raw, AREA_UNITS)
  if (n === null || n < 0)
    return { error: { code: 'NOT_NON_NEGATIVE_NUMBER', params: { value: show(raw) } } }
  return { value: n }
}

function year(raw: unknown): CellResult {
  if (raw instanceof Date) return { value: raw.getUTCFullYear() }
  if (typeof raw === 'number')
    return Number.isInteger(raw)
      ? { value: raw }
      : { error: { code: 'NOT_A_YEAR', params: { value: show(raw) } } }
  const s = clean(String(raw))
  const decade = /^(\d{2}|\d{4})(年代(初|中|末|中期|初期|末期)?|s)$/i.exec(s)
  if (decade) {
    const d = Number(decade[1])
    const y = decade[1]!.length === 4 ? d : d >= 30 ? 1900 + d : 2000 + d
    return { value: y, repair: { code: 'YEAR_FROM_DECADE', params: { value: show(raw), year: y } } }
  }
  const plain = /^(\d{4})(年.*|[-/.].*)?$/.exec(s)
  if (plain) return { value: Number(plain[1]) }
  return { error: { code: 'NOT_A_YEAR', params: { value: show(raw) } } }
}

function share(raw: unknown): CellResult {
  const bad = { error: { code: 'NOT_A_SHARE' as const, params: { value: show(raw) } } }
  if (typeof raw === 'string' && /[%％]\s*$/.test(raw)) {
    const n = number(raw.replace(/[%％]\s*$/, ''), /$^/)
    return n === null || n < 0 || n > 100 ? bad : { value: Math.round(n * 1e7) / 1e9 }
  }
  const n = number(raw, /$^/)
  if (n === null || n < 0 || n > 100) return bad
  if (n <= 1) return { value: n }
  const v = Math.round(n * 1e7) / 1e9
  return {
    value: v,
    repair: { code: 'SHARE_FROM_PERCENT', params: { value: show(raw), share: v } },
  }
}

const TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '老旧', '老旧小区'])
const FALSE = new Set(['否', '无', '不是', 'n', 'no', 'false', '0', '×', '✗', '非老旧'])

function bool(raw: unknown): CellResult {
  if (typeof raw === 'boolean') return { value: raw }
  const s = clean(String(raw)).toLowerCase()
  if (TRUE.has(s)) return { value: true }
  if (FALSE.has(s)) return { value: false }
  return { error: { code: 'NOT_A_BOOLEAN', params: { value: show(raw) } } }
}

const SYNONYMS: Record<
  'tenure' | 'property_mgmt' | 'renovation_status' | 'self_governance',
  Record<string, string[]>
> = {
  tenure: {
    commercial: ['商品房', '商品住房', '商品'],
    public: ['公房', '直管公房', '公有住房', '公产房'],
    reformed: ['房改房', '房改'],
    resettlement: ['安置房', '拆迁安置房', '安置', '还房', '拆迁还房'],
    dorm: ['单位宿舍', '宿舍', '单位自建房', '单位房', '职工宿舍'],
  },
  property_mgmt: {
    professional: [
      '专业物业',
      '专业化物业',
      '专业物业公司',
      '物业公司',
      '市场化物业',
      '专业',
      '专业化',
    ],
    self: ['自管', '自治', '居民自管', '业主自管', '自治管理', '自行管理', '自管物业'],
    none: ['无物业', '无', '无人管理', '没有物业', '无物业管理'],
    street: ['街道兜底', '兜底', '社区兜底', '街道托管', '社区托管', '兜底物业', '政府兜底'],
    trust: ['信托制', '信托制物业', '信托物业', '信托'],
  },
  renovation_status: {
    not_needed: ['无需改造', '不需改造', '不需要改造', '无需'],
    done: ['已改造'],
    eligible: ['待改造', '可改造', '符合改造条件', '应改造', '纳入改造范围', '未改造'],
    planned: ['计划改造', '已列入计划', '列入计划', '拟改造', '已纳入计划'],
    in_progress: ['改造中', '正在改造', '在建', '施工中', '实施中'],
    completed: ['改造完成', '已完成', '已完工', '完成改造', '已竣工'],
  },
  self_governance: {
    residents_committee: ['院委会', '院落委员会', '院落自治委员会', '院落管委会'],
    owners_committee: ['业委会', '业主委员会'],
    council: ['议事会', '院落议事会', '居民议事会', '议事委员会'],
  },
}

const CODES = {
  tenure: TENURES,
  property_mgmt: PROPERTY_MGMTS,
  renovation_status: RENOVATION_STATUSES,
  self_governance: SELF_GOVERNANCE_BODIES,
}

function lookup(kind: keyof typeof SYNONYMS, text: string): string | null {
  const s = clean(text).toLowerCase()
  if ((CODES[kind] as readonly string[]).includes(s)) return s
  for (const [code, words] of Object.entries(SYNONYMS[kind])) if (words.includes(s)) return code
  return null
}

const allowed = (kind: keyof typeof SYNONYMS) =>
  Object.values<string>(VALUE_LABELS[kind]).join('、')

function oneOf(kind: 'tenure' | 'property_mgmt' | 'renovation_status', raw: unknown): CellResult {
  const code = lookup(kind, show(raw))
  return code
    ? { value: code }
    : { error: { code: 'UNKNOWN_VALUE', params: { value: show(raw), allowed: allowed(kind) } } }
}

function bodies(raw: unknown): CellResult {
  const parts = (Array.isArray(raw) ? raw.map(show) : show(raw).split(/[、,，;；/\s]+/)).filter(
    (p) => p && clean(p) !== '无',
  )
  const codes = new Set<string>()
  for (const p of parts) {
    const code = lookup('self_governance', p)
    if (!code)
      return {
        error: { code: 'UNKNOWN_VALUE', params: { value: p, allowed: allowed('self_governance') } },
      }
    codes.add(code)
  }
  return { value: SELF_GOVERNANCE_BODIES.filter((b) => codes.has(b)) }
}

function text(raw: unknown): CellResult {
  if (typeof raw === 'number')
    return { value: Number.isInteger(raw) ? raw.toFixed(0) : String(raw) }
  return { value: show(raw).trim() }
}

/** Reads one non-empty cell into the value a ledger field holds, or the reason it cannot. */
export function parseCell(field: CompoundField, raw: unknown): CellResult {
  switch (field) {
    case 'year_built':
      return year(raw)
    case 'is_old':
      return bool(raw)
    case 'site_area_m2':
      return area(raw)
    case 'elderly_share':
      return share(raw)
    case 'tenure':
    case 'property_mgmt':
    case 'renovation_status':
      return oneOf(field, raw)
    case 'self_governance':
      return bodies(raw)
    case 'households':
    case 'residents':
    case 'buildings':
    case 'members_full':
    case 'members_probationary':
    case 'members_registered':
    case 'members_in_service':
    case 'members_retired':
    case 'members_floating_in':
    case 'members_floating_out':
    case 'vanguard_size':
    case 'consultations':
    case 'problems_logged':
    case 'problems_closed':
      return count(raw)
    default:
      return text(raw)
  }
}
