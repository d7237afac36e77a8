// The dashboard workspace (驾驶舱): the area's scorecard roll-up and its children, the gap maps
// (heat, hexagons, choropleth, hot spots), the ranking of child areas and the snapshots over time.
// Choices change through the pure transitions below; the requests live in dashboard-loaders.ts.
import type { StateCreator } from 'zustand'
import type {
  GapMeasure,
  Hotspots,
  Rollup,
  ScorecardCompound,
  SnapshotSeries,
  Weight,
} from '../api/scorecard-types.ts'
import { idle, type Async } from './async.ts'
import type { RateKey, SortKey } from './dashboard-measures.ts'
import type { AppState } from './index.ts'

/** What the gap map draws. */
export const GAP_LAYERS = ['heat', 'hex', 'choropleth', 'hotspots'] as const
export type GapLayer = (typeof GAP_LAYERS)[number]

export interface DashSort {
  key: SortKey
  desc: boolean
}

export interface DashboardState {
  dashWeight: Weight
  dashLayer: GapLayer
  dashMeasure: GapMeasure
  /** The rate the choropleth colours areas by. */
  dashRate: RateKey
  /** The ranking of the child areas: table order and the bar chart's measure. */
  dashSort: DashSort
  dashRollup: Async<Rollup>
  /** Every compound of the city with its scorecard and gap measures (the maps' points). */
  dashCompounds: Async<ScorecardCompound[]>
  dashHotspots: Async<Hotspots>
  dashSnapshots: Async<SnapshotSeries>
  /** The last "record a snapshot" request. */
  dashSnapshotSave: Async<true>
  /** H3 resolution of the hexagons, following the map's zoom (set by the map when a zoom ends). */
  dashHexRes: number
}

export interface DashboardSlice extends DashboardState {
  setDashWeight: (weight: Weight) => void
  setDashLayer: (layer: GapLayer) => void
  setDashMeasure: (measure: GapMeasure) => void
  setDashRate: (rate: RateKey) => void
  sortDashBy: (key: SortKey) => void
}

/** Numbers read best largest first; names read best A to Z. */
const defaultDesc = (key: SortKey) => key !== 'name'

/** The ranking after a click on `key`'s header: the same key flips direction, a new key starts at its default. */
export function nextSort(sort: DashSort, key: SortKey): DashSort {
  return sort.key === key ? { key, desc: !sort.desc } : { key, desc: defaultDesc(key) }
}

export const INITIAL_DASHBOARD: DashboardState = {
  dashWeight: 'compounds',
  dashLayer: 'heat',
  dashMeasure: 'uncoveredHouseholds',
  dashRate: 'organisationCoverage',
  dashSort: { key: 'organisationCoverage', desc: false },
  dashRollup: idle(),
  dashCompounds: idle(),
  dashHotspots: idle(),
  dashSnapshots: idle(),
  dashSnapshotSave: idle(),
  dashHexRes: 7,
}

/** Time of the last measure or layer switch (performance.now()), read by the switch timer. */
export const switchClock = { startedAt: 0 }

export const createDashboardSlice: StateCreator<AppState, [], [], DashboardSlice> = (set) => ({
  ...INITIAL_DASHBOARD,
  setDashWeight: (dashWeight) => set({ dashWeight }),
  setDashLayer: (dashLayer) => {
    switchClock.startedAt = performance.now()
    set({ dashLayer })
  },
  setDashMeasure: (dashMeasure) => {
    switchClock.startedAt = performance.now()
    set({ dashMeasure })
  },
  setDashRate: (dashRate) => {
    switchClock.startedAt = performance.now()
    set({ dashRate })
  },
  sortDashBy: (key) => set((s) => ({ dashSort: nextSort(s.dashSort, key) })),
})
