// Sessions cached in the process (features/auth/session-cache.ts): a cached session's request runs
// no session query, yet every way a session ends (sign-out, sign-out everywhere, passwd, disable, a
// role or jurisdiction change, the idle timeout) is refused on the very next request, because the
// auth version (migration 0010) is read with the data version. Sign-ins bump nothing, and auth
// changes never touch the data version, so tile caches survive them.
import { beforeAll, expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import {
  setDisabled,
  setPassword,
  tokenHash,
} from '../../server/src/features/auth/users.queries.ts'
import { readVersions } from '../../server/src/lib/data-version.ts'
import { counted } from '../helpers/counted-db.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { tileAt } from '../helpers/tiles.ts'
import { TINY } from '../fixtures/tiny-city.ts'
import {
  call,
  loadWorld,
  requiredApp,
  signIn,
  STREET_B,
  type RequiredApp,
  type Session,
} from './security-fixture.ts'

const t = tileAt(104.01, 30.0005, 14)
const TILE = `/api/tiles/compounds/${t.z}/${t.x}/${t.y}.mvt`
const idOf = (s: Session) => tokenHash(decodeURIComponent(s.cookie.split('=')[1]!))

describeEachDb('sessions cached in the process, revoked exactly', (getDb) => {
  let app: RequiredApp
  let seen: string[]
  const sessionQueries = () => seen.filter((q) => /user_session/.test(q))

  beforeAll(async () => {
    await loadWorld(getDb())
    const w = counted(getDb())
    seen = w.seen
    app = requiredApp(w.db)
  }, 120_000)

  const me = (s: Session) => call(app, s, 'GET', '/api/auth/me')

  it('answers a cached session’s requests without a session query', async () => {
    const s = await signIn(app, 'plannerA')
    seen.length = 0
    expect((await me(s)).status).toBe(200)
    // The first request looks the session up once.
    expect(sessionQueries().length).toBe(1)
    expect((await call(app, s, 'GET', TILE)).status).toBe(200)
    seen.length = 0
    const tile = await call(app, s, 'GET', TILE)
    expect(tile.headers.get('x-tile-cache')).toBe('hit')
    expect((await me(s)).json).toMatchObject({ user: { username: 'plannerA' } })
    expect((await call(app, s, 'GET', `/api/stats?area=${TINY.street}`)).status).toBe(200)
    expect(sessionQueries()).toEqual([])
    // PGlite keeps the versions in memory: a tile hit touches no database at all.
    if (getDb().driver === 'pglite') {
      seen.length = 0
      await call(app, s, 'GET', TILE)
      expect(seen).toEqual([])
    }
  })

  it('bumps neither version on sign-in, only the auth version on sign-out; tiles stay cached', async () => {
    const a = await signIn(app, 'admin')
    await call(app, a, 'GET', TILE)
    const before = await readVersions(getDb())
    const other = await signIn(app, 'leader')
    expect(await readVersions(getDb())).toEqual(before)
    expect((await call(app, other, 'POST', '/api/auth/logout')).status).toBe(200)
    const after = await readVersions(getDb())
    expect(after.data).toBe(before.data)
    expect(after.auth).not.toBe(before.auth)
    expect((await call(app, a, 'GET', TILE)).headers.get('x-tile-cache')).toBe('hit')
    expect((await me(other)).status).toBe(401)
  })

  it('refuses every session of an account on the next request after sign-out everywhere', async () => {
    const one = await signIn(app, 'plannerA')
    const two = await signIn(app, 'plannerA')
    expect((await me(one)).status).toBe(200)
    expect((await me(two)).status).toBe(200)
    expect((await call(app, one, 'POST', '/api/auth/logout-all')).status).toBe(200)
    expect((await me(two)).status).toBe(401)
    expect((await call(app, two, 'GET', TILE)).status).toBe(401)
  })

  it('ends cached sessions on passwd and disable', async () => {
    const leader = await signIn(app, 'leader')
    const viewer = await signIn(app, 'viewerA')
    expect((await me(leader)).status).toBe(200)
    expect((await me(viewer)).status).toBe(200)
    expect(await setPassword(getDb(), 'leader', await hashPassword('another password'))).toBe(true)
    expect((await me(leader)).status).toBe(401)
    expect((await me(viewer)).status).toBe(200)
    expect(await setDisabled(getDb(), 'viewerA', true)).toBe(true)
    expect((await call(app, viewer, 'GET', TILE)).status).toBe(401)
    await setDisabled(getDb(), 'viewerA', false)
  })

  it('applies a role or jurisdiction change to a cached session on the next request', async () => {
    const s = await signIn(app, 'viewer')
    expect((await me(s)).json).toMatchObject({ user: { role: 'viewer', jurisdiction: null } })
    await getDb().query(
      sql`UPDATE app_user SET role = 'planner', jurisdiction_area_id = ${STREET_B}
        WHERE username = 'viewer'`,
    )
    expect((await me(s)).json).toMatchObject({
      user: { role: 'planner', jurisdiction: { id: STREET_B } },
    })
    expect((await call(app, s, 'GET', `/api/stats?area=${TINY.street}`)).status).toBe(403)
    await getDb().query(
      sql`UPDATE app_user SET role = 'viewer', jurisdiction_area_id = NULL WHERE username = 'viewer'`,
    )
  })

  it('ends a session idle for longer than session_idle_minutes, with a message saying so', async () => {
    const s = await signIn(app, 'admin')
    const fresh = await signIn(app, 'admin')
    expect((await me(s)).status).toBe(200)
    expect((await me(fresh)).status).toBe(200)
    await getDb().query(sql`UPDATE app_setting SET value = '5' WHERE key = 'session_idle_minutes'`)
    try {
      // Four minutes: still live.
      await getDb().query(sql`UPDATE user_session SET last_seen_at = now() - interval '4 minutes'
        WHERE id = ${idOf(s)}`)
      expect((await me(s)).status).toBe(200)
      // Six minutes without a request: timed out, and stays so.
      await getDb().query(sql`UPDATE user_session SET last_seen_at = now() - interval '6 minutes'
        WHERE id = ${idOf(s)}`)
      for (const path of ['/api/auth/me', TILE]) {
        const res = await call(app, s, 'GET', path)
        expect(res.status).toBe(401)
        expect(res.json).toMatchObject({
          error: { code: 'UNAUTHENTICATED', details: { reason: 'idle' } },
        })
        expect((res.json!.error as { message: string }).message).toMatch(/timed out/)
        expect((res.json!.error as { message: string }).message).toMatch(/登录已超时/)
      }
      // Another session of the account is untouched.
      expect((await me(fresh)).status).toBe(200)
    } finally {
      await getDb().query(
        sql`UPDATE app_setting SET value = '30' WHERE key = 'session_idle_minutes'`,
      )
    }
  })

  it('writes last_seen_at at most once a minute per session', async () => {
    const s = await signIn(app, 'admin')
    const lastSeenAgo = async () => {
      const [row] = await getDb().query<{ s: number }>(sql`
        SELECT extract(epoch FROM now() - last_seen_at)::float8 AS s FROM user_session
        WHERE id = ${idOf(s)}`)
      return row!.s
    }
    await getDb().query(sql`UPDATE user_session SET last_seen_at = now() - interval '90 seconds'
      WHERE id = ${idOf(s)}`)
    expect(await lastSeenAgo()).toBeGreaterThanOrEqual(90)
    seen.length = 0
    expect((await me(s)).status).toBe(200)
    expect(await lastSeenAgo()).toBeLessThan(60)
    expect(seen.filter((q) => /UPDATE user_session/.test(q)).length).toBe(1)
    seen.length = 0
    for (let i = 0; i < 5; i++) expect((await call(app, s, 'GET', TILE)).status).toBe(200)
    expect(sessionQueries()).toEqual([])
  })
})
