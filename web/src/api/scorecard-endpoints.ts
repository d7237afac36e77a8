// Typed wrappers of the scorecard API, one per endpoint the dashboard uses.
import { apiUrl, getJson, postJson } from './client.ts'
import type {
  CompoundScorecardDetail,
  GapMeasure,
  Hotspots,
  Rollup,
  ScorecardCompound,
  Snapshot,
  SnapshotSeries,
  Weight,
} from './scorecard-types.ts'

/** The roll-up of `area` (undefined: the city) and of each of its children. */
export const fetchRollup = (area: string | undefined, weight: Weight, signal?: AbortSignal) =>
  getJson<Rollup>(apiUrl('/api/scorecard/rollup', { area, weight }), signal)

/** Every compound's scorecard in `area` (undefined: the city), with its gap measures. */
export const fetchScorecardCompounds = (area: string | undefined, signal?: AbortSignal) =>
  getJson<{ compounds: ScorecardCompound[] }>(
    apiUrl('/api/scorecard/compounds', { area }),
    signal,
  ).then((r) => r.compounds)

/** One compound's scorecard. */
export const fetchCompoundScorecard = (id: number, signal?: AbortSignal) =>
  getJson<CompoundScorecardDetail>(`/api/scorecard/compounds/${id}`, signal)

/** Getis-Ord Gi* classes of `measure` over the compounds of `area` within `bandM` metres. */
export const fetchHotspots = (
  area: string | undefined,
  measure: GapMeasure,
  bandM: number | undefined,
  signal?: AbortSignal,
) =>
  getJson<Hotspots>(
    apiUrl('/api/scorecard/hotspots', {
      area,
      measure,
      bandM: bandM === undefined ? undefined : String(bandM),
    }),
    signal,
  )

/** Dated snapshots of `area`'s totals, oldest first. */
export const fetchSnapshots = (area: string | undefined, weight: Weight, signal?: AbortSignal) =>
  getJson<SnapshotSeries>(apiUrl('/api/scorecard/snapshots', { area, weight }), signal)

/** Records a snapshot of every area's roll-up now. */
export const takeSnapshot = (signal?: AbortSignal) =>
  postJson<Pick<Snapshot, 'id' | 'takenAt' | 'kind'>>('/api/scorecard/snapshots', {}, signal)

/** The URL of the figures of `area` as an XLSX workbook (a plain link: the browser downloads it). */
export const exportXlsxUrl = (area: string | undefined, weight: Weight) =>
  apiUrl('/api/scorecard/export.xlsx', { area, weight })
