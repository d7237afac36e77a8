/** Coverage status of a compound: DOMAIN.md's categories, as the compound_coverage view derives them. */
export const COVERAGE_STATUSES = [
  'standalone', // 单独组建
  'joint', // 纳入联合
  'temporary', // 临时党支部
  'instructor', // 已派指导员
  'should_build', // 应建未建: enough full members, no branch
  'few_members', // 仅个别党员
  'no_members', // 无党员
] as const

export type CoverageStatus = (typeof COVERAGE_STATUSES)[number]

/** Statuses in which a party organisation leads the compound (the 有党组织引领 indicator). */
export const ORGANISED_STATUSES: readonly CoverageStatus[] = [
  'standalone',
  'joint',
  'temporary',
  'instructor',
]

export const ORG_KINDS = ['standalone', 'joint', 'temporary', 'instructor'] as const
export type OrgKind = (typeof ORG_KINDS)[number]

export const AREA_LEVELS = ['city', 'district', 'street', 'community'] as const
export type AreaLevel = (typeof AREA_LEVELS)[number]
