// The dashboard's requests: the roll-up of the area in view, the city's compound scorecards (once per account),
// hot spots of one measure, the snapshot series, and recording a snapshot. Drill-down moves the
// app's area through the picker's own actions, so the picker, breadcrumb and dashboard agree.
import type { GapMeasure, RollupRow, Weight } from '../api/scorecard-types.ts'
import * as api from '../api/scorecard-endpoints.ts'
import { selectedAreaId, PICKER_LEVELS, type PickerLevel } from './area-path.ts'
import { nextFocus } from './area-slice.ts'
import { useStore } from './index.ts'
import { chooseArea, jumpToArea, load, selectCompound } from './loaders.ts'

/** The area the dashboard reports on: the picker's deepest choice, undefined for the city. */
export const dashboardAreaOf = (path: readonly string[]): string | undefined =>
  selectedAreaId(path) ?? undefined

const keyOf = (area: string | undefined, ...rest: string[]) => [area ?? 'city', ...rest].join(':')

export const loadRollup = (area: string | undefined, weight: Weight) =>
  load(
    'dash-rollup',
    keyOf(area, weight),
    { get: (s) => s.dashRollup, put: (_, dashRollup) => ({ dashRollup }) },
    (signal) => api.fetchRollup(area, weight, signal),
  )

/**
 * The compound scorecards of the signed-in account's city (the server cuts them to its
 * jurisdiction), asked for once per account: a sign-out or another account resets them
 * (store/reset.ts). The maps draw them all at every level.
 */
export function loadScorecardCompounds(force = false) {
  const current = useStore.getState().dashCompounds
  if (!force && (current.status === 'ready' || current.status === 'loading')) return
  return load(
    'dash-compounds',
    'city',
    { get: (s) => s.dashCompounds, put: (_, dashCompounds) => ({ dashCompounds }) },
    (signal) => api.fetchScorecardCompounds(undefined, signal),
  )
}

export const loadHotspots = (area: string | undefined, measure: GapMeasure) =>
  load(
    'dash-hotspots',
    keyOf(area, measure),
    { get: (s) => s.dashHotspots, put: (_, dashHotspots) => ({ dashHotspots }) },
    (signal) => api.fetchHotspots(area, measure, undefined, signal),
  )

export const loadSnapshots = (area: string | undefined, weight: Weight) =>
  load(
    'dash-snapshots',
    keyOf(area, weight),
    { get: (s) => s.dashSnapshots, put: (_, dashSnapshots) => ({ dashSnapshots }) },
    (signal) => api.fetchSnapshots(area, weight, signal),
  )

/** Records a snapshot of every area now, then reloads the series in view. */
export async function recordSnapshot(): Promise<void> {
  const saved = await load(
    'dash-snapshot-save',
    String(Date.now()),
    { get: (s) => s.dashSnapshotSave, put: (_, dashSnapshotSave) => ({ dashSnapshotSave }) },
    async (signal) => {
      await api.takeSnapshot(signal)
      return true as const
    },
  )
  if (!saved) return
  const s = useStore.getState()
  await loadSnapshots(dashboardAreaOf(s.areaPath), s.dashWeight)
}

/**
 * Drills into a child row (a table row, a bar or an area on the map): an area becomes the app's
 * area exactly as if chosen in the picker; a compound (below a community) opens its ledger.
 */
export function drillInto(row: Pick<RollupRow, 'id' | 'level' | 'bbox'>): Promise<unknown> {
  if (row.level === 'compound') {
    const id = Number(row.id)
    if (row.bbox) useStore.setState((s) => ({ focus: nextFocus(s.focus, row.bbox) }))
    return selectCompound(id) ?? Promise.resolve()
  }
  if (!(PICKER_LEVELS as readonly string[]).includes(row.level)) return Promise.resolve()
  return chooseArea(row.level as PickerLevel, row.id)
}

/** Climbs back to an ancestor from the roll-up's path (its city entry: the whole city). */
export const climbTo = (id: string, level: string) => jumpToArea(level === 'city' ? null : id)
