// The figures of a roll-up row the dashboard ranks, charts and colours by, and how to read them.
import { INDICATORS, type Indicator, type RollupRow } from '../api/scorecard-types.ts'

/** Rates (0..1) a choropleth can colour by. */
export const RATE_KEYS = [
  'organisationCoverage',
  'stationCoverage',
  'stationCoverage2',
  'allFive',
  ...INDICATORS,
] as const
export type RateKey = (typeof RATE_KEYS)[number]

/** Counts and amounts of a row. */
export const COUNT_KEYS = [
  'oldCompounds',
  'compounds',
  'households',
  'residents',
  'elderly',
  'jointBranches',
  'standaloneBranches',
  'instructors',
  'vanguardTeams',
  'fundingYuan',
  'consultations',
  'problemsSolved',
  'meanPassed',
] as const
export type CountKey = (typeof COUNT_KEYS)[number]

export type MeasureKey = RateKey | CountKey
export type SortKey = 'name' | MeasureKey

const isIndicator = (k: string): k is Indicator => (INDICATORS as readonly string[]).includes(k)

/** True for measures that are shares 0..1. */
export const isRate = (key: MeasureKey): key is RateKey =>
  (RATE_KEYS as readonly string[]).includes(key)

/** The value of `key` in `row` (a rate 0..1, or a count); NaN when the server left it out. */
export function valueOf(row: RollupRow, key: MeasureKey): number {
  const v = isIndicator(key) ? row.indicators?.[key] : row[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN
}

/** Rows ranked by `key` (ties and unknown values last, then by name), without touching `rows`. */
export function rankRows(rows: readonly RollupRow[], key: SortKey, desc: boolean): RollupRow[] {
  const byName = (a: RollupRow, b: RollupRow) => a.name.localeCompare(b.name, 'zh-CN')
  if (key === 'name') return [...rows].sort((a, b) => (desc ? -byName(a, b) : byName(a, b)))
  return [...rows].sort((a, b) => {
    const va = valueOf(a, key)
    const vb = valueOf(b, key)
    if (Number.isNaN(va) !== Number.isNaN(vb)) return Number.isNaN(va) ? 1 : -1
    if (va !== vb && !Number.isNaN(va)) return desc ? vb - va : va - vb
    return byName(a, b)
  })
}
