// The plans workspace: the plan being edited, its branches, tools, undo history, saving.
import type { StateCreator } from 'zustand'
import type { AppState } from './index.ts'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlansSlice {}

export const createPlansSlice: StateCreator<AppState, [], [], PlansSlice> = () => ({})
