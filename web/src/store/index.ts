// The one store of the web app, composed from slices. Components read it through selectors;
// side effects (requests) live in loaders.ts and commit results with the pure transitions.
import { create } from 'zustand'
import { createAreaSlice, type AreaSlice } from './area-slice.ts'
import { createCompoundsSlice, type CompoundsSlice } from './compounds-slice.ts'
import { createDashboardSlice, type DashboardSlice } from './dashboard-slice.ts'
import { createJointBranchesSlice, type JointSlice } from './joint-branches-slice.ts'
import { createLedgerSlice, type LedgerSlice } from './ledger-slice.ts'
import { createPlansSlice, type PlansSlice } from './plans-slice.ts'
import { createSitingSlice, type SitingSlice } from './siting-slice.ts'
import { createUiSlice, type UiSlice } from './ui-slice.ts'

export type AppState = CompoundsSlice &
  AreaSlice &
  UiSlice &
  JointSlice &
  SitingSlice &
  LedgerSlice &
  DashboardSlice &
  PlansSlice

export const useStore = create<AppState>()((...a) => ({
  ...createCompoundsSlice(...a),
  ...createAreaSlice(...a),
  ...createUiSlice(...a),
  ...createJointBranchesSlice(...a),
  ...createSitingSlice(...a),
  ...createLedgerSlice(...a),
  ...createDashboardSlice(...a),
  ...createPlansSlice(...a),
}))
