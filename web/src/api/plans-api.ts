// Requests of the plans workspace. Writes carry the session's CSRF token and the server records
// the signed-in account as the author. Only without an account (the tests' header mode) is the
// planner named in `x-yuanluo-user`, typed once and kept in localStorage.
import { useAuth } from '../features/auth/auth-state.ts'
import { ApiError, apiUrl, csrfHeader, errorFromResponse, readJson } from './client.ts'
import type {
  AdoptResult,
  Plan,
  PlanChange,
  PlanComparison,
  PlanContext,
  PlanListItem,
  PlanStart,
} from './plans-types.ts'

export const USER_HEADER = 'x-yuanluo-user'
const USER_KEY = 'yuanluo.planner'

/** The planner's name as last typed, or '' (no storage, or never typed). */
export function storedPlanner(): string {
  try {
    return localStorage.getItem(USER_KEY) ?? ''
  } catch {
    return ''
  }
}

/** Remembers the planner's name for later visits; a browser refusing storage keeps it for this one. */
export function storePlanner(name: string): void {
  try {
    localStorage.setItem(USER_KEY, name)
  } catch {
    // Storage may be locked down; the name still travels with this visit's requests.
  }
}

let planner = storedPlanner()

/** Whether a real account is signed in (the header seam's stand-in has id 0). */
export const hasAccount = (): boolean => (useAuth.getState().user?.id ?? 0) > 0

/** Sets the name sent with every plans request from now on. */
export function setPlanner(name: string): void {
  planner = name.trim()
  storePlanner(planner)
}

async function request<T>(
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  // Header values must be ISO-8859-1: a Chinese name travels percent-encoded. A signed-in
  // account sends no name: the server takes the author from the session.
  if (planner && !hasAccount()) headers[USER_HEADER] = encodeURIComponent(planner)
  if (body !== undefined) headers['content-type'] = 'application/json'
  // Writes carry the session's CSRF token (features/auth); empty when sign-in is off.
  if (method !== 'GET') Object.assign(headers, csrfHeader())
  let res: Response
  try {
    res = await fetch(url, {
      method,
      signal,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    if (signal?.aborted) throw new ApiError(0, 'aborted', 'aborted')
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
  if (!res.ok) throw await errorFromResponse(res)
  if (res.status === 204) return undefined as T
  return readJson<T>(res, signal)
}

const planPath = (id: number) => `/api/plans/${id}`

export const listPlans = (areaId: string, signal?: AbortSignal) =>
  request<{ plans: PlanListItem[] }>(
    'GET',
    apiUrl('/api/plans', { area: areaId }),
    undefined,
    signal,
  ).then((r) => r.plans)

export const createPlan = (
  body: { name: string; areaId: string; from?: PlanStart; copyOf?: number },
  signal?: AbortSignal,
) => request<Plan>('POST', '/api/plans', body, signal)

export const fetchPlan = (id: number, signal?: AbortSignal) =>
  request<Plan>('GET', planPath(id), undefined, signal)

export const fetchPlanContext = (id: number, signal?: AbortSignal) =>
  request<PlanContext>('GET', `${planPath(id)}/context`, undefined, signal)

/** Sends a batch of changes made on top of `version`; 409 (details.current) when it is stale. */
export const sendPlanChanges = (id: number, version: number, changes: PlanChange[]) =>
  request<Plan>('POST', `${planPath(id)}/changes`, { version, changes })

export const copyPlan = (id: number, name: string) =>
  request<Plan>('POST', `${planPath(id)}/copy`, { name })

export const comparePlans = (a: number, b: number, signal?: AbortSignal) =>
  request<PlanComparison>('GET', `${planPath(a)}/compare/${b}`, undefined, signal)

export const adoptPlan = (id: number, version: number) =>
  request<AdoptResult>('POST', `${planPath(id)}/adopt`, { version })

export const deletePlan = (id: number, version: number) =>
  request<void>('DELETE', apiUrl(planPath(id), { version: String(version) }))

/** Where the export of a plan downloads from (a plain link: no request from script). */
export const planExportUrl = (id: number, format: 'geojson' | 'xlsx') =>
  apiUrl(`${planPath(id)}/export`, { format })

/** The current plan sent with a 409, when the server included it. */
export function currentFromConflict(e: unknown): Plan | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null
  const d = e.details as { current?: Plan } | undefined
  return d?.current && typeof d.current === 'object' ? d.current : null
}
