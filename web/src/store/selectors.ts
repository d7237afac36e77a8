// Derived data shared by the map and the legend. Memoised on the identity of their inputs, so the
// ~20,000-feature passes run once per change, however many components ask.
import { useStore } from './index.ts'
import type { CompoundFeature, CoverageStatus } from '../api/types.ts'
import { communitiesWithin, type ParentIndex } from './area-index.ts'
import { selectedAreaId } from './area-path.ts'
import { dataOf } from './async.ts'
import { countByStatus, type StatusCounts } from './status-counts.ts'

const NO_FEATURES: CompoundFeature[] = []
const NO_PARENTS: ParentIndex = new Map()

/** Remembers the last result of `fn` and recomputes only when an argument changes identity. */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null
  let last: R
  return (...args: A) => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => a === lastArgs![i]))
      return last
    lastArgs = args
    last = fn(...args)
    return last
  }
}

const communityIdsOf = memoLast((features: CompoundFeature[]) => {
  const ids = new Set<string>()
  for (const f of features) ids.add(f.properties.communityId)
  return ids
})

export interface AreaRestriction {
  /** Communities of the chosen area, or null for no restriction. */
  inside: ReadonlySet<string> | null
  /** Changes exactly when `inside` does; used as deck's updateTrigger. */
  key: string
}

const restrictionOf = memoLast(
  (areaId: string | null, features: CompoundFeature[], parents: ParentIndex): AreaRestriction => {
    const inside = communitiesWithin(areaId, communityIdsOf(features), parents)
    return { inside, key: inside ? `${areaId}:${parents.size}:${features.length}` : 'all' }
  },
)

const visibleOf = memoLast((features: CompoundFeature[], hidden: CoverageStatus[]) =>
  hidden.length === 0 ? features : features.filter((f) => !hidden.includes(f.properties.status)),
)

const countsOf = memoLast((features: CompoundFeature[], r: AreaRestriction): StatusCounts =>
  countByStatus(features, r.inside),
)

export const useFeatures = () => useStore((s) => dataOf(s.compounds)?.features ?? NO_FEATURES)

export function useRestriction(): AreaRestriction {
  const features = useFeatures()
  const areaId = useStore((s) => selectedAreaId(s.areaPath))
  const parents = useStore((s) => dataOf(s.hierarchy) ?? NO_PARENTS)
  return restrictionOf(areaId, features, parents)
}

/** The compounds the map draws: all of them, less the statuses hidden in the legend. */
export function useVisibleFeatures(): CompoundFeature[] {
  const features = useFeatures()
  const hidden = useStore((s) => s.hiddenStatuses)
  return visibleOf(features, hidden)
}

/** Compounds per status inside the chosen area, for the legend. */
export function useStatusCounts(): StatusCounts {
  return countsOf(useFeatures(), useRestriction())
}

/** compound id → feature, built once per compounds answer. */
export const byIdOf = memoLast(
  (features: CompoundFeature[]) => new Map(features.map((f) => [f.properties.id, f])),
)

/** A compound's feature by id, or null. */
export function useFeature(id: number | null): CompoundFeature | null {
  const features = useFeatures()
  return id === null ? null : (byIdOf(features).get(id) ?? null)
}
