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

/** A 404 (a server without the endpoint) as `fallback`; any other failure as is. */
const unless404 =
  <T>(fallback: T) =>
  (e: unknown): T => {
    if (e instanceof ApiError && e.status === 404) return fallback
    throw e
  }

/**
 * The server configuration (basemap, upload limit, page feature limit; a server without the
 * endpoint means the plain offline basemap) with the database's compound count, which the public
 * /api/config does not tell: it comes from /api/config/compounds, for signed-in users only, so a
 * session lost meanwhile fails this (401 → the sign-in page) instead of guessing the map mode.
 */
export async function fetchConfig(signal?: AbortSignal): Promise<AppConfig> {
  const [config, count] = await Promise.all([
    getJson<AppConfig>('/api/config', signal).catch(
      unless404<AppConfig>({ basemap: { kind: 'plain' } }),
    ),
    getJson<{ compounds: number }>('/api/config/compounds', signal).catch(unless404(undefined)),
  ])
  return count ? { ...config, compounds: count.compounds } : config
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
