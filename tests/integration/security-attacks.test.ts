// Attacks on the API: SQL injection in every documented parameter and body field, oversized bodies,
// password guessing (lockout, per-address throttle), session cookie flags, sign-out, headers.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { JSON_BODY_LIMIT_BYTES } from '../../server/src/features/auth/hardening.ts'
import { POLICY } from '../../server/src/features/auth/policy.ts'
import { maskPhone } from '../../server/src/features/auth/redact.ts'
import { runUserCommand } from '../../server/src/features/auth/user-cli.ts'
import { createApp } from '../../server/src/app.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import {
  call,
  ledgerFingerprint,
  env,
  loadWorld,
  PASSWORD,
  requiredApp,
  signIn,
  type RequiredApp,
  type Session,
  type World,
} from './security-fixture.ts'
import { sample } from './security-sample.ts'

const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE compound; --',
  "1' UNION SELECT secretary_phone FROM party_org --",
  "'); UPDATE compound SET name = 'pwned'; --",
  '$1; SELECT pg_sleep(0)',
]

type Schema = {
  $ref?: string
  properties?: Record<string, Schema>
  type?: string
  pattern?: string
  enum?: unknown[]
  format?: string
}
type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[]
        requestBody?: { content: Record<string, { schema: Schema }> }
      }
    >
  >
  components?: { schemas?: Record<string, Schema> }
}

/** Every documented query/path parameter and JSON body field (one level into nested objects). */
function attackPoints(doc: Doc) {
  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? doc.components?.schemas?.[s.$ref.split('/').pop()!] : s
  // Free text (a name, a note): the injection is a legitimate value, stored as the text it is.
  const freeText = (s: Schema | undefined) =>
    s?.type === 'string' && !s.pattern && !s.enum && !s.format
  const points: {
    freeText?: boolean
    method: string
    path: string
    where: 'query' | 'path' | 'body'
    field: string[]
  }[] = []
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const p of op.parameters ?? [])
        if (p.in === 'query' || p.in === 'path')
          points.push({ method: method.toUpperCase(), path, where: p.in, field: [p.name] })
      const body = resolve(op.requestBody?.content['application/json']?.schema)
      for (const [name, s] of Object.entries(body?.properties ?? {})) {
        points.push({
          method: method.toUpperCase(),
          path,
          where: 'body',
          field: [name],
          freeText: freeText(resolve(s)),
        })
        for (const inner of Object.keys(resolve(s)?.properties ?? {}))
          points.push({ method: method.toUpperCase(), path, where: 'body', field: [name, inner] })
      }
    }
  }
  return points
}

// The OpenAPI document lists every route's parameters and body fields; built once from a bare app.
const noDb = {
  driver: 'pg',
  query: () => Promise.reject(new Error('no database while listing routes')),
  tx: () => Promise.reject(new Error('no database while listing routes')),
  exec: () => Promise.reject(new Error('no database while listing routes')),
  close: () => Promise.resolve(),
} as unknown as Db
const DOC = createApp({ db: noDb, env, log: memoryLogger() }).getOpenAPI31Document({
  openapi: '3.1.0',
  info: { title: 'security', version: '0' },
}) as unknown as Doc
const POINTS = attackPoints(DOC).filter((p) => !p.path.startsWith('/api/auth/'))
const ROUTES = [...new Set(POINTS.map((p) => `${p.method} ${p.path}`))]

it('finds injection points in the OpenAPI document', () => {
  expect(POINTS.length).toBeGreaterThan(100)
  console.info(
    `security: ${ROUTES.length} routes, ${POINTS.length} injection points × ${INJECTIONS.length} = ${POINTS.length * INJECTIONS.length} cases`,
  )
})

describeEachDb('security: attacks', (getDb) => {
  let app: RequiredApp
  let world: World
  let admin: Session
  beforeAll(async () => {
    world = await loadWorld(getDb())
    app = requiredApp(getDb())
    admin = await signIn(app, 'admin')
  })

  // One test per documented route, so a slow machine never runs 700 requests in one test.
  it.each(ROUTES)(
    'answers SQL injection in every field of %s with a 4xx, changing nothing',
    async (route) => {
      const points = POINTS.filter((p) => `${p.method} ${p.path}` === route)
      const before = await ledgerFingerprint(getDb())
      const wrong: string[] = []
      let cases = 0
      let stored = 0
      for (const p of points) {
        const key = `${p.method} ${p.path.replace(/\{(\w+)\}/g, ':$1')}`
        const base = sample(key, world, 'A')
        for (const inj of INJECTIONS) {
          cases++
          let path = base.path
          let body: unknown = p.method === 'GET' ? undefined : {}
          if (p.where === 'path') {
            // Only this parameter is attacked; the others keep their sample values.
            const pattern = p.path.replace(/\{(\w+)\}/g, ':$1').split('/')
            const parts = base.path.split('?')[0]!.split('/')
            pattern.forEach((seg, i) => {
              if (seg === `:${p.field[0]}`) parts[i] = encodeURIComponent(inj)
            })
            path = parts.join('/')
          } else if (p.where === 'query') {
            const url = new URL(base.path, 'http://x')
            url.searchParams.set(p.field[0]!, inj)
            path = url.pathname + url.search
          } else {
            body =
              p.field.length === 1
                ? { [p.field[0]!]: inj }
                : { [p.field[0]!]: { [p.field[1]!]: inj } }
          }
          const res = await call(app, admin, p.method, path, body)
          if (p.freeText && res.status < 300) {
            stored++
            continue
          }
          if (res.status < 400 || res.status >= 500)
            wrong.push(
              `${p.method} ${p.path} ${p.where}:${p.field.join('.')} = ${inj} → ${res.status}`,
            )
          // The input itself may be echoed back; anything else SQL-looking is a leak.
          const echoed = res.text.split(JSON.stringify(inj).slice(1, -1)).join('')
          if (/syntax error|pg_|SQLSTATE|at .*\.ts:\d+/i.test(echoed))
            wrong.push(`${p.method} ${p.path} leaks internals: ${res.text.slice(0, 100)}`)
        }
      }
      expect(wrong).toEqual([])
      expect(await ledgerFingerprint(getDb())).toBe(before)
      expect(cases).toBe(points.length * INJECTIONS.length)
      expect(stored).toBeLessThanOrEqual(cases)
    },
  )

  it('refuses an oversized body with 413 on every route that takes one, before reading it', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(JSON_BODY_LIMIT_BYTES + 10) })
    const writes = Object.keys(POLICY).filter((k) => !k.startsWith('GET '))
    const wrong: string[] = []
    for (const k of writes) {
      const q = sample(k, world, 'A')
      const res = await call(app, admin, q.method, q.path, big)
      if (res.status !== 413) wrong.push(`${k} → ${res.status}`)
    }
    expect(wrong).toEqual([])
    expect(writes.length).toBeGreaterThanOrEqual(15)
  })

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, Secure only over HTTPS', async () => {
    const plain = await signIn(app, 'viewer')
    expect(plain.setCookie).toMatch(/^yuanluo_session=[A-Za-z0-9_-]{43};/)
    expect(plain.setCookie).toMatch(/HttpOnly/)
    expect(plain.setCookie).toMatch(/SameSite=Lax/)
    expect(plain.setCookie).toMatch(/Path=\//)
    expect(plain.setCookie).not.toMatch(/Secure/)
    const login = (a: RequiredApp, url: string, headers: Record<string, string> = {}) =>
      a.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ username: 'viewer', password: PASSWORD }),
      })
    const https = await login(app, 'https://yuanluo.example/api/auth/login')
    expect(https.headers.get('set-cookie')).toMatch(/Secure/)
    // X-Forwarded-Proto counts only behind a trusted proxy.
    const spoofed = await login(app, '/api/auth/login', { 'x-forwarded-proto': 'https' })
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/Secure/)
    const proxied = await login(requiredApp(getDb(), { trustProxy: true }), '/api/auth/login', {
      'x-forwarded-proto': 'https',
    })
    expect(proxied.headers.get('set-cookie')).toMatch(/Secure/)
    // The token is stored only as its SHA-256.
    const token = plain.cookie.split('=')[1]!
    const stored = await getDb().query(sql`SELECT 1 FROM user_session WHERE id = ${token}`)
    expect(stored).toEqual([])
  })

  it('locks an account after 5 failures, says the same for unknown names, and audits it all', async () => {
    const attempt = (username: string, password: string) =>
      call(
        app,
        null,
        'POST',
        '/api/auth/login',
        { username, password },
        { headers: { 'x-forwarded-for': username } },
      )
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await attempt('leader', `wrong ${i}`))
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([401, 401, 401, 401])
    expect(answers[4]!.status).toBe(429)
    expect(answers[4]!.json!.error).toMatchObject({
      code: 'TOO_MANY',
      details: { reason: 'locked' },
    })
    // Locked: even the right password is refused until the lock ends.
    expect((await attempt('leader', PASSWORD)).status).toBe(429)
    // A name with no account answers exactly alike.
    const ghost = []
    for (let i = 0; i < 5; i++) ghost.push(await attempt('nobody', `wrong ${i}`))
    expect(ghost.map((a) => a.status)).toEqual(answers.map((a) => a.status))
    expect(ghost[0]!.json).toEqual(answers[0]!.json)
    expect(ghost[4]!.json!.error).toMatchObject({ code: 'TOO_MANY', details: { reason: 'locked' } })

    const audit = await getDb().query<{ action: string; actor: string; detail: unknown }>(sql`
      SELECT action, actor, detail FROM audit_log WHERE entity = 'app_user' ORDER BY id`)
    const leader = audit.filter((a) => a.actor === 'leader').map((a) => a.action)
    expect(leader.filter((a) => a === 'auth.login_failed')).toHaveLength(6)
    expect(leader.filter((a) => a === 'auth.lockout')).toHaveLength(1)
    expect(audit.some((a) => a.action === 'auth.login')).toBe(true)
    // No password, attempted or right, is ever stored.
    expect(JSON.stringify(audit)).not.toMatch(/wrong \d|correct horse/)
    // Unlocking (as npm run user -- passwd does) lets the account in again.
    await getDb().query(sql`UPDATE app_user SET locked_until = NULL WHERE username = 'leader'`)
    expect((await attempt('leader', PASSWORD)).status).toBe(200)
    // argon2id is slow on purpose (19 MiB per check): 11 checks need more than the default 60 s
    // on a loaded 2-core machine.
  }, 240_000)

  it('throttles one address after 20 failures across usernames', async () => {
    const proxied = requiredApp(getDb(), { trustProxy: true })
    const from = (ip: string, username: string) =>
      call(
        proxied,
        null,
        'POST',
        '/api/auth/login',
        { username, password: 'guess' },
        {
          headers: { 'x-forwarded-for': `1.2.3.4, ${ip}` },
        },
      )
    for (let i = 0; i < 20; i++) expect((await from('10.0.0.9', `guess${i}`)).status).toBe(401)
    const blocked = await from('10.0.0.9', 'admin')
    expect(blocked.status).toBe(429)
    expect(blocked.json!.error).toMatchObject({ details: { reason: 'address' } })
    expect((await from('10.0.0.10', 'guess0')).status).toBe(401)
    // 21 deliberately slow argon2id checks (see above).
  }, 240_000)

  it('ends the session in the database on sign-out, and every session on sign-out-all', async () => {
    const one = await signIn(app, 'plannerA')
    const two = await signIn(app, 'plannerA')
    expect((await call(app, one, 'POST', '/api/auth/logout')).status).toBe(200)
    expect((await call(app, one, 'GET', '/api/auth/me')).status).toBe(401)
    expect((await call(app, two, 'GET', '/api/auth/me')).status).toBe(200)
    const three = await signIn(app, 'plannerA')
    const all = await call(app, three, 'POST', '/api/auth/logout-all')
    expect(all.json).toEqual({ ended: 2 })
    expect((await call(app, two, 'GET', '/api/auth/me')).status).toBe(401)
    const [left] = await getDb().query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE u.username = 'plannerA'`)
    expect(left!.n).toBe(0)
  })

  it('sends security headers on the API and hides internals in errors', async () => {
    const res = await app.request('/api/health')
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/https?:/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    const bad = await call(app, admin, 'GET', '/api/compounds/1%27')
    expect(bad.status).toBe(400)
    expect(bad.text).not.toMatch(/stack|\.ts:|SELECT/)
  })

  it('manages accounts from the command line; a new password ends the sessions', async () => {
    const lines: string[] = []
    const io = { out: (l: string) => lines.push(l), readPassword: async () => 'a new password 42' }
    expect(
      await runUserCommand(
        getDb(),
        ['add', 'cli1', '--role', 'planner', '--area', '510104001'],
        io,
      ),
    ).toBe(0)
    const shown = lines.find((l) => l.startsWith('password (shown once): '))!.split(': ')[1]!
    const s = await signIn(app, 'cli1', shown)
    expect(await runUserCommand(getDb(), ['passwd', 'cli1', '--password-stdin'], io)).toBe(0)
    expect((await call(app, s, 'GET', '/api/auth/me')).status).toBe(401)
    await signIn(app, 'cli1', 'a new password 42')
    expect(await runUserCommand(getDb(), ['disable', 'cli1'], io)).toBe(0)
    const refused = await call(app, null, 'POST', '/api/auth/login', {
      username: 'cli1',
      password: 'a new password 42',
    })
    expect(refused.status).toBe(401)
    expect(await runUserCommand(getDb(), ['add', 'cli2', '--role', 'boss'], io)).toBe(1)
    expect(
      await runUserCommand(getDb(), ['add', 'cli2', '--role', 'viewer', '--area', '999'], io),
    ).toBe(1)
    expect(await runUserCommand(getDb(), ['list'], io)).toBe(0)
    expect(lines.join('\n')).toMatch(/cli1 +planner/)
  })
})

describe('phone masking', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('028-8765 4321')).toBe('028****4321')
    expect(maskPhone('12')).toBe('****')
  })
})
