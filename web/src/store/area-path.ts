// The cascade of the area picker: district → street → community. Choosing at one level clears the
// levels below it; the deepest choice is the area the page reports on (none chosen: the city).
import type { AreaDetail, AreaLevel } from '../api/types.ts'

export const PICKER_LEVELS = ['district', 'street', 'community'] as const
export type PickerLevel = (typeof PICKER_LEVELS)[number]

/** Area ids chosen so far, district first. */
export type AreaPath = ReadonlyArray<string>

/** The path after choosing `id` at `level` (null clears that level and those below). */
export function choose(path: AreaPath, level: PickerLevel, id: string | null): string[] {
  const depth = PICKER_LEVELS.indexOf(level)
  const kept = path.slice(0, depth)
  // A gap (a street chosen with no district) cannot be shown by cascading selects.
  if (kept.length < depth) return [...kept]
  return id === null ? kept : [...kept, id]
}

/** The area the page reports on: the deepest choice, or null for the whole city. */
export const selectedAreaId = (path: AreaPath): string | null => path[path.length - 1] ?? null

/** The picker path that shows `detail`: its ancestors below the city, then itself. */
export function pathOf(detail: Pick<AreaDetail, 'id' | 'level' | 'ancestors'>): string[] {
  if (detail.level === 'city') return []
  const below = (level: AreaLevel) => level !== 'city'
  return [...detail.ancestors.filter((a) => below(a.level)).map((a) => a.id), detail.id]
}

/** The parent whose children fill the select at `level`, or undefined when it cannot be shown yet. */
export function parentFor(path: AreaPath, level: PickerLevel): string | null | undefined {
  const depth = PICKER_LEVELS.indexOf(level)
  if (depth === 0) return null
  return path[depth - 1]
}

/**
 * `path` kept inside `home` (the picker path of the user's jurisdiction; [] for the whole city):
 * a path that does not start with home (above it or beside it) becomes home itself, since the
 * server refuses every area outside the jurisdiction.
 */
export function keepInside(path: AreaPath, home: AreaPath): string[] {
  const inside = home.every((id, i) => path[i] === id)
  return inside ? [...path] : [...home]
}

/** Whether the user may climb to an ancestor (null: the city): home and what lies below it only. */
export function mayClimbTo(id: string | null, home: AreaPath): boolean {
  if (id === null) return home.length === 0
  const at = home.indexOf(id)
  return at < 0 || at === home.length - 1
}

/** How many picker levels, from the district down, are fixed by home (a street's planner: 2). */
export const lockedLevels = (home: AreaPath): number => home.length
