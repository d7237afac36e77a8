// Single sign-on on the sign-in page: whether the server has it (GET /api/config's `sso`), the
// link that starts it, and the `?login_error=<code>` the server's callback redirects back with.
import type { AuthMessages } from './messages.ts'

/** Starts the OpenID Connect sign-in: a plain navigation, so the issuer's redirects just happen. */
export const SSO_START = '/api/auth/oidc/start'

/** True when the server says single sign-on is configured; false on any failure (the form still works). */
export async function fetchSsoEnabled(signal?: AbortSignal): Promise<boolean> {
  try {
    const res = await fetch('/api/config', { headers: { accept: 'application/json' }, signal })
    if (!res.ok) return false
    return ((await res.json()) as { sso?: unknown }).sso === true
  } catch {
    return false
  }
}

export type SsoErrorCode = keyof AuthMessages['ssoErrors']

/** The `login_error` of a URL's query, or null; unknown codes become 'other'. */
export function ssoErrorCode(search: string): SsoErrorCode | null {
  const code = new URLSearchParams(search).get('login_error')
  if (code === null) return null
  const known: readonly string[] = [
    'issuer',
    'state',
    'unavailable',
    'token',
    'signature',
    'expired',
    'claims',
    'unknown_user',
    'disabled',
    'locked',
    'throttled',
  ]
  return (known.includes(code) ? code : 'other') as SsoErrorCode
}

/** The URL without its `login_error`, so a reload does not show the message again. */
export function withoutLoginError(href: string): string {
  const url = new URL(href)
  url.searchParams.delete('login_error')
  return url.pathname + url.search + url.hash
}
