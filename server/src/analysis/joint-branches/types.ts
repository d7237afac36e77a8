/**
 * Plain data in and out of the joint-branch solver. Everything here survives `structuredClone` and
 * `JSON.stringify` (no Infinity, no Map), so the solver can run in a worker thread.
 */

/** A small compound that needs a joint branch: fewer full members than the floor and no live organisation. */
export interface JointUnit {
  id: number
  communityId: string
  /** Full (正式) party members living there. */
  membersFull: number
  households: number
  /** Centre of the compound in metres, in a local planar frame the caller projects to (e.g. EPSG:4544). */
  x: number
  y: number
}

/** Two units are neighbours: boundaries touch or lie within the street-gap tolerance (computed by the caller). */
export interface JointEdge {
  a: number
  b: number
}

/** The hard rules of one run; `null` switches a rule off. Defaults in `DEFAULT_JOINT_RULES` (DOMAIN.md). */
export interface JointRules {
  /** Floor: a group needs at least this many full members (> 0). */
  minMembers: number
  /** Ceiling on compounds per group (integer >= 1), or null for none. */
  maxCompounds: number | null
  /** Ceiling on full members per group, or null for none. */
  maxMembers: number | null
  /** All units of a group belong to one community. */
  sameCommunity: boolean
  /** Every member's centre lies within this many metres of the group centre, or null for none. */
  radiusM: number | null
}

/** DOMAIN.md defaults: floor 3 members, at most 5 compounds and 50 members, one community, 500 m radius. */
export const DEFAULT_JOINT_RULES: Readonly<JointRules> = Object.freeze({
  minMembers: 3,
  maxCompounds: 5,
  maxMembers: 50,
  sameCommunity: true,
  radiusM: 500,
})

/** Max-p regionalisation as in the literature: floor only, every other rule off. */
export const CLASSIC_MAXP_RULES: Readonly<Omit<JointRules, 'minMembers'>> = Object.freeze({
  maxCompounds: null,
  maxMembers: null,
  sameCommunity: false,
  radiusM: null,
})

export interface SolveOptions {
  /** Seed of every random choice; the same input, rules and seed give the same plan. Default 1. */
  seed?: number
  /**
   * Wall-clock cap (ms) on the improvement phase. The plan is always valid; if the cap cuts improvement
   * short, `stats.timedOut` is true and the plan may differ between machines. Default 10,000.
   */
  timeLimitMs?: number
  /**
   * A component (after the community split) of at most this many units whose plan falls short of the
   * counting bound gets a pruned exhaustive search that improves the plan or proves it optimal, within a
   * node budget; 0 leaves every such plan to local search alone. Default 80.
   */
  exactMaxUnits?: number
}

/** A candidate joint branch. */
export interface JointGroup {
  /** Unit ids, ascending. */
  unitIds: number[]
  members: number
  households: number
  /** Distinct community ids of the units, ascending (one entry when the community rule is on). */
  communityIds: string[]
  /** Group centre (m): the arithmetic mean of the member units' centres. */
  centre: { x: number; y: number }
  /** Largest distance (m) from the centre to a member unit's centre. */
  radiusM: number
}

/**
 * Why a unit is in no group, in order of precedence:
 * - `exceeds_ceiling`: its own members exceed the member ceiling, or every contiguous set reaching the
 *   floor breaks the compound or member ceiling;
 * - `isolated`: no neighbour at all;
 * - `component_too_small`: all units it connects to, across communities, hold fewer members than the floor;
 * - `community_too_small`: the same within its community (community rule on);
 * - `too_far`: a contiguous set reaching the floor exists but the radius rule blocks every one;
 * - `not_placed`: a valid group with it exists, but its possible partners serve other groups (or the check
 *   ran out of budget; `detail` says which).
 */
export type LeftoverReason =
  | 'exceeds_ceiling'
  | 'isolated'
  | 'component_too_small'
  | 'community_too_small'
  | 'too_far'
  | 'not_placed'

export interface JointLeftover {
  unitId: number
  reason: LeftoverReason
  /** One sentence for planners (English; the web translates by `reason`). */
  detail: string
}

/** Upper bounds that no valid plan can beat, so a result can be judged against them. */
export interface JointBound {
  /** Most units any valid plan can cover. */
  maxCoveredUnits: number
  /** Most groups any valid plan can form (whatever it covers). */
  maxGroups: number
  /** How the bound was obtained, for the report. */
  how: string
}

export interface JointStats {
  units: number
  coveredUnits: number
  groups: number
  /** Connected components (after the community split) whose members reach the floor. */
  components: number
  /**
   * Components whose plan is proven optimal in covered units and groups: it meets the counting bound, or
   * an exact search (dynamic programme or pruned exhaustive search) settled the component.
   */
  exactComponents: number
  /** True when every component that can hold a group is proven: no plan covers more or forms more groups. */
  provenOptimal: boolean
  /** True when the time limit stopped the improvement phase. */
  timedOut: boolean
  /** Solver wall time (ms). */
  ms: number
}

export interface JointResult {
  /** Ordered by community id, then smallest unit id. */
  groups: JointGroup[]
  /** Ordered by unit id. */
  leftovers: JointLeftover[]
  bound: JointBound
  stats: JointStats
}

/** Invalid input at the public boundary; `param` names the offending parameter for a 400 answer. */
export class JointInputError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message)
    this.name = 'JointInputError'
  }
}
