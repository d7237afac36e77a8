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

export interface AreaSlice {
  /** District, street, community ids chosen in the picker. */
  areaPath: AreaPath
  area: Async<AreaDetail>
  stats: Async<Stats>
  /** Options of each picker select, keyed by `level:parent`. */
  areaOptions: Record<string, Async<AreaSummary[]>>
  hierarchy: Async<ParentIndex>
  focus: Focus | null
}

export const createAreaSlice: StateCreator<AppState, [], [], AreaSlice> = () => ({
  areaPath: [],
  area: idle(),
  stats: idle(),
  areaOptions: {},
  hierarchy: idle(),
  focus: null,
})

/** The key of one picker select's options. */
export const optionsKey = (level: string, parent: string | null) => `${level}:${parent ?? ''}`

/** The next focus request for a bbox (null: the default city view). */
export const nextFocus = (prev: Focus | null, bbox: Bbox | null): Focus => ({
  bbox,
  seq: (prev?.seq ?? 0) + 1,
})
