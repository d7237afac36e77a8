// Shapes of POST /api/analysis/siting (where new 党群服务站 cover the most demand).
import type { AreaRef, LngLat } from './types.ts'

export const SITING_MODELS = ['max-cover', 'set-cover', 'p-median'] as const
export type SitingModel = (typeof SITING_MODELS)[number]

export const SITING_WEIGHTS = ['households', 'residents', 'elderly'] as const
export type SitingWeight = (typeof SITING_WEIGHTS)[number]

export const SITING_SOURCES = ['compounds', 'points', 'both'] as const
export type SitingSource = (typeof SITING_SOURCES)[number]

export const SITING_METHODS = ['auto', 'exact', 'heuristic'] as const
export type SitingMethodChoice = (typeof SITING_METHODS)[number]

/** The request; omitted fields take the server's defaults (300 m, detour 1.3, households, …). */
export interface SitingRequest {
  area: string
  model: SitingModel
  /** New stations to open (max-cover, p-median). */
  k?: number
  /** Share of demand weight to reach, existing stations included (set-cover), in (0, 1]. */
  targetShare?: number
  serviceM?: number
  detourFactor?: number
  weight?: SitingWeight
  oldOnly?: boolean
  /** Only compounds without a station today. */
  onlyFailing?: boolean
  candidates?: SitingSource
  /** Analyst-added candidate sites. */
  points?: LngLat[]
  capacityHouseholds?: number
  method?: SitingMethodChoice
  timeLimitS?: number
}

/** The request as the server applied it, defaults filled in. */
export type SitingParams = SitingRequest & { serviceM: number; detourFactor: number }

export interface SitingCatchment {
  compoundIds: number[]
  weight: number
  households: number
}

export interface ChosenSite {
  /** `c<compoundId>` for a compound, `p<index>` for an analyst point. */
  id: string
  kind: 'compound' | 'point'
  compoundId: number | null
  name: string
  location: LngLat
  catchment: SitingCatchment
}

export interface ExistingStation {
  id: number
  name: string
  location: LngLat
}

/** Coverage of the demand within the service distance. */
export interface SitingCoverage {
  count: number
  weight: number
  /** Share of total demand weight, 0..1. */
  share: number
  /** Share of demand compounds, 0..1. */
  countShare: number
}

/** Coverage after the best n new stations chosen greedily one at a time. */
export interface CurvePoint {
  stations: number
  weight: number
  share: number
  /** Weight the n-th station added. */
  marginalWeight: number
}

export interface SitingResult {
  area: AreaRef
  params: SitingParams
  model: SitingModel
  method: 'exact' | 'heuristic'
  status: 'optimal' | 'feasible' | 'infeasible'
  /** In the order the greedy curve would add them: rank = index + 1. */
  chosen: ChosenSite[]
  existingStations: ExistingStation[]
  before: SitingCoverage
  after: SitingCoverage
  coveredBefore: number[]
  coveredAfter: number[]
  uncovered: number[]
  objective: number
  objectiveSense: 'max' | 'min'
  bound: number
  boundSource: 'milp' | 'lp' | 'combinatorial'
  /** Relative gap to the bound, 0..1. */
  gap: number
  curve: CurvePoint[]
  /** Set covering out of reach: the most any choice could cover. */
  maxAchievableShare: number | null
  /** The solver's remarks, in English. */
  notes: string[]
  stats: { demand: number; candidates: number; existing: number; solverMs: number; totalMs: number }
}
