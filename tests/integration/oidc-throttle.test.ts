// The single sign-on throttles (server/src/features/auth/oidc-throttle.ts) against the fake issuer:
// past the limit an address is answered 429 (or, navigating, sent to the sign-in page's message)
// before the issuer is contacted; other addresses go on; the window passes (the clock is moved,
// nothing waits); sign-ins do not use up an address's callbacks; a replayed flow cookie never
// reaches the token endpoint; X-Forwarded-For counts only behind a trusted proxy.
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import type { OidcConfig } from '../../server/src/env.ts'
import {
  OIDC_CALLBACK_MAX,
  OIDC_START_MAX,
  OIDC_WINDOW_MS,
} from '../../server/src/features/auth/oidc-throttle.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { issuerConfig, startFakeIssuer, type FakeIssuer } from '../helpers/fake-oidc.ts'

const baseEnv = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

/** A fresh app (fresh throttles), behind a trusted proxy unless `trustProxy` is false. */
const oidcApp = (db: Db, OIDC: OidcConfig, trustProxy = true) =>
  createApp(
    { db, env: { ...baseEnv, OIDC }, log: memoryLogger() },
    { auth: 'required', trustProxy },
  )
type App = ReturnType<typeof oidcApp>

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]

interface ErrorJson {
  error: { code: string; message: string; details: Record<string, unknown> }
}

describeEachDb('single sign-on throttles', (getDb) => {
  let issuer: FakeIssuer
  let config: OidcConfig

  beforeAll(async () => {
    issuer = await startFakeIssuer()
    config = issuerConfig(issuer)
    await insertUser(getDb(), {
      username: 'throttle-user',
      displayName: 'throttle',
      role: 'planner',
      passwordHash: null,
      jurisdictionAreaId: null,
      oidcSubject: `${issuer.url}|T-1`,
    })
    issuer.user = { sub: 'T-1' }
  })
  afterAll(async () => {
    await issuer?.close()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /** GET /api/auth/oidc/start as `forwardedFor`. */
  const start = (app: App, forwardedFor: string, headers: Record<string, string> = {}) =>
    app.request('http://yuanluo.test/api/auth/oidc/start', {
      headers: { 'x-forwarded-for': forwardedFor, ...headers },
    })

  /**
   * start → the issuer's authorize → callback, all as `forwardedFor`; `forge` replaces the real code
   * by one the issuer never issued (a forged callback with a valid state: it reaches the token
   * endpoint). Returns the callback's answer and the flow cookie and callback path used.
   */
  const signIn = async (
    app: App,
    forwardedFor: string,
    opts: { forge?: boolean; headers?: Record<string, string> } = {},
  ) => {
    const s = await start(app, forwardedFor)
    expect(s.status).toBe(302)
    const flow = cookieOf(s, 'yuanluo_oidc')!
    const back = await fetch(s.headers.get('location')!, { redirect: 'manual' })
    const cb = new URL(back.headers.get('location')!)
    if (opts.forge) cb.searchParams.set('code', 'a-code-the-issuer-never-issued')
    const path = cb.pathname + cb.search
    const res = await app.request(path, {
      headers: { 'x-forwarded-for': forwardedFor, cookie: flow, ...(opts.headers ?? {}) },
    })
    return { res, flow, path }
  }

  const throttledAudits = async (ip: string) =>
    getDb().query<{ actor: string; detail: Record<string, unknown>; text: string }>(sql`
      SELECT actor, detail, detail::text AS text FROM audit_log
      WHERE action = 'auth.oidc.throttled' AND detail->>'ip' = ${ip} ORDER BY id`)

  it('answers the callback after the limit with 429 before the issuer is contacted; other addresses go on; the window passes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
    const app = oidcApp(getDb(), config)
    const ip = '203.0.113.10'
    const before = issuer.tokenRequests.length
    for (let i = 0; i < OIDC_CALLBACK_MAX; i++) {
      const { res } = await signIn(app, ip, { forge: true })
      expect(res.status, `callback ${i + 1}`).toBe(302)
      expect(res.headers.get('location')).toBe('/?login_error=token')
    }
    // Each forged callback with a valid state cost one request to the token endpoint …
    expect(issuer.tokenRequests.length).toBe(before + OIDC_CALLBACK_MAX)

    // … the next ones cost none: not a forged one, not even a genuine one.
    const issuedBefore = issuer.issued.length
    for (const forge of [true, false]) {
      const { res } = await signIn(app, ip, { forge })
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(OIDC_WINDOW_MS / 1000)
      expect(cookieOf(res, 'yuanluo_session')).toBeUndefined()
      const body = (await res.json()) as ErrorJson
      expect(body.error.code).toBe('TOO_MANY')
      expect(body.error.message).toContain('统一身份认证登录过于频繁')
      expect(body.error.message).toContain(
        `more than ${OIDC_CALLBACK_MAX} single sign-on callbacks without a sign-in from this address`,
      )
      expect(body.error.details).toMatchObject({
        reason: 'oidc_callback',
        limit: OIDC_CALLBACK_MAX,
        windowS: OIDC_WINDOW_MS / 1000,
        retryAfterS: Number(res.headers.get('retry-after')),
      })
    }
    expect(issuer.tokenRequests.length).toBe(before + OIDC_CALLBACK_MAX)
    expect(issuer.issued.length).toBe(issuedBefore + 2) // the two codes of the authorize step only

    // A browser coming back from the issuer is sent to the sign-in page's message instead.
    const nav = await signIn(app, ip, { headers: { 'sec-fetch-mode': 'navigate' } })
    expect(nav.res.status).toBe(302)
    expect(nav.res.headers.get('location')).toBe('/?login_error=throttled')
    const html = await signIn(app, ip, { headers: { accept: 'text/html,*/*;q=0.8' } })
    expect(html.res.headers.get('location')).toBe('/?login_error=throttled')
    expect(issuer.tokenRequests.length).toBe(before + OIDC_CALLBACK_MAX)

    // Audited once for the address and window, without codes or tokens.
    const audits = await throttledAudits(ip)
    expect(audits).toHaveLength(1)
    expect(audits[0]!.actor).toBe('(throttled)')
    expect(audits[0]!.detail).toMatchObject({
      ip,
      route: 'callback',
      limit: OIDC_CALLBACK_MAX,
      windowS: OIDC_WINDOW_MS / 1000,
    })
    for (const secret of issuer.issued) expect(audits[0]!.text).not.toContain(secret)

    // Another address is not affected.
    const other = await signIn(app, '203.0.113.11')
    expect(other.res.headers.get('location')).toBe('/')
    expect(issuer.tokenRequests.length).toBe(before + OIDC_CALLBACK_MAX + 1)

    // Still refused just before the window ends; let in once it has passed.
    vi.setSystemTime(Date.now() + OIDC_WINDOW_MS - 5_000)
    expect((await signIn(app, ip)).res.status).toBe(429)
    vi.setSystemTime(Date.now() + 10_000)
    const after = await signIn(app, ip)
    expect(after.res.headers.get('location')).toBe('/')
    expect(cookieOf(after.res, 'yuanluo_session')).toBeDefined()
    expect(issuer.tokenRequests.length).toBe(before + OIDC_CALLBACK_MAX + 2)
  })

  it('does not count sign-ins against an address (an office behind one address)', async () => {
    const app = oidcApp(getDb(), config)
    const ip = '203.0.113.20'
    for (let i = 0; i < OIDC_CALLBACK_MAX - 1; i++)
      expect((await signIn(app, ip, { forge: true })).res.status).toBe(302)
    // More colleagues sign in than the limit allows failures …
    for (let i = 0; i < OIDC_CALLBACK_MAX + 5; i++) {
      const { res } = await signIn(app, ip)
      expect(res.headers.get('location'), `sign-in ${i + 1}`).toBe('/')
    }
    // … and the address still has exactly its last failed callback left.
    expect((await signIn(app, ip, { forge: true })).res.headers.get('location')).toBe(
      '/?login_error=token',
    )
    expect((await signIn(app, ip, { forge: true })).res.status).toBe(429)
  })

  it('throttles starts per address: 429, or the sign-in page for a browser; once audited; discovery untouched', async () => {
    const app = oidcApp(getDb(), config)
    const ip = '203.0.113.30'
    for (let i = 0; i < OIDC_START_MAX; i++) {
      const res = await start(app, ip)
      expect(res.status, `start ${i + 1}`).toBe(302)
      expect(res.headers.get('location')!.startsWith(issuer.url)).toBe(true)
    }
    const asked = issuer.requests.length
    const res = await start(app, ip)
    expect(res.status).toBe(429)
    expect(cookieOf(res, 'yuanluo_oidc')).toBeUndefined()
    const body = (await res.json()) as ErrorJson
    expect(body.error.code).toBe('TOO_MANY')
    expect(body.error.message).toContain(`more than ${OIDC_START_MAX} single sign-ons started`)
    expect(body.error.details).toMatchObject({ reason: 'oidc_start', limit: OIDC_START_MAX })
    const nav = await start(app, ip, { 'sec-fetch-mode': 'navigate' })
    expect(nav.status).toBe(302)
    expect(nav.headers.get('location')).toBe('/?login_error=throttled')
    expect(issuer.requests.length).toBe(asked)
    const audits = await throttledAudits(ip)
    expect(audits).toHaveLength(1)
    expect(audits[0]!.detail).toMatchObject({ ip, route: 'start', limit: OIDC_START_MAX })
    // Another address starts as usual.
    const other = await start(app, '203.0.113.31')
    expect(other.headers.get('location')!.startsWith(issuer.url)).toBe(true)
  })

  it('refuses a replayed flow cookie and state as a state error, without a second token request', async () => {
    const app = oidcApp(getDb(), config)
    const ip = '203.0.113.40'
    const first = await signIn(app, ip, { forge: true })
    expect(first.res.headers.get('location')).toBe('/?login_error=token')
    const asked = issuer.tokenRequests.length
    const replay = first.path.replace(/code=[^&]+/, 'code=another-forged-code')
    for (const path of [first.path, replay]) {
      const res = await app.request(path, {
        headers: { 'x-forwarded-for': ip, cookie: first.flow },
      })
      expect(res.headers.get('location')).toBe('/?login_error=state')
    }
    expect(issuer.tokenRequests.length).toBe(asked)
    const [audit] = await getDb().query<{ d: Record<string, unknown> }>(sql`
      SELECT detail AS d FROM audit_log WHERE action = 'auth.oidc.login_failed'
      ORDER BY id DESC LIMIT 1`)
    expect(audit!.d).toMatchObject({ ip, reason: 'state', detail: expect.stringMatching(/replay/) })
  })

  it('keys on the socket address unless behind a trusted proxy, and then on the last hop only', async () => {
    // Without TRUST_PROXY a client choosing its X-Forwarded-For is still one address.
    const direct = oidcApp(getDb(), config, false)
    for (let i = 0; i < OIDC_CALLBACK_MAX; i++)
      expect((await signIn(direct, `192.0.2.${i}`, { forge: true })).res.status).toBe(302)
    expect((await signIn(direct, '192.0.2.200', { forge: true })).res.status).toBe(429)

    // Behind the proxy, entries the client put before the proxy's own are not evidence.
    const proxied = oidcApp(getDb(), config)
    for (let i = 0; i < OIDC_CALLBACK_MAX; i++)
      expect((await signIn(proxied, `10.9.9.${i}, 203.0.113.50`, { forge: true })).res.status).toBe(
        302,
      )
    expect((await signIn(proxied, '10.9.9.250, 203.0.113.50', { forge: true })).res.status).toBe(
      429,
    )
    expect((await signIn(proxied, '203.0.113.51', { forge: true })).res.status).toBe(302)
  })
})
