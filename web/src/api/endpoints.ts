// Typed wrappers, one per endpoint the page uses. Paths are relative so the app works behind any
// host the government network serves it from.
import { ApiError, apiUrl, getJson, postJson } from './client.ts'
import type { JointRequest, JointResult } from './joint-types.ts'
import type { SitingRequest, SitingResult } from './siting-types.ts'
import type {
  AppConfig,
  AreaCollection,
  AreaDetail,
  AreaLevel,
  AreaSummary,
  CompoundCollection,
  CompoundDetail,
  Health,
  Stats,
} from './types.ts'

export const fetchHealth = (signal?: AbortSignal) => getJson<Health>('/api/health', signal)

/** Basemap configuration; a server without the endpoint (404) means the plain offline basemap. */
export async function fetchConfig(signal?: AbortSignal): Promise<AppConfig> {
  try {
    return await getJson<AppConfig>('/api/config', signal)
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { basemap: { kind: 'plain' } }
    throw e
  }
}

export const fetchAreas = (level: AreaLevel, parent?: string, signal?: AbortSignal) =>
  getJson<{ areas: AreaSummary[] }>(apiUrl('/api/areas', { level, parent }), signal).then(
    (r) => r.areas,
  )

export const fetchAreaShapes = (level: AreaLevel, signal?: AbortSignal) =>
  getJson<AreaCollection>(apiUrl('/api/areas', { level, format: 'geojson' }), signal)

export const fetchArea = (id: string, signal?: AbortSignal) =>
  getJson<AreaDetail>(`/api/areas/${encodeURIComponent(id)}`, signal)

/** Compounds by the URL of a plan (compounds-slice.ts `compoundsUrl`): all, or one area's. */
export const fetchCompounds = (url: string, signal?: AbortSignal) =>
  getJson<CompoundCollection>(url, signal)

export const fetchCompound = (id: number, signal?: AbortSignal) =>
  getJson<CompoundDetail>(`/api/compounds/${id}`, signal)

export const fetchStats = (area?: string, signal?: AbortSignal) =>
  getJson<Stats>(apiUrl('/api/stats', { area }), signal)

/** Candidate joint branches for an area; the whole city takes a few seconds. */
export const runJointBranches = (request: JointRequest, signal?: AbortSignal) =>
  postJson<JointResult>('/api/analysis/joint-branches', request, signal)

/** New station sites for an area; a district takes about a second, the city exactly 15–25 s. */
export const runSiting = (request: SitingRequest, signal?: AbortSignal) =>
  postJson<SitingResult>('/api/analysis/siting', request, signal)
