// Who is signed in, for the page: its own small zustand store (the workspace store knows nothing
// of accounts). Writes carry the session's CSRF token through csrf-fetch.ts and api/client.ts.
import { create } from 'zustand'
import { ApiError, errorFromResponse, setCsrfToken } from '../../api/client.ts'

export type Role = 'admin' | 'planner' | 'leader' | 'viewer'

export interface SignedInUser {
  id: number
  username: string
  displayName: string
  role: Role
  jurisdiction: { id: string; name: string; level: string } | null
}

interface SessionBody {
  user: SignedInUser
  csrfToken: string
  mode: 'required' | 'header'
}

export type AuthStatus = 'checking' | 'signed-out' | 'signed-in'

interface AuthState {
  status: AuthStatus
  user: SignedInUser | null
  mode: 'required' | 'header'
  /** Why the last sign-in failed, or why the session was lost; null when nothing to say. */
  error: ApiError | null
}

export const useAuth = create<AuthState>(() => ({
  status: 'checking',
  user: null,
  mode: 'required',
  error: null,
}))

const signedIn = (body: SessionBody) => {
  setCsrfToken(body.csrfToken)
  useAuth.setState({ status: 'signed-in', user: body.user, mode: body.mode, error: null })
}

/** The page's own code for a session that ended while in use (signed out elsewhere, disabled …). */
export const SESSION_ENDED = 'SESSION_ENDED'

/**
 * Why a 401 ended the session, for the sign-in page: the server's idle timeout as it said it, any
 * other reason as SESSION_ENDED (never "wrong password": nobody typed one).
 */
export function sessionLost(error: ApiError): ApiError {
  const reason = (error.details as { reason?: string } | undefined)?.reason
  if (error.code === 'UNAUTHENTICATED' && reason === 'idle') return error
  return new ApiError(401, SESSION_ENDED, error.message)
}

export const signedOut = (error: ApiError | null = null) => {
  setCsrfToken('')
  useAuth.setState({ status: 'signed-out', user: null, error })
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init })
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
}

/** Asks the server who is signed in: 401 shows the sign-in page. */
export async function checkSession(): Promise<void> {
  try {
    const res = await send('/api/auth/me', { headers: { accept: 'application/json' } })
    if (res.ok) return signedIn((await res.json()) as SessionBody)
    // A first visit has no session (nothing to say); a session that idled out says so.
    const error = await errorFromResponse(res)
    const idle = (error.details as { reason?: string } | undefined)?.reason === 'idle'
    signedOut(res.status === 401 ? (idle ? error : null) : error)
  } catch (e) {
    signedOut(e instanceof ApiError ? e : null)
  }
}

/** Signs in; on failure keeps the page as is and records why (wrong password, locked …). */
export async function signIn(username: string, password: string): Promise<boolean> {
  try {
    const res = await send('/api/auth/login', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
    if (!res.ok) {
      useAuth.setState({ error: await errorFromResponse(res) })
      return false
    }
    signedIn((await res.json()) as SessionBody)
    return true
  } catch (e) {
    useAuth.setState({ error: e instanceof ApiError ? e : new ApiError(0, 'network', String(e)) })
    return false
  }
}

/** Work to finish while the session still holds (unsaved plan edits), registered by the workspace. */
const beforeSignOut: Array<() => Promise<unknown>> = []

/** Registers `finish` to run (awaited, failures ignored) before a sign-out ends the session. */
export function whenSigningOut(finish: () => Promise<unknown>): void {
  if (!beforeSignOut.includes(finish)) beforeSignOut.push(finish)
}

/** Longest wait for that work, ms: a server that does not answer never keeps anyone signed in. */
const FINISH_WAIT_MS = 5000

/** Ends this session (or every session of the account) and shows the sign-in page. */
export async function signOut(everywhere = false): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  await Promise.race([
    Promise.allSettled(beforeSignOut.map((finish) => finish())),
    new Promise((r) => (timer = setTimeout(r, FINISH_WAIT_MS))),
  ])
  clearTimeout(timer)
  await send(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', { method: 'POST' }).catch(
    () => undefined,
  )
  signedOut()
}
