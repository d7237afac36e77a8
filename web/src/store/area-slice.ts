import type { StateCreator } from 'zustand'
import type { AreaDetail, AreaSummary, Bbox, Stats } from '../api/types.ts'
import type { ParentIndex } from './area-index.ts'
import type { AreaPath } from './area-path.ts'
import { idle, type Async } from './async.ts'
import type { AppState } from './index.ts'

/** A request to move the camera; `seq` changes even when the same area is chosen twice. */
export interface Focus {
  bbox: Bbox | null
  seq: number
}

/**
 * Where the signed-in user starts and how far up the picker goes: the account's jurisdiction (a
 * district or street …), null for an admin or a user of the whole city. `path` is its picker path,
 * null until the area's detail has answered.
 */
export interface Home {
  id: string
  name: string
  path: AreaPath | null
}

export interface AreaSlice {
  /** District, street, community ids chosen in the picker. */
  areaPath: AreaPath
  area: Async<AreaDetail>
  stats: Async<Stats>
  /** Options of each picker select, keyed by `level:parent`. */
  areaOptions: Record<string, Async<AreaSummary[]>>
  hierarchy: Async<ParentIndex>
  focus: Focus | null
  home: Home | null
}

export const createAreaSlice: StateCreator<AppState, [], [], AreaSlice> = () => ({
  areaPath: [],
  area: idle(),
  stats: idle(),
  areaOptions: {},
  hierarchy: idle(),
  focus: null,
  home: null,
})

const CITY_PATH: AreaPath = []

/** The picker path home holds the user to ([] for the city or while home's path is unknown). */
export const homePathOf = (home: Home | null): AreaPath => home?.path ?? CITY_PATH

/** The area the page reports on: the picker's choice, else home (whose path may be loading). */
export const reportedAreaOf = (s: Pick<AreaSlice, 'areaPath' | 'home'>): string | null =>
  s.areaPath[s.areaPath.length - 1] ?? s.home?.id ?? null

/** The key of one picker select's options. */
export const optionsKey = (level: string, parent: string | null) => `${level}:${parent ?? ''}`

/** The next focus request for a bbox (null: the default city view). */
export const nextFocus = (prev: Focus | null, bbox: Bbox | null): Focus => ({
  bbox,
  seq: (prev?.seq ?? 0) + 1,
})
