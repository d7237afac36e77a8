/**
 * Plain, serialisable input and output of the station siting solver (issue 7). Coordinates are planar
 * metres in a local frame the caller chooses (e.g. EPSG:4544 or `toLocalMetres`); ids are opaque strings.
 */

/** A place that needs a station: usually an old compound, weighted by households, residents or elderly. */
export interface DemandPoint {
  id: string
  /** Easting (m). */
  x: number
  /** Northing (m). */
  y: number
  /** What coverage counts: households, residents or elderly residents. Non-negative. */
  weight: number
  /** Households, the unit of station capacity; defaults to `weight`. */
  households?: number
}

/** A station that already exists: always open, uncapacitated, covers everything it reaches. */
export interface ExistingStation {
  id: string
  x: number
  y: number
}

/** A site where a new station could open. */
export interface CandidateSite {
  id: string
  x: number
  y: number
  /** Households one station here can serve; absent means unlimited. */
  capacity?: number
}

/** Fields every model shares. */
export interface SitingCommon {
  demand: DemandPoint[]
  candidates: CandidateSite[]
  existing?: ExistingStation[]
  /** Walking distance (m) within which a station covers a demand point, inclusive. Default 300. */
  serviceM?: number
  /** Walking distance = straight-line distance × this factor. Default 1.3. */
  detourFactor?: number
}

/** Maximal covering: open at most k new stations to cover the most demand weight not yet covered. */
export interface MaxCoverProblem extends SitingCommon {
  model: 'max-cover'
  k: number
}

/** Set covering: fewest new stations so that coverage, existing included, reaches targetShare of weight. */
export interface SetCoverProblem extends SitingCommon {
  model: 'set-cover'
  /** Share of total demand weight to cover, in (0, 1]. */
  targetShare: number
}

/**
 * p-median: open at most k new stations to minimise Σ weight × walking distance to the nearest open
 * station (existing or new) within maxDistanceM; demand with none that near counts at unservedPenaltyM.
 */
export interface PMedianProblem extends SitingCommon {
  model: 'p-median'
  k: number
  /** Farthest walk (m) that counts as served. Default serviceM. */
  maxDistanceM?: number
  /** Distance (m) charged to demand served by no station within maxDistanceM. Default maxDistanceM. */
  unservedPenaltyM?: number
}

export type SitingProblem = MaxCoverProblem | SetCoverProblem | PMedianProblem
export type SitingModel = SitingProblem['model']

export type SitingMethod = 'exact' | 'heuristic'

/** How to solve. Every field is optional. */
export interface SolveOptions {
  /** 'auto' (default) solves exactly when the model is small enough, else heuristically. */
  method?: 'auto' | SitingMethod
  /** Wall-clock budget (s) for the MILP solver and for the LP bound. Default 10. */
  timeLimitS?: number
  /** Largest MILP (matrix non-zeros) that 'auto' sends to the exact solver. Default 400,000. */
  exactMaxNonZeros?: number
  /** Relative MIP gap at which the exact solver may stop. Default 1e-6. */
  mipRelGap?: number
  /** Iterated-local-search rounds of the heuristic; default scales with size, 50–300. */
  heuristicRounds?: number
}

/** Coverage within serviceM by all open stations. */
export interface Coverage {
  /** Demand points covered. */
  count: number
  /** Their weight. */
  weight: number
  /** weight / total weight, in [0, 1]. */
  share: number
  /** count / number of demand points, in [0, 1]. */
  countShare: number
}

/** One chosen site and the demand it serves. */
export interface SiteCatchment {
  id: string
  /** Demand points served by this site (nearest open station, or the solver's assignment under capacity). */
  demandIds: string[]
  /** Their weight. */
  weight: number
  /** Their households (the capacity unit). */
  households: number
  capacity: number | null
}

/** Where each demand point stands after the answer. */
export interface DemandOutcome {
  id: string
  /** Within serviceM of an existing station. */
  coveredByExisting: boolean
  /** Within serviceM of an open station (existing or chosen) after the answer; under capacity, assigned. */
  covered: boolean
  /** The station serving it (existing or chosen id), or null. */
  stationId: string | null
  /** Walking distance (m) to that station, or null. */
  walkM: number | null
}

/** One point of the coverage curve: coverage after n new stations. */
export interface CurvePoint {
  stations: number
  weight: number
  share: number
  /** Weight the n-th station added. */
  marginalWeight: number
}

export interface SitingResult {
  model: SitingModel
  method: SitingMethod
  /**
   * optimal: proven within mipRelGap; feasible: a valid answer whose quality is the gap;
   * infeasible: set covering target out of reach even with every candidate (see notes).
   */
  status: 'optimal' | 'feasible' | 'infeasible'
  /** Chosen candidate ids, in the order the greedy curve would add them. */
  chosen: string[]
  sites: SiteCatchment[]
  before: Coverage
  after: Coverage
  /**
   * max-cover: weight newly covered by the new stations; set-cover: number of new stations;
   * p-median: Σ weight × walking metres (unserved demand at the penalty distance).
   */
  objective: number
  objectiveSense: 'max' | 'min'
  /** Upper bound on the optimum for max-cover, lower bound for set-cover and p-median. */
  bound: number
  /** milp: branch-and-bound dual bound; lp: LP relaxation; combinatorial: a cheap counting bound. */
  boundSource: 'milp' | 'lp' | 'combinatorial'
  /** |bound − objective| / max(|bound|, |objective|): the answer is within this share of the optimum. */
  gap: number
  ms: number
  timings: { reachMs: number; heuristicMs: number; exactMs: number; boundMs: number }
  /** Coverage after the best 1..n new stations chosen greedily one at a time (a greedy curve, not optima). */
  curve: CurvePoint[]
  demand: DemandOutcome[]
  /** Set covering when infeasible: the share of total weight reachable with every candidate open. */
  maxAchievableShare?: number
  /** Plain-language remarks: fewer useful sites than k, time limit hit, which bound was used. */
  notes: string[]
}
