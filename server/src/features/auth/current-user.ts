import type { Context } from 'hono'
import type { AuthUser } from './users.queries.ts'

const KEY = 'yuanluo.authUser'

export interface RequestAuth {
  user: AuthUser
  /** How the user was established: a session cookie, or the test-only header seam. */
  via: 'session' | 'header'
  sessionId?: string
  csrfToken?: string
}

/** Set by the auth middleware before any protected handler runs. */
export const setRequestAuth = (c: Context, auth: RequestAuth) => c.set(KEY as never, auth as never)

/** The signed-in user of this request; undefined on public routes. */
export const requestAuth = (c: Context): RequestAuth | undefined =>
  c.get(KEY as never) as RequestAuth | undefined

export const currentUser = (c: Context): AuthUser | undefined => requestAuth(c)?.user
