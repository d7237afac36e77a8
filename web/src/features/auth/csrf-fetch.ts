// Every same-origin write carries the session's CSRF token, whichever module sends it (the ledger,
// plans and import clients call fetch themselves), and a 401 from the API (session ended or
// expired) brings back the sign-in page.
import { csrfHeader, errorFromResponse } from '../../api/client.ts'
import { sessionLost, signedOut, useAuth } from './auth-state.ts'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
let installed = false

const sameOriginApi = (url: URL) =>
  url.origin === window.location.origin && url.pathname.startsWith('/api/')

/** Wraps window.fetch once. */
export function installCsrfFetch(): void {
  if (installed || typeof window === 'undefined') return
  installed = true
  const original = window.fetch.bind(window)
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    if (!sameOriginApi(url)) return original(input, init)
    const headers = new Headers(request.headers)
    if (WRITES.has(request.method) && !headers.has('x-csrf-token'))
      for (const [k, v] of Object.entries(csrfHeader())) headers.set(k, v)
    const res = await original(new Request(request, { headers, credentials: 'same-origin' }))
    if (
      res.status === 401 &&
      !url.pathname.startsWith('/api/auth/') &&
      useAuth.getState().status === 'signed-in'
    )
      signedOut(sessionLost(await errorFromResponse(res.clone())))
    return res
  }
}
