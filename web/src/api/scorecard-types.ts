// Shapes of the scorecard API (server/src/features/scorecard): the "四有一化" indicators per
// compound, their roll-ups per area, gap hot spots and dated snapshots.
import type { AreaLevel, Bbox } from './types.ts'

/** The five "四有一化" indicators, in the order of the action plan (DOMAIN.md). */
export const INDICATORS = ['organisation', 'example', 'station', 'funding', 'mechanisms'] as const
export type Indicator = (typeof INDICATORS)[number]

/** What a share is weighted by: each compound counts once, or by its households or residents. */
export const WEIGHTS = ['compounds', 'households', 'residents'] as const
export type Weight = (typeof WEIGHTS)[number]

/** Per-compound gap measures the maps can draw. */
export const GAP_MEASURES = [
  'uncoveredHouseholds',
  'elderlyWithoutStation',
  'failedIndicators',
] as const
export type GapMeasure = (typeof GAP_MEASURES)[number]

export type RollupLevel = AreaLevel | 'compound'

/** One area's (or, below a community, one compound's) roll-up; rates are 0..1 under the weight. */
export interface RollupRow {
  id: string
  name: string
  level: RollupLevel
  code: string
  bbox: Bbox | null
  compounds: number
  oldCompounds: number
  households: number
  residents: number
  elderly: number
  organised: number
  /** Rates are over old compounds; null when the area has none (or the weight sums to 0). */
  organisationCoverage: number | null
  stationCoverage: number | null
  /** Station coverage with the second ring (default 500 m). */
  stationCoverage2: number | null
  indicators: Record<Indicator, number | null>
  /** Old compounds passing each indicator. */
  passed?: Record<Indicator, number>
  /** Share meeting all five indicators. */
  allFive: number | null
  /** Mean number of indicators met, 0..5. */
  meanPassed: number | null
  jointBranches: number
  standaloneBranches: number
  temporaryBranches?: number
  instructors: number
  vanguardTeams: number
  fundingYuan: number
  consultations: number
  problemsSolved: number
}

export interface RollupArea {
  id: string
  name: string
  level: AreaLevel
  code: string
  parentId: string | null
}

export interface Rollup {
  area: RollupArea
  /** City first, ending with the area itself. */
  path: { id: string; name: string; level: AreaLevel }[]
  weight: Weight
  settings: { stationWalkM: number; secondRingM: number; fundingYuan: number; year?: number }
  totals: RollupRow
  children: RollupRow[]
}

export interface IndicatorResult {
  pass: boolean
  /** A reason code (server/src/features/scorecard/README.md), named in words by the page. */
  reason: string
  /** station: the nearest station within the second ring (0: its own), else null. */
  distanceM?: number | null
  /** funding: the best organisation's total this year. */
  yuan?: number | null
  /** example: the vanguard team's headcount and in-service members who reported home. */
  vanguardSize?: number | null
  inService?: number | null
  /** mechanisms: self-governance bodies and consultations held. */
  bodies?: string[] | null
  consultations?: number | null
}

export interface ScorecardCompound {
  id: number
  code: string
  name: string
  lng: number
  lat: number
  households: number
  residents: number
  elderly: number
  /** Indicators met, 0..5. */
  passed: number
  indicators: Record<Indicator, IndicatorResult>
  measures: Record<GapMeasure, number>
}

/** One compound asked for by id: also whether it is old and where it lies. */
export interface CompoundScorecardDetail extends ScorecardCompound {
  isOld: boolean
  communityId: string
  path: { id: string; name: string; level: AreaLevel }[]
}

export type HotspotClass = 'hot99' | 'hot95' | 'hot90' | 'none' | 'cold90' | 'cold95' | 'cold99'

export interface HotspotPoint {
  id: number
  lng: number
  lat: number
  value: number
  z: number
  p: number
  class: HotspotClass
}

export interface Hotspots {
  measure: GapMeasure
  bandM: number
  n: number
  compounds: HotspotPoint[]
}

export interface Snapshot {
  id: number
  takenAt: string
  kind: 'manual' | 'monthly' | string
  note?: string | null
  totals: RollupRow
}

export interface SnapshotSeries {
  area: unknown
  series: Snapshot[]
}
