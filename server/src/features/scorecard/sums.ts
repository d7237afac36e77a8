// Raw sums of an area (weight-free) and the Row the API answers (rates under one weight). Snapshots
// store Sums, so a series can be shown later under any weight.

export const WEIGHTS = ['compounds', 'households', 'residents'] as const
export type Weight = (typeof WEIGHTS)[number]

export const INDICATORS = ['organisation', 'example', 'station', 'funding', 'mechanisms'] as const
export type Indicator = (typeof INDICATORS)[number]

/** Sums of one weight over old compounds: the weight in total, and of those passing each test. */
export interface WeightSums {
  total: number
  organisation: number
  example: number
  station: number
  station2: number
  funding: number
  mechanisms: number
  allFive: number
  /** Σ weight × number of indicators passed. */
  passed: number
}

export const WEIGHT_SUM_KEYS = [
  'total',
  'organisation',
  'example',
  'station',
  'station2',
  'funding',
  'mechanisms',
  'allFive',
  'passed',
] as const satisfies readonly (keyof WeightSums)[]

/** Everything a Row is computed from; counts are of old compounds unless named otherwise. */
export interface Sums {
  /** All compounds, old or not. */
  compounds: number
  oldCompounds: number
  households: number
  residents: number
  elderly: number
  vanguardTeams: number
  consultations: number
  problemsSolved: number
  jointBranches: number
  standaloneBranches: number
  temporaryBranches: number
  instructors: number
  fundingYuan: number
  w: Record<Weight, WeightSums>
}

export const emptySums = (): Sums => ({
  compounds: 0,
  oldCompounds: 0,
  households: 0,
  residents: 0,
  elderly: 0,
  vanguardTeams: 0,
  consultations: 0,
  problemsSolved: 0,
  jointBranches: 0,
  standaloneBranches: 0,
  temporaryBranches: 0,
  instructors: 0,
  fundingYuan: 0,
  w: Object.fromEntries(
    WEIGHTS.map((k) => [k, Object.fromEntries(WEIGHT_SUM_KEYS.map((s) => [s, 0]))]),
  ) as unknown as Record<Weight, WeightSums>,
})

export type Bbox = [number, number, number, number]

export interface Targets {
  organisation: number
  example: number
  station: number
  funding: number
  mechanisms: number
  allFive: number
}

/** One line of a roll-up: an area (or a compound) with its counts and rates under a weight. */
export interface Row {
  id: string
  name: string
  level: string
  code: string
  bbox: Bbox | null
  compounds: number
  oldCompounds: number
  households: number
  residents: number
  elderly: number
  organised: number
  organisationCoverage: number | null
  stationCoverage: number | null
  stationCoverage2: number | null
  indicators: Record<Indicator, number | null>
  passed: Record<Indicator, number>
  allFive: number | null
  meanPassed: number | null
  jointBranches: number
  standaloneBranches: number
  temporaryBranches: number
  instructors: number
  vanguardTeams: number
  fundingYuan: number
  consultations: number
  problemsSolved: number
  targets?: Targets
}

export interface RowIdentity {
  id: string
  name: string
  level: string
  code: string
  bbox: Bbox | null
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)

/** A Row from sums: rates are Σ(weight × pass) / Σ weight over old compounds, null when that is 0. */
export function toRow(who: RowIdentity, s: Sums, weight: Weight, targets?: Targets): Row {
  const w = s.w[weight]
  const c = s.w.compounds
  const indicators = Object.fromEntries(INDICATORS.map((k) => [k, rate(w[k], w.total)])) as Record<
    Indicator,
    number | null
  >
  return {
    ...who,
    compounds: s.compounds,
    oldCompounds: s.oldCompounds,
    households: s.households,
    residents: s.residents,
    elderly: s.elderly,
    organised: c.organisation,
    organisationCoverage: indicators.organisation,
    stationCoverage: indicators.station,
    stationCoverage2: rate(w.station2, w.total),
    indicators,
    passed: Object.fromEntries(INDICATORS.map((k) => [k, c[k]])) as Record<Indicator, number>,
    allFive: rate(w.allFive, w.total),
    meanPassed: rate(w.passed, w.total),
    jointBranches: s.jointBranches,
    standaloneBranches: s.standaloneBranches,
    temporaryBranches: s.temporaryBranches,
    instructors: s.instructors,
    vanguardTeams: s.vanguardTeams,
    fundingYuan: s.fundingYuan,
    consultations: s.consultations,
    problemsSolved: s.problemsSolved,
    ...(targets ? { targets } : {}),
  }
}
