// Shapes of POST /api/analysis/joint-branches (candidate joint branches for an area).
import type { MultiPolygon } from 'geojson'
import type { AreaRef, LngLat } from './types.ts'

/** The request; an omitted rule takes the server's setting, null switches a rule off. */
export interface JointRequest {
  area: string
  minMembers?: number
  maxCompounds?: number | null
  maxMembers?: number | null
  sameCommunity?: boolean
  radiusM?: number | null
  gapM?: number
  oldOnly?: boolean
  seed?: number
}

/** The rules the server actually applied (defaults filled in). */
export interface JointRules {
  minMembers: number
  maxCompounds: number | null
  maxMembers: number | null
  sameCommunity: boolean
  radiusM: number | null
  gapM: number
  oldOnly: boolean
}

export interface JointCandidate {
  compoundIds: number[]
  /** Full members of all its compounds. */
  members: number
  households: number
  communityIds: string[]
  /** Distance from the centre to the farthest member compound, metres. */
  radiusM: number
  centre: LngLat
  /** Union of its compounds. */
  outline: MultiPolygon
}

export const LEFTOVER_REASONS = [
  'isolated',
  'component_too_small',
  'community_too_small',
  'too_far',
  'exceeds_ceiling',
  'not_placed',
] as const
export type LeftoverReason = (typeof LEFTOVER_REASONS)[number]

export interface JointLeftover {
  compoundId: number
  reason: LeftoverReason
  /** The solver's explanation, in English. */
  detail: string
}

export interface JointStats {
  units: number
  coveredUnits: number
  groups: number
  components: number
  exactComponents: number
  provenOptimal: boolean
  timedOut: boolean
  ms: number
  queryMs: number
  solverMs: number
  workerMs: number
  totalMs: number
}

export interface JointResult {
  area: AreaRef
  rules: JointRules
  candidates: JointCandidate[]
  leftovers: JointLeftover[]
  /** Compounds with enough members to build a branch alone but none yet (应建未建). */
  shouldBuildAlone: number[]
  bound: { maxCoveredUnits: number; maxGroups: number; how: string }
  stats: JointStats
}
