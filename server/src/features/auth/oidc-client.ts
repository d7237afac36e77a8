// The relying-party side of OpenID Connect: the issuer's discovery document and keys (fetched on
// first use and cached; nothing is contacted unless OIDC_ISSUER is configured), PKCE, the signed
// cookie that carries state, nonce and code verifier between start and callback, and the token
// request. The ID token itself is checked by oidc-jwt.ts.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { OidcConfig } from '../../env.ts'
import type { Jwk } from './oidc-jwt.ts'

/** Why the exchange with the issuer failed (beside the token checks of oidc-jwt.ts). */
export class IssuerError extends Error {
  constructor(
    readonly problem: 'unavailable' | 'token',
    message: string,
  ) {
    super(message)
    this.name = 'IssuerError'
  }
}

export interface Discovery {
  issuer: string
  authorization_endpoint: string
  token_endpoint: string
  jwks_uri: string
  userinfo_endpoint?: string
  token_endpoint_auth_methods_supported?: string[]
}

/** How long the discovery document and the keys are kept before being fetched again. */
const CACHE_MS = 60 * 60_000
/** An unknown kid refetches the keys, but not more often than this. */
const REFRESH_MIN_MS = 30_000
const FETCH_TIMEOUT_MS = 10_000
/** A failed discovery is answered from memory this long (anyone may call start: no amplification). */
const FAILURE_MS = 5_000

async function getJson(url: string, what: string, init: RequestInit = {}): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', ...(init.headers ?? {}) },
      redirect: 'error',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    })
  } catch (e) {
    throw new IssuerError('unavailable', `${what}: cannot reach ${url} (${(e as Error).message})`)
  }
  const text = await res.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  if (!res.ok) {
    const err = (body as { error?: unknown } | undefined)?.error
    throw new IssuerError(
      what === 'token' ? 'token' : 'unavailable',
      `${what}: ${url} answered ${res.status}${typeof err === 'string' ? ` ${err}` : ''}`,
    )
  }
  // Every answer we use is a JSON object; null, an array or a number would fail later as a 500.
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new IssuerError(
      what === 'token' ? 'token' : 'unavailable',
      `${what}: ${url} answered no JSON object`,
    )
  return body
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * An endpoint the discovery document may name: https, or http to this machine only (a test issuer,
 * as OIDC_ISSUER allows). Plain http elsewhere would carry the client secret, the code and the
 * tokens in clear; other schemes (data:, file:) are no endpoint.
 */
const isUrl = (v: unknown): v is string => {
  if (typeof v !== 'string') return false
  try {
    const u = new URL(v)
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname))
  } catch {
    return false
  }
}

/** One per configured issuer: caches its discovery document and keys. */
export class OidcClient {
  private discovery?: { value: Discovery; at: number }
  private discovering?: Promise<Discovery>
  private discoveryFailed?: { error: unknown; at: number }
  private jwks?: { keys: Jwk[]; at: number }
  private stateKey: Buffer

  constructor(
    readonly config: OidcConfig,
    private now: () => number = Date.now,
  ) {
    // Every process with the same client secret signs state cookies alike (several processes behind a proxy).
    this.stateKey = createHmac('sha256', config.clientSecret)
      .update('yuanluo oidc state cookie')
      .digest()
  }

  async metadata(): Promise<Discovery> {
    if (this.discovery && this.now() - this.discovery.at < CACHE_MS) return this.discovery.value
    const failed = this.discoveryFailed
    if (failed && this.now() - failed.at < FAILURE_MS) throw failed.error
    // Concurrent callers share one fetch.
    this.discovering ??= this.discover().then(
      (d) => {
        this.discovering = undefined
        this.discoveryFailed = undefined
        return d
      },
      (e: unknown) => {
        this.discovering = undefined
        this.discoveryFailed = { error: e, at: this.now() }
        throw e
      },
    )
    return this.discovering
  }

  private async discover(): Promise<Discovery> {
    const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
    const d = (await getJson(url, 'discovery')) as Partial<Discovery>
    if (d.issuer !== this.config.issuer)
      throw new IssuerError(
        'unavailable',
        `discovery: the document names issuer ${String(d.issuer)}, not ${this.config.issuer}`,
      )
    for (const k of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const)
      if (!isUrl(d[k])) throw new IssuerError('unavailable', `discovery: no valid ${k}`)
    if (d.userinfo_endpoint !== undefined && !isUrl(d.userinfo_endpoint))
      throw new IssuerError('unavailable', 'discovery: no valid userinfo_endpoint')
    this.discovery = { value: d as Discovery, at: this.now() }
    return d as Discovery
  }

  /** The issuer's signing keys; `refresh` refetches them unless that was done moments ago. */
  async keys(refresh: boolean): Promise<Jwk[]> {
    const age = this.jwks ? this.now() - this.jwks.at : Infinity
    if (this.jwks && age < CACHE_MS && (!refresh || age < REFRESH_MIN_MS)) return this.jwks.keys
    const { jwks_uri } = await this.metadata()
    const body = (await getJson(jwks_uri, 'jwks')) as { keys?: unknown }
    if (!Array.isArray(body.keys)) throw new IssuerError('unavailable', 'jwks: no keys array')
    // Entries that are no key objects are skipped (oidc-jwt.ts reads fields of each).
    const keys = (body.keys as unknown[]).filter(
      (k): k is Jwk =>
        !!k &&
        typeof k === 'object' &&
        !Array.isArray(k) &&
        typeof (k as { kty?: unknown }).kty === 'string',
    )
    this.jwks = { keys, at: this.now() }
    return this.jwks.keys
  }

  /** Exchanges the authorization code (with the PKCE verifier) for the ID token. */
  async exchangeCode(
    code: string,
    verifier: string,
    redirectUri: string,
  ): Promise<{ idToken: string; accessToken?: string }> {
    const meta = await this.metadata()
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    })
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
    }
    const methods = meta.token_endpoint_auth_methods_supported
    if (
      methods &&
      !methods.includes('client_secret_basic') &&
      methods.includes('client_secret_post')
    ) {
      form.set('client_id', this.config.clientId)
      form.set('client_secret', this.config.clientSecret)
    } else {
      // RFC 6749 2.3.1: each part form-encoded, then base64.
      const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+')
      headers.authorization = `Basic ${Buffer.from(`${enc(this.config.clientId)}:${enc(this.config.clientSecret)}`).toString('base64')}`
    }
    const body = (await getJson(meta.token_endpoint, 'token', {
      method: 'POST',
      headers,
      body: form.toString(),
    })) as { id_token?: unknown; access_token?: unknown }
    if (typeof body.id_token !== 'string')
      throw new IssuerError('token', 'token: the answer holds no id_token')
    return {
      idToken: body.id_token,
      ...(typeof body.access_token === 'string' ? { accessToken: body.access_token } : {}),
    }
  }

  /** The userinfo claims, for a username claim the ID token does not carry; undefined without an endpoint. */
  async userinfo(accessToken: string): Promise<Record<string, unknown> | undefined> {
    const meta = await this.metadata()
    if (!meta.userinfo_endpoint) return undefined
    return (await getJson(meta.userinfo_endpoint, 'userinfo', {
      headers: { authorization: `Bearer ${accessToken}` },
    })) as Record<string, unknown>
  }

  // ---- the state cookie ------------------------------------------------------------------

  /** `payload.mac`: base64url JSON signed with HMAC-SHA256. */
  sealState(state: FlowState): string {
    const payload = Buffer.from(JSON.stringify(state)).toString('base64url')
    return `${payload}.${this.mac(payload)}`
  }

  /** The flow state of a cookie, or undefined when missing, forged or expired. */
  openState(cookie: string | undefined): FlowState | undefined {
    if (!cookie) return undefined
    const [payload, mac] = cookie.split('.')
    if (!payload || !mac) return undefined
    const expected = Buffer.from(this.mac(payload))
    const given = Buffer.from(mac)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
    try {
      const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as FlowState
      if (typeof state.exp !== 'number' || state.exp < this.now()) return undefined
      return state
    } catch {
      return undefined
    }
  }

  private mac(payload: string) {
    return createHmac('sha256', this.stateKey).update(payload).digest('base64url')
  }
}

/** What the start of a sign-in hands to its callback, in a signed HttpOnly cookie. */
export interface FlowState {
  state: string
  nonce: string
  verifier: string
  redirectUri: string
  /** Milliseconds since the epoch after which the sign-in must start again. */
  exp: number
}

/** Minutes a started sign-in may take at the issuer. */
export const FLOW_MINUTES = 10

export const randomToken = () => randomBytes(32).toString('base64url')

/** RFC 7636 S256: base64url(SHA-256(verifier)). */
export const pkceChallenge = (verifier: string) =>
  createHash('sha256').update(verifier).digest('base64url')
