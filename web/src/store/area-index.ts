// Which community lies in which street and district, learned from the boundary collections the map
// loads anyway. Lets the map and legend restrict ~20,000 compounds to an area without a request.
import type { AreaFeatureProps } from '../api/types.ts'

/** area id → parent id (null for the city). */
export type ParentIndex = ReadonlyMap<string, string | null>

/** Builds the parent index from any number of area lists (features' properties or summaries). */
export function buildParentIndex(
  lists: ReadonlyArray<ReadonlyArray<AreaFeatureProps>>,
): ParentIndex {
  const index = new Map<string, string | null>()
  for (const list of lists) for (const a of list) index.set(a.id, a.parentId)
  return index
}

/** True when `areaId` is `ancestorId` or lies under it; unknown links count as outside. */
export function isWithin(areaId: string, ancestorId: string, parents: ParentIndex): boolean {
  let current: string | null | undefined = areaId
  // The bound guards against a cycle in bad data; real hierarchies have four levels.
  for (let step = 0; current && step < 16; step++) {
    if (current === ancestorId) return true
    current = parents.get(current)
  }
  return false
}

/**
 * The community ids inside an area, or null meaning "no restriction" (the whole city, or an area
 * whose hierarchy is not loaded yet, so that nothing is dimmed by mistake).
 */
export function communitiesWithin(
  areaId: string | null,
  communityIds: Iterable<string>,
  parents: ParentIndex,
): ReadonlySet<string> | null {
  if (areaId === null || !parents.has(areaId)) return null
  if (parents.get(areaId) === null) return null
  const inside = new Set<string>()
  for (const id of communityIds) if (isWithin(id, areaId, parents)) inside.add(id)
  return inside
}
