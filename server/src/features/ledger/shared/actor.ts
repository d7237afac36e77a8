import type { Context } from 'hono'

/** Who makes a request: the x-yuanluo-user header until accounts exist, else 'anonymous' (max 100 chars). */
export function actorOf(c: Context): string {
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
