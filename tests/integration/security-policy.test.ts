// Every served API route has an entry in the one access policy, and every protected route refuses
// a request without a session: the routes are enumerated from app.routes, not sampled.
import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import {
  demoAccountsNotice,
  ensureDemoAccounts,
} from '../../server/src/features/auth/demo-accounts.ts'
import { POLICY } from '../../server/src/features/auth/policy.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { loadTinyCity, TINY } from '../fixtures/tiny-city.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { apiRoutes, call, env, loadWorld, requiredApp, signIn } from './security-fixture.ts'

const fill = (path: string) => path.replace(/:\w+/g, '1')

describeEachDb('security: the access policy covers every route', (getDb) => {
  let app: ReturnType<typeof requiredApp>
  beforeAll(async () => {
    await loadWorld(getDb())
    app = requiredApp(getDb())
  })

  it('has a policy entry for every served API route, and no entry for a route not served', () => {
    const served = apiRoutes(app).map((r) => r.key)
    expect(served.length).toBeGreaterThan(20)
    const missing = served.filter((k) => !(k in POLICY))
    expect(missing, `routes without an entry in features/auth/policy.ts`).toEqual([])
    const stale = Object.keys(POLICY).filter((k) => !served.includes(k))
    expect(stale, 'policy entries naming no served route').toEqual([])
  })

  it('refuses every protected route without a session with 401, on every route', async () => {
    const protectedRoutes = apiRoutes(app).filter(
      (r) => POLICY[r.key] && !('public' in POLICY[r.key]!),
    )
    const answers: string[] = []
    for (const r of protectedRoutes) {
      const res = await call(app, null, r.method, fill(r.path), r.method === 'GET' ? undefined : {})
      if (res.status !== 401 || (res.json?.error as { code?: string })?.code !== 'UNAUTHENTICATED')
        answers.push(`${r.key} → ${res.status}`)
    }
    expect(answers).toEqual([])
    expect(protectedRoutes.length).toBe(
      Object.values(POLICY).filter((p) => !('public' in p)).length,
    )
  })

  it('refuses a forged or expired-looking cookie like no cookie', async () => {
    for (const cookie of [
      'yuanluo_session=forged',
      `yuanluo_session=${'a'.repeat(43)}`,
      'yuanluo_session=',
    ]) {
      const res = await app.request('/api/stats', { headers: { cookie } })
      expect(res.status).toBe(401)
    }
  })

  it('answers public routes without a session', async () => {
    for (const path of ['/api/health', '/api/config', '/api/openapi.json'])
      expect((await app.request(path)).status).toBe(200)
  })

  it('refuses with 500 a route added without a policy entry, naming it, in required mode', async () => {
    const bare = requiredApp(getDb())
    bare.get('/api/unlisted', (c) => c.json({ secret: true }))
    const s = await signIn(bare, 'admin')
    const res = await call(bare, s, 'GET', '/api/unlisted')
    expect(res.status).toBe(500)
    expect(res.text).not.toContain('secret')
    expect(bare.log.lines.some((l) => l.msg === 'route without an access policy')).toBe(true)
  })

  it("keeps the tests' header seam: without options createApp acts as the header's admin", async () => {
    const seam = createApp({ db: getDb(), env, log: memoryLogger() })
    const res = await seam.request('/api/auth/me', { headers: { 'x-yuanluo-user': 'tester' } })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      user: { username: 'tester', role: 'admin', jurisdiction: null },
      mode: 'header',
    })
  })
})

describeEachDb('security: demo accounts', (getDb) => {
  it('creates one account per role once, each signing in with the password shown', async () => {
    await loadTinyCity(getDb())
    const accounts = await ensureDemoAccounts(getDb())
    expect(accounts.map((a) => [a.username, a.role, a.jurisdiction?.id ?? null])).toEqual([
      ['admin', 'admin', null],
      ['planner', 'planner', TINY.street],
      ['leader', 'leader', TINY.district],
      ['viewer', 'viewer', null],
    ])
    expect(await ensureDemoAccounts(getDb())).toEqual([])
    const notice = demoAccountsNotice(accounts)
    for (const a of accounts) expect(notice).toContain(a.password)
    const app = requiredApp(getDb())
    for (const a of accounts) {
      const s = await signIn(app, a.username, a.password)
      const me = await call(app, s, 'GET', '/api/auth/me')
      expect(me.json!.user).toMatchObject({ username: a.username, role: a.role })
    }
    // Nothing secret reached the log.
    expect(JSON.stringify(app.log.lines)).not.toMatch(
      new RegExp(accounts.map((a) => a.password).join('|')),
    )
  }, 180_000)
})
