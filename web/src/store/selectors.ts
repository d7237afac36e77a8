// Derived data shared by the map and the legend. Memoised on the identity of their inputs, so the
// ~20,000-feature passes run once per change, however many components ask.
import { useStore } from './index.ts'
import type { CompoundFeature, CoverageStatus } from '../api/types.ts'
import { communitiesWithin, type ParentIndex } from './area-index.ts'
import { selectedAreaId } from './area-path.ts'
import { dataOf } from './async.ts'
import type { Hover } from './compounds-slice.ts'
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

/** The hovered tile feature as a list feature (no code or shape; the name once read, see hoverTileName). */
const tileFeatureOf = memoLast((hover: Hover | null, name: string): CompoundFeature | null => {
  if (!hover?.tile) return null
  const t = hover.tile
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: {
      id: hover.id,
      code: '',
      name,
      status: t.status,
      isOld: t.isOld,
      households: t.households,
      membersFull: t.members,
      communityId: t.communityId,
    },
  }
})

/**
 * A compound's feature by id, or null. In tile mode a compound outside the loaded list is known
 * only while hovered, from its tile's properties (enough for the tooltip's status and figures).
 */
export function useFeature(id: number | null): CompoundFeature | null {
  const features = useFeatures()
  // Re-renders only when the hovered tile feature is this compound, not on every pointer move.
  const tile = useStore((s) =>
    id !== null && s.hover?.id === id ? tileFeatureOf(s.hover, s.tileNames.get(id) ?? '') : null,
  )
  if (id === null) return null
  return byIdOf(features).get(id) ?? tile
}

/** True in tile mode when the chosen area (or the whole dataset) holds too many compounds to list. */
export const useListTooLarge = () => useStore((s) => s.compoundsPlan?.kind === 'none')

const allAreaIdsOf = memoLast((parents: ParentIndex) => [...parents.keys()])

const tileRestrictionOf = memoLast(
  (areaId: string | null, parents: ParentIndex): AreaRestriction => {
    // Every area id of the hierarchy: those inside that are not communities never match a
    // compound's communityId, so they cost nothing in the tile filter.
    const inside = communitiesWithin(areaId, allAreaIdsOf(parents), parents)
    return { inside, key: inside ? `${areaId}:${parents.size}` : 'all' }
  },
)

/** Tile mode's restriction: communities of the chosen area from the hierarchy, not the list. */
export function useTileRestriction(): AreaRestriction {
  const areaId = useStore((s) => selectedAreaId(s.areaPath))
  const parents = useStore((s) => dataOf(s.hierarchy) ?? NO_PARENTS)
  return tileRestrictionOf(areaId, parents)
}
