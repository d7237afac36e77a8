// The dashboard workspace: scorecard roll-ups, gap maps, drill-down, snapshots.
import type { StateCreator } from 'zustand'
import type { AppState } from './index.ts'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DashboardSlice {}

export const createDashboardSlice: StateCreator<AppState, [], [], DashboardSlice> = () => ({})
