// Map data derived from the joint-branch result, memoised on the identity of its inputs so a
// city-wide result (about 1,300 candidates) is converted once, not on every render.
import type { JointResult } from '../api/joint-types.ts'
import type { CompoundFeature } from '../api/types.ts'
import { dashedOutline } from '../layers/dashes.ts'
import type { CandidateFeature } from '../layers/joint-candidates-layer.ts'
import type { LeftoverFeature } from '../layers/joint-leftovers-layer.ts'
import { dataOf } from './async.ts'
import { useStore } from './index.ts'
import { candidateState, indexDrafts, type DraftBranch } from './joint-drafts.ts'
import { byIdOf, memoLast, useFeatures } from './selectors.ts'

/** Dash and gap of leftover outlines on the ground, metres: dashed from street zoom up. */
const DASH_M = 18
const GAP_M = 10

const NO_CANDIDATES: CandidateFeature[] = []
const NO_LEFTOVERS: LeftoverFeature[] = []
const NO_COMPOUNDS: CompoundFeature[] = []

/** One feature per candidate, outlined by the union of its compounds. */
export const candidateFeaturesOf = memoLast(
  (result: JointResult | undefined): CandidateFeature[] =>
    result
      ? result.candidates.map((c, index) => ({
          type: 'Feature',
          geometry: c.outline,
          properties: { index, centre: c.centre },
        }))
      : NO_CANDIDATES,
)

/** Each leftover compound twice: its area for the tint, its dashed outline for the edge. */
export const leftoverFeaturesOf = memoLast(
  (result: JointResult | undefined, features: CompoundFeature[]): LeftoverFeature[] => {
    if (!result || result.leftovers.length === 0) return NO_LEFTOVERS
    const byId = byIdOf(features)
    const out: LeftoverFeature[] = []
    for (const { compoundId } of result.leftovers) {
      const f = byId.get(compoundId)
      if (!f) continue
      const properties = { compoundId }
      out.push({ type: 'Feature', geometry: f.geometry, properties })
      const outline = dashedOutline(f.geometry, DASH_M, GAP_M)
      if (outline.coordinates.length > 0)
        out.push({ type: 'Feature', geometry: outline, properties })
    }
    return out
  },
)

/** The compounds of candidate `selected`, or none. */
export const memberFeaturesOf = memoLast(
  (
    result: JointResult | undefined,
    selected: number | null,
    features: CompoundFeature[],
  ): CompoundFeature[] => {
    const candidate = selected === null ? undefined : result?.candidates[selected]
    if (!candidate) return NO_COMPOUNDS
    const byId = byIdOf(features)
    return candidate.compoundIds.flatMap((id) => byId.get(id) ?? [])
  },
)

export interface Accepted {
  indices: ReadonlySet<number>
  /** Changes exactly when `indices` does; deck's updateTrigger for the labels. */
  key: string
}

/** Which candidates of the result are already in the draft plan. */
export const acceptedOf = memoLast(
  (result: JointResult | undefined, drafts: DraftBranch[]): Accepted => {
    const indices = new Set<number>()
    if (result && drafts.length > 0) {
      const index = indexDrafts(drafts)
      result.candidates.forEach((c, i) => {
        if (candidateState(c, index) === 'accepted') indices.add(i)
      })
    }
    return { indices, key: [...indices].join(',') }
  },
)

/** The result to show: the last one (kept while a new run is on its way), only while planning. */
export const useJointResult = (): JointResult | undefined =>
  useStore((s) => (s.jointOpen ? dataOf(s.jointRun) : undefined))

export interface JointMapData {
  candidates: CandidateFeature[]
  leftovers: LeftoverFeature[]
  members: CompoundFeature[]
  selected: number | null
  accepted: Accepted
}

/** Everything the planning layers draw. */
export function useJointMapData(): JointMapData {
  const result = useJointResult()
  const features = useFeatures()
  const selected = useStore((s) => s.jointSelected)
  const drafts = useStore((s) => s.jointDrafts)
  return {
    candidates: candidateFeaturesOf(result),
    leftovers: leftoverFeaturesOf(result, features),
    members: memberFeaturesOf(result, selected, features),
    selected,
    accepted: acceptedOf(result, drafts),
  }
}
