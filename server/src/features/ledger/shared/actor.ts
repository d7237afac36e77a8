import type { Context } from 'hono'
import { currentUser } from '../../auth/current-user.ts'

/** Who makes a request: the signed-in account; in the tests' header mode the x-yuanluo-user header, else 'anonymous' (max 100 chars). */
export function actorOf(c: Context): string {
  // Signed in (features/auth): the account's username, whatever headers say.
  const user = currentUser(c)
  if (user && user.id > 0) return user.username
  const raw = c.req.header('x-yuanluo-user')?.trim()
  // Browsers send header values as Latin-1; a percent-encoded name keeps Chinese intact.
  let name = raw
  if (raw && /%[0-9a-f]{2}/i.test(raw)) {
    try {
      name = decodeURIComponent(raw)
    } catch {
      name = raw
    }
  }
  return name ? name.slice(0, 100) : 'anonymous'
}
