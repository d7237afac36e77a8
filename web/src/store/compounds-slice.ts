import type { StateCreator } from 'zustand'
import type { CompoundCollection, CompoundDetail, CoverageStatus } from '../api/types.ts'
import { idle, type Async } from './async.ts'
import { toggleStatus } from './status-counts.ts'
import type { AppState } from './index.ts'

/** What the pointer is over: screen position relative to the map and the compound's properties. */
export interface Hover {
  x: number
  y: number
  id: number
}

export interface CompoundsSlice {
  compounds: Async<CompoundCollection>
  hiddenStatuses: CoverageStatus[]
  selectedId: number | null
  detail: Async<CompoundDetail>
  hover: Hover | null
  toggleStatus: (status: CoverageStatus) => void
  setHover: (hover: Hover | null) => void
}

export const createCompoundsSlice: StateCreator<AppState, [], [], CompoundsSlice> = (set) => ({
  compounds: idle(),
  hiddenStatuses: [],
  selectedId: null,
  detail: idle(),
  hover: null,
  toggleStatus: (status) =>
    set((s) => ({ hiddenStatuses: toggleStatus(s.hiddenStatuses, status) })),
  setHover: (hover) => set({ hover }),
})
