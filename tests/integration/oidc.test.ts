// Single sign-on through OpenID Connect against a fake issuer in this process (tests/helpers/
// fake-oidc.ts): a full sign-in gives a working session; every bent token, state or verifier is
// refused, redirected to /?login_error=<code> and audited without tokens; unconfigured → 404.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { readEnv, type OidcConfig } from '../../server/src/env.ts'
import { runUserCommand } from '../../server/src/features/auth/user-cli.ts'
import { insertUser, type Role } from '../../server/src/features/auth/users.queries.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  issuerConfig,
  startFakeIssuer,
  type FakeIssuer,
  type Tweaks,
} from '../helpers/fake-oidc.ts'

const baseEnv = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

const oidcApp = (db: Db, OIDC?: OidcConfig) =>
  createApp(
    { db, env: { ...baseEnv, ...(OIDC ? { OIDC } : {}) }, log: memoryLogger() },
    // Each test signs in from its own address (X-Forwarded-For), so the sign-ins and refusals of
    // one test never use up another's callbacks (oidc-throttle.ts; tested in oidc-throttle.test.ts).
    { auth: 'required', trustProxy: true },
  )
type App = ReturnType<typeof oidcApp>

let testNo = 0
let address = '198.51.100.0'
beforeEach(() => {
  address = `198.51.100.${++testNo}`
})

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]

interface Outcome {
  /** Where the callback redirected. */
  location: string
  /** `yuanluo_session=…` when a session was started. */
  session?: string
  sessionSetCookie?: string
  flowSetCookie?: string
}

/**
 * One sign-in: start → the issuer's authorize (with `tweaks`) → callback, as a browser would, with
 * `bend` able to alter the callback's query or drop the flow cookie.
 */
async function signInThrough(
  app: App,
  issuer: FakeIssuer,
  tweaks: Tweaks = {},
  bend: { query?: (q: URLSearchParams) => void; noCookie?: boolean } = {},
): Promise<Outcome> {
  const start = await app.request('http://yuanluo.test/api/auth/oidc/start', {
    headers: { 'x-forwarded-for': address },
  })
  expect(start.status).toBe(302)
  const flow = cookieOf(start, 'yuanluo_oidc')
  expect(flow).toBeDefined()
  const authorize = new URL(start.headers.get('location')!)
  expect(authorize.origin).toBe(issuer.url)
  issuer.next = tweaks
  const back = await fetch(authorize, { redirect: 'manual' })
  expect(back.status).toBe(302)
  const cb = new URL(back.headers.get('location')!)
  expect(cb.origin + cb.pathname).toBe('http://yuanluo.test/api/auth/oidc/callback')
  bend.query?.(cb.searchParams)
  const res = await app.request(cb.pathname + cb.search, {
    headers: { 'x-forwarded-for': address, ...(bend.noCookie ? {} : { cookie: flow! }) },
  })
  expect(res.status).toBe(302)
  const all = res.headers.getSetCookie()
  return {
    location: res.headers.get('location')!,
    session: cookieOf(res, 'yuanluo_session'),
    sessionSetCookie: all.find((c) => c.startsWith('yuanluo_session=')),
    flowSetCookie: all.find((c) => c.startsWith('yuanluo_oidc=')),
  }
}

describeEachDb('OpenID Connect single sign-on', (getDb) => {
  let issuer: FakeIssuer
  let app: App
  let config: OidcConfig

  const addUser = async (username: string, role: Role = 'planner', oidcSubject?: string) =>
    insertUser(getDb(), {
      username,
      displayName: `显示 ${username}`,
      role,
      passwordHash: null,
      jurisdictionAreaId: null,
      oidcSubject: oidcSubject ?? null,
    })

  const lastAudit = async () => {
    const [row] = await getDb().query<{
      action: string
      actor: string
      entity_id: string | null
      detail: Record<string, unknown>
    }>(sql`SELECT action, actor, entity_id, detail FROM audit_log
      WHERE action LIKE 'auth.oidc.%' ORDER BY id DESC LIMIT 1`)
    return row!
  }

  /** A refused sign-in: redirected with `code`, no session, audited with the reason, no token kept. */
  const expectRefused = async (outcome: Outcome, code: string) => {
    expect(outcome.location).toBe(`/?login_error=${code}`)
    expect(outcome.session).toBeUndefined()
    // The spent flow cookie is cleared.
    expect(outcome.flowSetCookie).toMatch(/^yuanluo_oidc=;/)
    const audit = await lastAudit()
    expect(audit.action).toBe('auth.oidc.login_failed')
    expect(audit.detail.reason).toBe(code)
    return audit
  }

  beforeAll(async () => {
    issuer = await startFakeIssuer()
    config = issuerConfig(issuer)
    app = oidcApp(getDb(), config)
  })
  afterAll(async () => {
    await issuer?.close()
  })

  it('signs in through the issuer, links the account, and the session works like a password one', async () => {
    const userId = await addUser('sso-user')
    issuer.user = { sub: 'S-0001', preferred_username: 'sso-user' }
    const out = await signInThrough(app, issuer)
    expect(out.location).toBe('/')
    expect(out.session).toMatch(/^yuanluo_session=[A-Za-z0-9_-]{43}$/)
    expect(out.sessionSetCookie).toMatch(/HttpOnly/)
    expect(out.sessionSetCookie).toMatch(/SameSite=Lax/)
    expect(out.sessionSetCookie).toMatch(/Path=\//)
    expect(out.sessionSetCookie).toMatch(/Max-Age=43200/)

    const me = await app.request('/api/auth/me', { headers: { cookie: out.session! } })
    expect(me.status).toBe(200)
    const body = (await me.json()) as { user: { username: string; id: number }; csrfToken: string }
    expect(body.user).toMatchObject({ username: 'sso-user', id: userId })

    // The PKCE verifier and the client secret reached the token endpoint.
    expect(issuer.tokenRequests.at(-1)).toEqual({ status: 200, hadVerifier: true, basicAuth: true })

    // Linked by issuer and subject, recorded in the audit log without any code or token.
    const [row] = await getDb().query<{ s: string }>(
      sql`SELECT oidc_subject AS s FROM app_user WHERE id = ${userId}`,
    )
    expect(row!.s).toBe(`${issuer.url}|S-0001`)
    const events = await getDb().query<{ action: string; entity_id: string; detail: string }>(sql`
      SELECT action, entity_id, detail::text AS detail FROM audit_log
      WHERE action LIKE 'auth.oidc.%' AND entity_id = ${String(userId)} ORDER BY id`)
    expect(events.map((e) => e.action)).toEqual(['auth.oidc.link', 'auth.oidc.login'])

    // A CSRF-protected write: refused without the session's token, accepted with it.
    const noToken = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: out.session! },
    })
    expect(noToken.status).toBe(403)
    const write = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: out.session!, 'x-csrf-token': body.csrfToken },
    })
    expect(write.status).toBe(200)
    expect(await write.json()).toEqual({ ended: 1 })
    const after = await app.request('/api/auth/me', { headers: { cookie: out.session! } })
    expect(after.status).toBe(401)
  })

  it('finds a linked account by its subject even when the username claim changed, with an EC key', async () => {
    const userId = await addUser('linked-user', 'viewer', `${issuer.url}|S-LINKED`)
    issuer.user = { sub: 'S-LINKED', preferred_username: 'someone-else' }
    const out = await signInThrough(app, issuer, { alg: 'ES256' })
    expect(out.location).toBe('/')
    const me = await app.request('/api/auth/me', { headers: { cookie: out.session! } })
    expect(((await me.json()) as { user: { id: number } }).user.id).toBe(userId)
    expect((await lastAudit()).action).toBe('auth.oidc.login')
  })

  it('refuses a subject with no account, naming the subject for the administrator', async () => {
    issuer.user = { sub: 'S-NOBODY', preferred_username: 'nobody-here' }
    const audit = await expectRefused(await signInThrough(app, issuer), 'unknown_user')
    expect(audit.detail.subject).toBe(`${issuer.url}|S-NOBODY`)
    expect(audit.actor).toBe('(unknown user)')
  })

  it('refuses an account already linked to another subject', async () => {
    await addUser('taken', 'viewer', `${issuer.url}|S-OWNER`)
    issuer.user = { sub: 'S-INTRUDER', preferred_username: 'taken' }
    await expectRefused(await signInThrough(app, issuer), 'unknown_user')
  })

  it('never links an administrator by the username claim, only by subject', async () => {
    const admin = await addUser('sso-admin', 'admin')
    issuer.user = { sub: 'S-CLAIMS-ADMIN', preferred_username: 'sso-admin' }
    const audit = await expectRefused(await signInThrough(app, issuer), 'unknown_user')
    expect(audit.detail.detail).toMatch(/administrator/)
    const [row] = await getDb().query<{ s: string | null }>(
      sql`SELECT oidc_subject AS s FROM app_user WHERE id = ${admin}`,
    )
    expect(row!.s).toBeNull()
    // Linked by subject (as link-oidc does), the same administrator signs in.
    await getDb().query(
      sql`UPDATE app_user SET oidc_subject = ${`${issuer.url}|S-CLAIMS-ADMIN`} WHERE id = ${admin}`,
    )
    expect((await signInThrough(app, issuer)).location).toBe('/')
  })

  it('refuses a disabled account and a locked one, linking neither', async () => {
    const disabled = await addUser('sso-disabled')
    await getDb().query(sql`UPDATE app_user SET disabled = true WHERE id = ${disabled}`)
    issuer.user = { sub: 'S-DIS', preferred_username: 'sso-disabled' }
    const a = await expectRefused(await signInThrough(app, issuer), 'disabled')
    expect(a.entity_id).toBe(String(disabled))

    const locked = await addUser('sso-locked')
    await getDb().query(
      sql`UPDATE app_user SET locked_until = now() + interval '10 minutes' WHERE id = ${locked}`,
    )
    issuer.user = { sub: 'S-LOCK', preferred_username: 'sso-locked' }
    await expectRefused(await signInThrough(app, issuer), 'locked')
    const rows = await getDb().query<{ s: string | null }>(
      sql`SELECT oidc_subject AS s FROM app_user WHERE id IN (${disabled}, ${locked})`,
    )
    expect(rows.map((r) => r.s)).toEqual([null, null])
  })

  it('refuses bent ID tokens: nonce, audience, azp, issuer, expiry, signature, unknown kid', async () => {
    await addUser('bent-user')
    issuer.user = { sub: 'S-BENT', preferred_username: 'bent-user' }
    const now = Math.floor(Date.now() / 1000)
    const cases: [Tweaks, string][] = [
      [{ claims: { nonce: 'another sign-in' } }, 'claims'],
      [{ claims: { nonce: undefined } }, 'claims'],
      [{ claims: { aud: 'another-client' } }, 'claims'],
      [{ claims: { aud: [CLIENT_ID, 'another-client'] } }, 'claims'],
      [{ claims: { aud: [CLIENT_ID, 'another-client'], azp: 'another-client' } }, 'claims'],
      [{ claims: { iss: 'https://evil.example' } }, 'claims'],
      [{ claims: { iat: now + 3600 } }, 'claims'],
      [{ claims: { exp: now - 3600, iat: now - 7200 } }, 'expired'],
      [{ tamper: true }, 'signature'],
      [{ tamper: true, alg: 'ES256' }, 'signature'],
      [{ kid: 'rotated-away' }, 'signature'],
    ]
    for (const [tweaks, code] of cases) {
      const audit = await expectRefused(await signInThrough(app, issuer, tweaks), code)
      expect(audit.detail.detail, JSON.stringify(tweaks)).toEqual(expect.any(String))
    }
    // Several audiences are fine with azp naming us.
    const ok = await signInThrough(app, issuer, {
      claims: { aud: [CLIENT_ID, 'another-client'], azp: CLIENT_ID },
    })
    expect(ok.location).toBe('/')
  })

  it('refuses a state mismatch, a missing flow cookie and an issuer error, before any token request', async () => {
    await addUser('state-user')
    issuer.user = { sub: 'S-STATE', preferred_username: 'state-user' }
    const before = issuer.tokenRequests.length
    await expectRefused(await signInThrough(app, issuer, { state: 'forged' }), 'state')
    await expectRefused(await signInThrough(app, issuer, {}, { noCookie: true }), 'state')
    await expectRefused(
      await signInThrough(app, issuer, {}, { query: (q) => q.delete('state') }),
      'state',
    )
    await expectRefused(await signInThrough(app, issuer, { error: 'access_denied' }), 'issuer')
    await expectRefused(
      await signInThrough(app, issuer, {}, { query: (q) => q.set('iss', 'https://evil.example') }),
      'issuer',
    )
    expect(issuer.tokenRequests.length).toBe(before)
  })

  it('refuses when the token endpoint rejects the PKCE verifier, and the issuer really checks it', async () => {
    await addUser('pkce-user')
    issuer.user = { sub: 'S-PKCE', preferred_username: 'pkce-user' }
    await expectRefused(
      await signInThrough(app, issuer, { challenge: 'not-the-challenge' }),
      'token',
    )
    expect(issuer.tokenRequests.at(-1)).toMatchObject({ status: 400, error: 'invalid_grant' })

    // The fake issuer refuses a code presented without a verifier (so the test above means something).
    const start = await app.request('http://yuanluo.test/api/auth/oidc/start')
    const back = await fetch(start.headers.get('location')!, { redirect: 'manual' })
    const cb = new URL(back.headers.get('location')!)
    const res = await fetch(`${issuer.url}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: cb.searchParams.get('code')!,
        redirect_uri: 'http://yuanluo.test/api/auth/oidc/callback',
      }).toString(),
    })
    expect(res.status).toBe(400)
    expect(issuer.tokenRequests.at(-1)).toMatchObject({
      hadVerifier: false,
      error: 'invalid_request',
    })

    // A wrong client secret is refused by the issuer, and so is the sign-in.
    const wrongSecret = oidcApp(getDb(), { ...config, clientSecret: 'wrong' })
    await expectRefused(await signInThrough(wrongSecret, issuer), 'token')
  })

  it('never writes a code or a token into the audit log', async () => {
    const rows = await getDb().query<{ d: string }>(sql`
      SELECT coalesce(detail::text, '') AS d FROM audit_log WHERE action LIKE 'auth.oidc.%'`)
    expect(rows.length).toBeGreaterThan(10)
    const text = rows.map((r) => r.d).join('\n')
    expect(issuer.issued.length).toBeGreaterThan(10)
    for (const secret of issuer.issued) expect(text).not.toContain(secret)
    expect(text).not.toContain(CLIENT_SECRET)
  })

  it('answers 404 on both routes and tells the page no SSO when unconfigured', async () => {
    const plain = oidcApp(getDb())
    for (const path of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
      const res = await plain.request(path)
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
    }
    const off = (await (await plain.request('/api/config')).json()) as { sso: boolean }
    expect(off.sso).toBe(false)
    const on = (await (await app.request('/api/config')).json()) as { sso: boolean }
    expect(on.sso).toBe(true)
  })

  it('links an account from the command line', async () => {
    await addUser('cli-user')
    const lines: string[] = []
    const io = { out: (l: string) => lines.push(l), readPassword: async () => '' }
    expect(await runUserCommand(getDb(), ['link-oidc', 'cli-user', 'no-bar'], io)).toBe(1)
    expect(
      await runUserCommand(getDb(), ['link-oidc', 'cli-user', `${issuer.url}|S-CLI`], io),
    ).toBe(0)
    // Another account cannot take the same subject.
    await addUser('cli-other')
    expect(
      await runUserCommand(getDb(), ['link-oidc', 'cli-other', `${issuer.url}|S-CLI`], io),
    ).toBe(1)
    issuer.user = { sub: 'S-CLI' }
    const out = await signInThrough(app, issuer)
    expect(out.location).toBe('/')
    expect(await runUserCommand(getDb(), ['unlink-oidc', 'cli-user'], io)).toBe(0)
    await expectRefused(await signInThrough(app, issuer), 'unknown_user')
    expect(lines.join('\n')).toContain('already linked to cli-user')

    // An account for single sign-on only: no password, linked at creation.
    const add = ['add', 'sso-only', '--role', 'viewer', '--no-password']
    expect(
      await runUserCommand(getDb(), [...add, '--oidc-subject', `${issuer.url}|S-ONLY`], io),
    ).toBe(0)
    expect(lines.join('\n')).not.toContain('password (shown once)')
    const [only] = await getDb().query<{ h: string | null }>(
      sql`SELECT password_hash AS h FROM app_user WHERE username = 'sso-only'`,
    )
    expect(only!.h).toBeNull()
    issuer.user = { sub: 'S-ONLY' }
    expect((await signInThrough(app, issuer)).location).toBe('/')
    const form = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sso-only', password: 'anything at all' }),
    })
    expect(form.status).toBe(401)
  })
})

describe('OpenID Connect configuration', () => {
  const full = {
    OIDC_ISSUER: 'https://sso.gov.example/realms/a',
    OIDC_CLIENT_ID: 'yuanluo',
    OIDC_CLIENT_SECRET: 's3cret',
  }
  it('needs issuer, client id and secret together, naming the missing one', () => {
    expect(readEnv({}).OIDC).toBeUndefined()
    expect(() => readEnv({ OIDC_ISSUER: full.OIDC_ISSUER, OIDC_CLIENT_ID: 'x' })).toThrow(
      /OIDC_CLIENT_SECRET is missing/,
    )
    expect(() => readEnv({ OIDC_CLIENT_SECRET: 'x' })).toThrow(/OIDC_ISSUER is missing/)
    expect(() => readEnv({ OIDC_SCOPES: 'openid email' })).toThrow(/OIDC_ISSUER is missing/)
    expect(readEnv(full).OIDC).toEqual({
      issuer: full.OIDC_ISSUER,
      clientId: 'yuanluo',
      clientSecret: 's3cret',
      scopes: ['openid', 'profile'],
      usernameClaim: 'preferred_username',
    })
    expect(
      readEnv({ ...full, OIDC_SCOPES: 'email', OIDC_USERNAME_CLAIM: 'uid' }).OIDC,
    ).toMatchObject({ scopes: ['openid', 'email'], usernameClaim: 'uid' })
  })

  it('takes https, or http on loopback only', () => {
    expect(() => readEnv({ ...full, OIDC_ISSUER: 'http://sso.gov.example' })).toThrow(
      /OIDC_ISSUER must be an https URL/,
    )
    expect(() => readEnv({ ...full, OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER is not a URL/)
    expect(readEnv({ ...full, OIDC_ISSUER: 'http://127.0.0.1:9000' }).OIDC?.issuer).toBe(
      'http://127.0.0.1:9000',
    )
    expect(() =>
      readEnv({ ...full, OIDC_REDIRECT_URI: 'http://yuanluo.gov.example/api/auth/oidc/callback' }),
    ).toThrow(/OIDC_REDIRECT_URI must be an https URL/)
  })
})
