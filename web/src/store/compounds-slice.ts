import type { StateCreator } from 'zustand'
import type { AppConfig, CompoundCollection, CompoundDetail, CoverageStatus } from '../api/types.ts'
import { idle, type Async } from './async.ts'
import { toggleStatus } from './status-counts.ts'
import type { AppState } from './index.ts'

/** What the map's vector tiles say of a compound (server/src/features/tiles, layer `compounds`). */
export interface TileCompoundProps {
  status: CoverageStatus
  members: number
  households: number
  isOld: boolean
  communityId: string
}

/** What the pointer is over: screen position relative to the map and the compound's properties. */
export interface Hover {
  x: number
  y: number
  id: number
  /** In tile mode: the hovered tile feature's properties (the compound may not be in the list). */
  tile?: TileCompoundProps
}

/**
 * How the page gets its compounds: 'geojson' downloads them all and deck.gl draws them; 'tiles'
 * (more compounds in the database than the page feature limit) draws MapLibre vector tiles and
 * downloads only the chosen area's list, when that is small enough.
 */
export type MapMode = 'geojson' | 'tiles'

/**
 * The mode for a server configuration (with the compound count fetchConfig adds from the signed-in
 * /api/config/compounds); undefined until the configuration is known.
 */
export function mapModeOf(config: AppConfig | undefined): MapMode | undefined {
  if (!config) return undefined
  const { compounds, pageFeatureLimit } = config
  // An older server that does not publish them serves a city that fits: the page as before.
  if (compounds === undefined || pageFeatureLimit === undefined) return 'geojson'
  return compounds > pageFeatureLimit ? 'tiles' : 'geojson'
}

/** Which compound list the page downloads (GET /api/compounds). */
export type CompoundsPlan =
  /** Every compound (GeoJSON mode). */
  | { kind: 'all' }
  /** The chosen area's compounds (tile mode, the area is within the limit). */
  | { kind: 'area'; areaId: string; count: number }
  /** None: the area (null: the whole dataset) holds more than the limit. */
  | { kind: 'none'; areaId: string | null; count: number; limit: number }

/** Decides the list from the mode, the chosen area and how many compounds it holds. */
export function compoundsPlan(
  mode: MapMode,
  areaId: string | null,
  count: number,
  limit: number,
): CompoundsPlan {
  if (mode === 'geojson') return { kind: 'all' }
  if (areaId !== null && count <= limit) return { kind: 'area', areaId, count }
  return { kind: 'none', areaId, count, limit }
}

/** The request of a plan, or null when nothing is downloaded. */
export function compoundsUrl(plan: CompoundsPlan): string | null {
  if (plan.kind === 'all') return '/api/compounds'
  if (plan.kind === 'area') return `/api/compounds?area=${encodeURIComponent(plan.areaId)}`
  return null
}

export interface CompoundsSlice {
  compounds: Async<CompoundCollection>
  /** Undefined until /api/config answered. */
  mapMode: MapMode | undefined
  /** The list behind `compounds`: set with it, so lists that are too large can say so. */
  compoundsPlan: CompoundsPlan | undefined
  hiddenStatuses: CoverageStatus[]
  selectedId: number | null
  detail: Async<CompoundDetail>
  hover: Hover | null
  /** Tile mode: names of compounds hovered outside the list (tiles carry no name), by id. */
  tileNames: ReadonlyMap<number, string>
  toggleStatus: (status: CoverageStatus) => void
  setHover: (hover: Hover | null) => void
}

export const createCompoundsSlice: StateCreator<AppState, [], [], CompoundsSlice> = (set) => ({
  compounds: idle(),
  mapMode: undefined,
  compoundsPlan: undefined,
  hiddenStatuses: [],
  selectedId: null,
  detail: idle(),
  hover: null,
  tileNames: new Map(),
  toggleStatus: (status) =>
    set((s) => ({ hiddenStatuses: toggleStatus(s.hiddenStatuses, status) })),
  setHover: (hover) => set({ hover }),
})
