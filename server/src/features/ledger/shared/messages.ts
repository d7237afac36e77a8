// Messages of the database step of an import and of edits, in the import core's shape: a stable
// code, its parameters, Chinese (what the page shows) and English. Row messages start "第N行 列名:".
import type { CompoundField, ImportIssue } from '../../../import/index.ts'

type IssueParams = ImportIssue['params']

type Template = (p: IssueParams) => string
const T = (zh: Template, en: Template) => ({ zh, en })
const row = (p: IssueParams) => (p.column ? `第${p.row}行 ${p.column}: ` : `第${p.row}行: `)
const rowEn = (p: IssueParams) => (p.column ? `row ${p.row} ${p.column}: ` : `row ${p.row}: `)
const where = (p: IssueParams) =>
  [p.district, p.street].filter(Boolean).length > 0
    ? `(${[p.district, p.street].filter(Boolean).join(' ')})`
    : ''

const MESSAGES = {
  COMMUNITY_NOT_FOUND: T(
    (p) => `${row(p)}找不到社区 '${p.value}'${where(p)}; 请填写社区名称或 12 位社区编码`,
    (p) => `${rowEn(p)}no community '${p.value}'${where(p)}; give its name or 12-digit code`,
  ),
  COMMUNITY_AMBIGUOUS: T(
    (p) =>
      `${row(p)}社区名 '${p.value}' 对应 ${p.count} 个社区; 请同时填写街道、区县,或改填 12 位社区编码`,
    (p) =>
      `${rowEn(p)}community name '${p.value}' matches ${p.count} communities; add the street and district, or give the 12-digit code`,
  ),
  COMMUNITY_REQUIRED: T(
    (p) => `${row(p)}新小区须有所属社区(或在导入时指定默认社区)`,
    (p) => `${rowEn(p)}a new compound needs a community (or a default community for the import)`,
  ),
  GEOMETRY_REQUIRED: T(
    (p) => `${row(p)}新小区须有边界或坐标; 编码 '${p.code}' 在库中不存在,无法按编码沿用图形`,
    (p) =>
      `${rowEn(p)}a new compound needs a boundary or coordinates; code '${p.code}' is not in the database to take them from`,
  ),
  GEOMETRY_UNREPAIRABLE: T(
    (p) => `${row(p)}面无效且修复后为空 (${p.reason})`,
    (p) => `${rowEn(p)}the polygon is invalid and empty once repaired (${p.reason})`,
  ),
  GEOMETRY_REPAIRED: T(
    (p) => `${row(p)}面无效 (${p.reason}),已用 ST_MakeValid 修复`,
    (p) => `${rowEn(p)}the polygon was invalid (${p.reason}); repaired with ST_MakeValid`,
  ),
  BOUNDARY_REPAIRED: T(
    (p) => `边界: 面无效 (${p.reason}),已用 ST_MakeValid 修复`,
    (p) => `boundary: the polygon was invalid (${p.reason}); repaired with ST_MakeValid`,
  ),
  POINT_IGNORED: T(
    (p) => `${row(p)}该小区已有边界,点坐标未使用`,
    (p) => `${rowEn(p)}the compound already has a boundary; the point was not used`,
  ),
  NO_BOUNDARY: T(
    (p) => `${p.count} 个小区只有点坐标,没有边界(标记为"无边界")`,
    (p) => `${p.count} compounds have only a point, no boundary (flagged "no boundary")`,
  ),
} as const

export type LedgerIssueCode = keyof typeof MESSAGES

/** A message with its code, parameters and both languages. */
export interface LedgerIssue {
  code: string
  params: IssueParams
  zh: string
  en: string
}

/** A row message as the import report lists it and rejected.csv holds it. */
export interface LedgerRowIssue extends LedgerIssue {
  rowNumber: number
  column: string | null
  field: CompoundField | null
}

/** Builds a message from its code and parameters. */
export function ledgerIssue(code: LedgerIssueCode, params: IssueParams = {}): LedgerIssue {
  const m = MESSAGES[code]
  return { code, params, zh: m.zh(params), en: m.en(params) }
}

/** Builds a row message: row number and column go into the text as well. */
export function rowIssue(
  code: LedgerIssueCode,
  rowNumber: number,
  column: string | null,
  field: CompoundField | null,
  params: IssueParams = {},
): LedgerRowIssue {
  return {
    ...ledgerIssue(code, { row: rowNumber, column: column ?? '', ...params }),
    rowNumber,
    column,
    field,
  }
}
