// One fetch seam: every request goes through getJson so that every failure becomes an ApiError
// the UI can show in plain Chinese, whatever went wrong (server error body, network, bad JSON).

/** Error codes the web adds for failures that never produced a server error body. */
export type ClientErrorCode = 'network' | 'bad_response' | 'aborted'

/** A failed API call; `code` and `message` come from the server's `{error:{code,message}}` when present. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

const isErrorBody = (body: unknown): body is ErrorBody => {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const e = (body as { error: unknown }).error
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  )
}

/** Turns a non-2xx response into an ApiError, keeping the server's code and message when it sent one. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    // A proxy or a crashed server may answer with HTML or nothing; the status still tells the story.
  }
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details)
  }
  return new ApiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`)
}

// The session's CSRF token (features/auth sets it after sign-in); sent on every write.
let csrfToken = ''
export const setCsrfToken = (token: string) => {
  csrfToken = token
}
/** The header every state-changing request must carry; empty before sign-in. */
export const csrfHeader = (): Record<string, string> =>
  csrfToken ? { 'x-csrf-token': csrfToken } : {}

/** Builds `/api/...?k=v` from a path and optional query values; undefined values are left out. */
export function apiUrl(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v)
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/**
 * Reads a successful answer's JSON body. Cancelled while the body was arriving is a cancellation
 * (`aborted`, dropped by loaders like an abort before the response), not a malformed answer.
 */
export async function readJson<T>(res: Response, signal?: AbortSignal): Promise<T> {
  try {
    return (await res.json()) as T
  } catch (e) {
    if (signal?.aborted || (e instanceof Error && e.name === 'AbortError'))
      throw new ApiError(0, 'aborted', 'aborted')
    throw new ApiError(res.status, 'bad_response', e instanceof Error ? e.message : String(e))
  }
}

/** GETs JSON from a same-origin API path; throws ApiError on any failure. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, {
      signal,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
  } catch (e) {
    if (signal?.aborted) throw new ApiError(0, 'aborted', 'aborted')
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
  if (!res.ok) throw await errorFromResponse(res)
  return readJson<T>(res, signal)
}

/** POSTs JSON to a same-origin API path and reads JSON back; throws ApiError on any failure. */
export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      signal,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...csrfHeader(),
      },
      body: JSON.stringify(body),
    })
  } catch (e) {
    if (signal?.aborted) throw new ApiError(0, 'aborted', 'aborted')
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
  if (!res.ok) throw await errorFromResponse(res)
  return readJson<T>(res, signal)
}

/** True for errors caused by our own cancellation, which the UI must not report. */
export const isAbort = (e: unknown): boolean => e instanceof ApiError && e.code === 'aborted'
