// The dashboard's targets, in one place with their sources. Rates are the Chengdu results the
// programme published after one year (../../../../../shared/DOMAIN.md "Published results"); counts
// are the published city totals pro-rated to an area by its share of the city's old compounds.
import type { RollupRow } from '../../api/scorecard-types.ts'

/** Old compounds in Chengdu (DOMAIN.md: "about 11,000 are old compounds"): the base of pro-rating. */
export const CITY_OLD_COMPOUNDS = 11_000

export interface RateTarget {
  kind: 'rate'
  /** 0..1 */
  value: number
  source: { zh: string; en: string }
}

export interface CountTarget {
  kind: 'count'
  /** The published city total, pro-rated by old compounds. */
  cityTotal: number
  source: { zh: string; en: string }
}

export interface FundingTarget {
  kind: 'funding'
  source: { zh: string; en: string }
}

export type Target = RateTarget | CountTarget | FundingTarget

export const HEADLINE_KEYS = [
  'organisationCoverage',
  'stationCoverage',
  'jointBranches',
  'instructors',
  'vanguardTeams',
  'fundingYuan',
  'consultations',
  'problemsSolved',
] as const
export type HeadlineKey = (typeof HEADLINE_KEYS)[number]

const PRO_RATA = {
  zh: '按本区域老旧小区数占全市约 11,000 个的比例折算',
  en: "pro-rated by the area's share of the city's ~11,000 old compounds",
}

export const TARGETS: Record<HeadlineKey, Target> = {
  organisationCoverage: {
    kind: 'rate',
    value: 0.87,
    source: {
      zh: '公开发布：一年后老旧小区党组织覆盖率达 87%',
      en: 'Published: 87% after one year',
    },
  },
  stationCoverage: {
    kind: 'rate',
    value: 0.35,
    source: { zh: '公开发布：阵地覆盖率由 15% 提高到 35%', en: 'Published: from 15% to 35%' },
  },
  jointBranches: {
    kind: 'count',
    cityTotal: 1276,
    source: {
      zh: `公开发布：组建联合党支部 1,276 个，${PRO_RATA.zh}`,
      en: `Published: 1,276 joint branches, ${PRO_RATA.en}`,
    },
  },
  instructors: {
    kind: 'count',
    cityTotal: 511,
    source: {
      zh: `公开发布：向 511 个散居小区派驻党建指导员，${PRO_RATA.zh}`,
      en: `Published: instructors in 511 scattered compounds, ${PRO_RATA.en}`,
    },
  },
  vanguardTeams: {
    kind: 'count',
    cityTotal: 2673,
    source: {
      zh: `公开发布：党员先锋队 2,673 支，${PRO_RATA.zh}`,
      en: `Published: 2,673 vanguard teams, ${PRO_RATA.en}`,
    },
  },
  fundingYuan: {
    kind: 'funding',
    source: {
      zh: '规则：每个已有党组织的老旧小区当年经费不少于设置的下限（默认 1,000 元）',
      en: 'Rule: each organised old compound receives at least the set minimum (default 1,000 yuan) a year',
    },
  },
  consultations: {
    kind: 'count',
    cityTotal: 9921,
    source: {
      zh: `公开发布：协商议事 9,921 次，${PRO_RATA.zh}`,
      en: `Published: 9,921 consultations, ${PRO_RATA.en}`,
    },
  },
  problemsSolved: {
    kind: 'count',
    cityTotal: 8338,
    source: {
      zh: `公开发布：解决群众问题 8,338 件，${PRO_RATA.zh}`,
      en: `Published: 8,338 problems solved, ${PRO_RATA.en}`,
    },
  },
}

/** The target of `key` for `row` (a rate 0..1 or a count), or null when it cannot be set. */
export function targetFor(key: HeadlineKey, row: RollupRow, fundingYuan: number): number | null {
  const target = TARGETS[key]
  if (target.kind === 'rate') return target.value
  if (target.kind === 'funding') return row.organised * fundingYuan
  if (!(row.oldCompounds > 0)) return null
  return Math.max(1, Math.round((target.cityTotal * row.oldCompounds) / CITY_OLD_COMPOUNDS))
}

/** The value of a headline figure in `row`; null when unknown. */
export function headlineValue(key: HeadlineKey, row: RollupRow): number | null {
  const v = row[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}
