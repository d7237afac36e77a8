// Security review of single sign-on and the session cache: each test shows a defect found in review
// (an insecure or malformed answer of the issuer, a claim that is no evidence, a session revived
// after another process declared it timed out) refused or handled.
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import type { OidcConfig } from '../../server/src/env.ts'
import { verifyIdToken, type Jwk } from '../../server/src/features/auth/oidc-jwt.ts'
import { sessionCache } from '../../server/src/features/auth/session-cache.ts'
import {
  createSession,
  endSession,
  insertUser,
  tokenHash,
} from '../../server/src/features/auth/users.queries.ts'
import { readVersions } from '../../server/src/lib/data-version.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  issuerConfig,
  startFakeIssuer,
  type FakeIssuer,
} from '../helpers/fake-oidc.ts'
import { call, loadWorld, requiredApp, signIn, type Session } from './security-fixture.ts'

const baseEnv = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

/** A fresh app (and so a fresh OIDC client: nothing of the issuer cached). */
const oidcApp = (db: Db, OIDC: OidcConfig) =>
  createApp({ db, env: { ...baseEnv, OIDC }, log: memoryLogger() }, { auth: 'required' })
type App = ReturnType<typeof oidcApp>

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]

/** start → authorize → callback; the callback's status and location. */
async function ssoSignIn(app: App): Promise<{ status: number; location: string | null }> {
  const start = await app.request('http://yuanluo.test/api/auth/oidc/start')
  const to = start.headers.get('location')!
  if (!to.startsWith('http')) return { status: start.status, location: to }
  const flow = cookieOf(start, 'yuanluo_oidc')!
  const back = await fetch(to, { redirect: 'manual' })
  const cb = new URL(back.headers.get('location')!)
  const res = await app.request(cb.pathname + cb.search, { headers: { cookie: flow } })
  return { status: res.status, location: res.headers.get('location') }
}

describeEachDb('security review: single sign-on', (getDb) => {
  let issuer: FakeIssuer
  let config: OidcConfig

  beforeAll(async () => {
    issuer = await startFakeIssuer()
    config = issuerConfig(issuer)
    await insertUser(getDb(), {
      username: 'review-user',
      displayName: 'review',
      role: 'planner',
      passwordHash: null,
      jurisdictionAreaId: null,
      oidcSubject: `${issuer.url}|R-1`,
    })
  })
  afterAll(async () => {
    await issuer?.close()
  })

  const reset = () => {
    issuer.discovery = {}
    issuer.extraKeys = []
    issuer.user = { sub: 'R-1' }
  }

  it('refuses a discovery document whose endpoints are plain http to another host (the client secret would travel in clear)', async () => {
    reset()
    const before = issuer.tokenRequests.length
    for (const [field, url] of [
      ['token_endpoint', 'http://idp.example.test/token'],
      ['authorization_endpoint', 'http://idp.example.test/authorize'],
      ['jwks_uri', 'http://idp.example.test/jwks'],
      ['userinfo_endpoint', 'data:application/json,{}'],
    ]) {
      issuer.discovery = { [field!]: url }
      // Refused before the browser is sent anywhere.
      const start = await oidcApp(getDb(), config).request(
        'http://yuanluo.test/api/auth/oidc/start',
      )
      expect(start.headers.get('location'), field).toBe('/?login_error=unavailable')
    }
    expect(issuer.tokenRequests.length).toBe(before)
    // Loopback http (a test issuer, as OIDC_ISSUER allows) still works.
    reset()
    expect(await ssoSignIn(oidcApp(getDb(), config))).toEqual({ status: 302, location: '/' })
  })

  it('skips JWKS entries that are no key objects instead of failing the callback with a 500', async () => {
    reset()
    issuer.extraKeys = [null, 'junk', 42, [], { kty: 'RSA', kid: 'rsa-bad', n: 1, e: 'AQAB' }]
    expect(await ssoSignIn(oidcApp(getDb(), config))).toEqual({ status: 302, location: '/' })
    // A keys array of nothing usable is a refusal the page can explain, not a 500.
    issuer.discovery = { jwks_uri: `${issuer.url}/nowhere` }
    expect(await ssoSignIn(oidcApp(getDb(), config))).toEqual({
      status: 302,
      location: '/?login_error=unavailable',
    })
  })

  it('a replayed callback (same flow cookie, same code) starts no second session; a forged cookie is a state error', async () => {
    reset()
    const app = oidcApp(getDb(), config)
    const start = await app.request('http://yuanluo.test/api/auth/oidc/start')
    const flow = cookieOf(start, 'yuanluo_oidc')!
    const back = await fetch(start.headers.get('location')!, { redirect: 'manual' })
    const cb = new URL(back.headers.get('location')!)
    const callback = () => app.request(cb.pathname + cb.search, { headers: { cookie: flow } })
    const first = await callback()
    expect(first.headers.get('location')).toBe('/')
    expect(cookieOf(first, 'yuanluo_session')).toBeDefined()
    // The spent state is refused before the issuer is asked again (its one-time code would refuse it too).
    const tokenRequests = issuer.tokenRequests.length
    const again = await callback()
    expect(again.headers.get('location')).toBe('/?login_error=state')
    expect(cookieOf(again, 'yuanluo_session')).toBeUndefined()
    expect(issuer.tokenRequests.length).toBe(tokenRequests)
    // A cookie whose payload or MAC was altered is no sign-in in progress.
    const [payload, mac] = flow.slice('yuanluo_oidc='.length).split('.')
    const state = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { exp: number }
    const longer = Buffer.from(JSON.stringify({ ...state, exp: state.exp + 1e9 })).toString(
      'base64url',
    )
    for (const forged of [`${longer}.${mac}`, `${payload}.${mac!.slice(0, -2)}AA`, `${payload}.`]) {
      const res = await app.request(cb.pathname + cb.search, {
        headers: { cookie: `yuanluo_oidc=${forged}` },
      })
      expect(res.headers.get('location'), forged).toBe('/?login_error=state')
    }
  })

  it('a burst of sign-in starts while discovery fails asks the issuer once, not once per request', async () => {
    reset()
    issuer.discovery = { issuer: 'https://elsewhere.test' } // unusable: names another issuer
    const app = oidcApp(getDb(), config)
    issuer.requests.length = 0
    const starts = await Promise.all(
      Array.from({ length: 20 }, () => app.request('http://yuanluo.test/api/auth/oidc/start')),
    )
    for (const res of starts) expect(res.headers.get('location')).toBe('/?login_error=unavailable')
    expect(issuer.requests.filter((r) => r.endsWith('/openid-configuration')).length).toBe(1)
  })

  it('treats an alg naming a property of every object (constructor, __proto__, toString) as unknown', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
    for (const alg of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      let asked = 0
      const token = `${b64({ alg })}.${b64({ iss: 'x', sub: 'y' })}.${b64('sig')}`
      await expect(
        verifyIdToken(token, {
          issuer: 'x',
          clientId: CLIENT_ID,
          nonce: 'n',
          keys: () => {
            asked++
            // A key without kty: what Object.prototype's missing `kty` would match.
            return Promise.resolve([{ kid: 'k' }])
          },
        }),
        alg,
      ).rejects.toThrow(`algorithm ${alg} is not accepted`)
      expect(asked, alg).toBe(0)
    }
  })

  it('links an account by the email claim only when the issuer says the address is verified', async () => {
    reset()
    const byEmail = { ...config, usernameClaim: 'email' }
    await insertUser(getDb(), {
      username: 'mail-user@example.test',
      displayName: 'mail',
      role: 'leader',
      passwordHash: null,
      jurisdictionAreaId: null,
    })
    const linked = async () =>
      (
        await getDb().query<{ s: string | null }>(
          sql`SELECT oidc_subject AS s FROM app_user WHERE username = 'mail-user@example.test'`,
        )
      )[0]!.s
    // Anyone may type this address into an account at the issuer: no evidence of owning it.
    for (const verified of [false, undefined, 'yes']) {
      issuer.user = { sub: 'E-1', email: 'mail-user@example.test', email_verified: verified }
      expect(await ssoSignIn(oidcApp(getDb(), byEmail)), String(verified)).toEqual({
        status: 302,
        location: '/?login_error=unknown_user',
      })
      expect(await linked()).toBeNull()
    }
    issuer.user = { sub: 'E-1', email: 'mail-user@example.test', email_verified: true }
    expect(await ssoSignIn(oidcApp(getDb(), byEmail))).toEqual({ status: 302, location: '/' })
    expect(await linked()).toBe(`${issuer.url}|E-1`)
  })
})

describeEachDb('security review: cached sessions across processes', (getDb) => {
  beforeAll(async () => {
    await loadWorld(getDb())
  }, 120_000)

  const idOf = (s: Session) => tokenHash(decodeURIComponent(s.cookie.split('=')[1]!))
  const me = (app: ReturnType<typeof requiredApp>, s: Session) =>
    call(app, s, 'GET', '/api/auth/me')

  it('a session another process found timed out is not revived by a cached hit elsewhere', async () => {
    // Process A's clock is faked (its cache measures idleness with it); B asks the database.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
    try {
      const a = requiredApp(getDb())
      const b = requiredApp(getDb())
      const s = await signIn(a, 'admin')
      expect((await me(a, s)).status).toBe(200) // cached in A
      vi.advanceTimersByTime(30_000)
      expect((await me(a, s)).status).toBe(200) // a hit: seen in A, not written (under a minute)
      // 29.8 minutes later for A; the database last heard of the session 30.3 minutes ago (moved
      // without the auth-version trigger, as time passing would).
      vi.advanceTimersByTime(29.8 * 60_000)
      await getDb().tx(async (t) => {
        await t.query(
          sql`ALTER TABLE user_session DISABLE TRIGGER user_session_changed_auth_version`,
        )
        await t.query(sql`UPDATE user_session SET last_seen_at = now() - interval '30.3 minutes'
          WHERE id = ${idOf(s)}`)
        await t.query(
          sql`ALTER TABLE user_session ENABLE TRIGGER user_session_changed_auth_version`,
        )
      })
      const idle = { error: { code: 'UNAUTHENTICATED', details: { reason: 'idle' } } }
      const viaB = await me(b, s)
      expect(viaB.status).toBe(401)
      expect(viaB.json).toMatchObject(idle)
      // A must agree once it writes last_seen_at, rather than revive the session for everyone.
      const viaA = await me(a, s)
      expect(viaA.status).toBe(401)
      expect(viaA.json).toMatchObject(idle)
      expect((await me(b, s)).status).toBe(401)
    } finally {
      vi.useRealTimers()
    }
  })

  it('a cached session still needs its own CSRF token on every write', async () => {
    const a = requiredApp(getDb())
    const s = await signIn(a, 'admin')
    const other = await signIn(a, 'admin')
    expect((await me(a, s)).status).toBe(200) // cached
    expect((await me(a, s)).status).toBe(200) // a hit
    for (const opts of [
      { csrf: false },
      { csrf: false, headers: { 'x-csrf-token': other.csrf } },
    ]) {
      const res = await call(a, s, 'POST', '/api/auth/logout', undefined, opts)
      expect(res.status).toBe(403)
      expect(res.json).toMatchObject({ error: { code: 'CSRF' } })
    }
    expect((await me(a, s)).status).toBe(200)
    expect((await call(a, s, 'POST', '/api/auth/logout')).status).toBe(200)
    expect((await me(a, s)).status).toBe(401)
  })

  it('never keeps a fill whose lookup predates a revocation under the new auth version', async () => {
    const db = getDb()
    const userId = (
      await db.query<{ id: number }>(sql`SELECT id FROM app_user WHERE username = 'admin'`)
    )[0]!.id
    // The first session lookup runs, then waits (its answer predates what follows) until released.
    let release!: () => void
    let gate = Promise.resolve()
    let held = 0
    const slow: Db = {
      ...db,
      query: async <R>(q: Parameters<Db['query']>[0]) => {
        const rows = await db.query<R>(q)
        if (/FROM user_session s JOIN app_user/.test(q.text) && held++ === 0) await gate
        return rows
      },
    }
    for (const order of ['new-version request first', 'stale fill first'] as const) {
      held = 0
      gate = new Promise<void>((r) => (release = r))
      const cache = sessionCache(slow)
      const { token } = await createSession(db, userId, { ip: 't', userAgent: 't' })
      const v1 = (await readVersions(db)).auth
      const stale = cache.get(token, v1) // looks the session up: live
      await new Promise((r) => setTimeout(r, 0))
      await endSession(db, tokenHash(token)) // signed out through another process
      const v2 = (await readVersions(db)).auth
      expect(v2).not.toBe(v1)
      if (order === 'new-version request first') {
        expect(await cache.get(token, v2), order).toBeUndefined()
        release()
      } else release()
      // The request that arrived before the sign-out may still be answered as signed in…
      expect((await stale)?.state, order).toBe('live')
      // …but nothing after it.
      expect(await cache.get(token, v2), order).toBeUndefined()
      expect(await cache.get(token, v2), order).toBeUndefined()
      expect(cache.stats.hits, order).toBe(0)
    }
  })

  it('a hit whose last_seen_at write overlaps a revocation is not put back under the new version', async () => {
    const db = getDb()
    const userId = (
      await db.query<{ id: number }>(sql`SELECT id FROM app_user WHERE username = 'admin'`)
    )[0]!.id
    let release!: () => void
    let gate = Promise.resolve()
    const slow: Db = {
      ...db,
      query: async <R>(q: Parameters<Db['query']>[0]) => {
        const rows = await db.query<R>(q)
        if (/UPDATE user_session SET last_seen_at/.test(q.text)) await gate
        return rows
      },
    }
    let clock = 1_000_000
    const cache = sessionCache(slow, { now: () => clock })
    const { token } = await createSession(db, userId, { ip: 't', userAgent: 't' })
    const v1 = (await readVersions(db)).auth
    expect((await cache.get(token, v1))?.state).toBe('live') // cached
    clock += 61_000 // the next hit writes last_seen_at
    gate = new Promise<void>((r) => (release = r))
    const hit = cache.get(token, v1)
    await new Promise((r) => setTimeout(r, 0))
    await endSession(db, tokenHash(token))
    const v2 = (await readVersions(db)).auth
    expect(await cache.get(token, v2)).toBeUndefined()
    release()
    expect((await hit)?.state).toBe('live') // arrived before the sign-out
    expect(await cache.get(token, v2)).toBeUndefined()
  })
})

describe('security review: ID token algorithm and key selection (node:crypto)', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const rsa2 = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = (k: KeyObject, extra: Partial<Jwk>): Jwk => ({
    ...(k.export({ format: 'jwk' }) as Jwk),
    ...extra,
  })
  const now = Math.floor(Date.now() / 1000)
  const claims = {
    iss: 'https://idp.test',
    sub: 's',
    aud: CLIENT_ID,
    exp: now + 60,
    iat: now,
    nonce: 'n',
  }
  const opts = (keys: Jwk[]) => ({
    issuer: 'https://idp.test',
    clientId: CLIENT_ID,
    nonce: 'n',
    keys: () => Promise.resolve(keys),
  })
  const token = (header: Record<string, unknown>, sig: (input: Buffer) => Buffer) => {
    const input = `${b64(header)}.${b64(claims)}`
    return `${input}.${sig(Buffer.from(input)).toString('base64url')}`
  }
  const rs256 = (key: KeyObject) => (input: Buffer) => sign('sha256', input, key)

  it('refuses none and HMAC (signed with the client secret or the public key) whatever the keys', async () => {
    const pem = rsa.publicKey.export({ format: 'pem', type: 'spki' })
    const keys = [jwk(rsa.publicKey, { kid: 'r' })]
    for (const [alg, secret] of [
      ['none', undefined],
      ['HS256', CLIENT_SECRET],
      ['HS256', pem],
      ['RS1', undefined],
    ] as const) {
      const t = token({ alg, kid: 'r' }, (input) =>
        secret ? createHmac('sha256', secret).update(input).digest() : Buffer.alloc(0),
      )
      await expect(verifyIdToken(t, opts(keys)), alg).rejects.toThrow(/is not accepted/)
    }
  })

  it('without kid, uses the one key that fits and refuses when several do', async () => {
    const t = token({ alg: 'RS256' }, rs256(rsa.privateKey))
    const one = [jwk(rsa.publicKey, { kid: 'r' }), jwk(ec.publicKey, { kid: 'e' })]
    expect((await verifyIdToken(t, opts(one))).sub).toBe('s')
    const two = [...one, jwk(rsa2.publicKey, { kid: 'r2' })]
    await expect(verifyIdToken(t, opts(two))).rejects.toThrow(/no RS256 key with kid \(none\)/)
  })

  it('selects by kid, kty, curve and the key’s own alg; refuses short RSA keys; PS256 verifies', async () => {
    const keys = [jwk(rsa.publicKey, { kid: 'r', alg: 'RS256' }), jwk(ec.publicKey, { kid: 'e' })]
    // Another kid's key, or a key published for RS256 used as PS256, is no key.
    const other = token({ alg: 'RS256', kid: 'r2' }, rs256(rsa2.privateKey))
    await expect(verifyIdToken(other, opts(keys))).rejects.toThrow(/no RS256 key with kid r2/)
    const pss = (input: Buffer) =>
      sign('sha256', input, { key: rsa.privateKey, padding: 6, saltLength: 32 })
    await expect(verifyIdToken(token({ alg: 'PS256', kid: 'r' }, pss), opts(keys))).rejects.toThrow(
      /no PS256 key/,
    )
    // An EC kid named with an RSA alg.
    await expect(
      verifyIdToken(token({ alg: 'RS256', kid: 'e' }, rs256(rsa.privateKey)), opts(keys)),
    ).rejects.toThrow(/no RS256 key with kid e/)
    const unpinned = [jwk(rsa.publicKey, { kid: 'r' })]
    expect((await verifyIdToken(token({ alg: 'PS256', kid: 'r' }, pss), opts(unpinned))).sub).toBe(
      's',
    )
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 })
    await expect(
      verifyIdToken(
        token({ alg: 'RS256', kid: 's' }, rs256(short.privateKey)),
        opts([jwk(short.publicKey, { kid: 's' })]),
      ),
    ).rejects.toThrow(/shorter than 2048 bits/)
  })
})
