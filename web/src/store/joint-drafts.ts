// The draft plan: candidates the planner accepted, kept in the page until plans exist on the
// server (the planner tools issue). A compound belongs to at most one draft branch, so accepting
// a candidate that overlaps an accepted one is refused rather than silently merged.
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson'
import type { AreaRef } from '../api/types.ts'
import type { JointCandidate, JointRules } from '../api/joint-types.ts'

export interface DraftBranch {
  /** The candidate's compound ids, sorted and joined: the same group from any run has one key. */
  key: string
  /** The candidate's number in its run (联合N), for the planner to find it on the map. */
  number: number
  area: AreaRef
  rules: JointRules
  candidate: JointCandidate
}

export type CandidateState = 'open' | 'accepted' | 'conflict'

/** The identity of a group of compounds, whatever order the solver listed them in. */
export const groupKey = (compoundIds: ReadonlyArray<number>): string =>
  [...compoundIds].sort((a, b) => a - b).join(',')

/** compound id → key of the draft holding it. */
export type DraftIndex = ReadonlyMap<number, string>

/** Indexes the drafts by compound, for checking many candidates at once. */
export function indexDrafts(drafts: ReadonlyArray<DraftBranch>): DraftIndex {
  const index = new Map<number, string>()
  for (const d of drafts) for (const id of d.candidate.compoundIds) index.set(id, d.key)
  return index
}

/** Whether a candidate is already in the draft, overlaps a draft, or can be accepted. */
export function candidateState(candidate: JointCandidate, index: DraftIndex): CandidateState {
  const key = groupKey(candidate.compoundIds)
  let overlaps = false
  for (const id of candidate.compoundIds) {
    const holder = index.get(id)
    if (holder === key) return 'accepted'
    if (holder !== undefined) overlaps = true
  }
  return overlaps ? 'conflict' : 'open'
}

export interface Acceptance {
  candidate: JointCandidate
  /** 1-based number in its run. */
  number: number
}

/** The drafts after accepting `items` of one run; accepted or overlapping ones are skipped. */
export function acceptCandidates(
  drafts: ReadonlyArray<DraftBranch>,
  items: ReadonlyArray<Acceptance>,
  area: AreaRef,
  rules: JointRules,
): DraftBranch[] {
  const index = new Map(indexDrafts(drafts))
  const next = [...drafts]
  for (const { candidate, number } of items) {
    if (candidateState(candidate, index) !== 'open') continue
    const key = groupKey(candidate.compoundIds)
    next.push({ key, number, area, rules, candidate })
    for (const id of candidate.compoundIds) index.set(id, key)
  }
  return next.length === drafts.length ? (drafts as DraftBranch[]) : next
}

/** The drafts without the one of `key`. */
export const removeDraft = (drafts: ReadonlyArray<DraftBranch>, key: string): DraftBranch[] =>
  drafts.filter((d) => d.key !== key)

export interface DraftFeatureProps {
  status: 'draft'
  number: number
  areaId: string
  areaName: string
  compoundIds: number[]
  members: number
  households: number
  communityIds: string[]
  radiusM: number
  centre: [number, number]
  rules: JointRules
}

/** The draft plan as GeoJSON (EPSG:4326), one feature per branch outlined by its compounds. */
export function draftsToGeoJson(
  drafts: ReadonlyArray<DraftBranch>,
): FeatureCollection<MultiPolygon, DraftFeatureProps> {
  return {
    type: 'FeatureCollection',
    features: drafts.map((d): Feature<MultiPolygon, DraftFeatureProps> => ({
      type: 'Feature',
      geometry: d.candidate.outline,
      properties: {
        status: 'draft',
        number: d.number,
        areaId: d.area.id,
        areaName: d.area.name,
        compoundIds: [...d.candidate.compoundIds],
        members: d.candidate.members,
        households: d.candidate.households,
        communityIds: [...d.candidate.communityIds],
        radiusM: d.candidate.radiusM,
        centre: d.candidate.centre,
        rules: d.rules,
      },
    })),
  }
}
