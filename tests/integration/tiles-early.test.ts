// Early render (features/tiles/early-render.ts): on PostgreSQL a signed-in user's tile miss starts
// before the auth check, in one statement that also reads the request's versions. The user must
// see nothing the check would not let through: a session ended elsewhere gets its 401, a changed
// jurisdiction its new cut, an edit shows at once. On PGlite nothing starts early (versions are in
// memory), and every answer must be the same.
import { gunzipSync } from 'node:zlib'
import { beforeAll, expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { setPassword } from '../../server/src/features/auth/users.queries.ts'
import { renderTile } from '../../server/src/features/tiles/tiles.queries.ts'
import { counted } from '../helpers/counted-db.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { decode, tileAt } from '../helpers/tiles.ts'
import { TINY } from '../fixtures/tiny-city.ts'
import {
  call,
  COMMUNITY_B,
  loadWorld,
  requiredApp,
  signIn,
  type RequiredApp,
  type Session,
  type World,
} from './security-fixture.ts'

const at = (z: number) => tileAt(104.01, 30.0005, z)
const pathOf = (layer: 'compounds' | 'areas', z: number) => {
  const t = at(z)
  return `/api/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`
}

describeEachDb('tile misses rendered while the session check runs', (getDb) => {
  let app: RequiredApp
  let world: World
  let seen: string[]
  const onPg = () => getDb().driver === 'pg'
  const tileStatements = () => seen.filter((q) => /ST_AsMVT\(/.test(q)).length

  beforeAll(async () => {
    world = await loadWorld(getDb())
    const w = counted(getDb())
    seen = w.seen
    app = requiredApp(w.db)
  }, 120_000)

  const get = async (s: Session, p: string, headers: Record<string, string> = {}) => {
    const res = await app.request(p, {
      headers: { cookie: s.cookie, 'accept-encoding': 'gzip', ...headers },
    })
    let bytes = new Uint8Array(await res.arrayBuffer())
    if (res.headers.get('content-encoding') === 'gzip') bytes = gunzipSync(bytes)
    return {
      res,
      bytes,
      early: res.headers.get('x-tile-early') === '1',
      cache: res.headers.get('x-tile-cache'),
    }
  }
  const ids = (bytes: Uint8Array) =>
    (decode(bytes).compounds ?? []).map((f) => Number(f.id)).sort((a, b) => a - b)
  const me = (s: Session) => call(app, s, 'GET', '/api/auth/me')

  it('renders a cached session’s miss early: the very tile of a plain render, then a hit', async () => {
    const s = await signIn(app, 'admin')
    expect((await me(s)).status).toBe(200) // the session is now cached in the process
    for (const z of [12, 14, 16]) {
      const first = await get(s, pathOf('compounds', z))
      expect(first.res.status).toBe(200)
      expect(first.cache).toBe('miss')
      expect(first.early, `z${z}`).toBe(onPg())
      const plain = await renderTile(getDb(), 'compounds', at(z))
      expect(Buffer.from(first.bytes).equals(Buffer.from(plain)), `z${z}`).toBe(true)
      expect(first.res.headers.get('etag')).toMatch(/^W\/"t1-[^-"]+"$/)
      const second = await get(s, pathOf('compounds', z))
      expect([second.cache, second.early]).toEqual(['hit', false])
    }
  })

  it('renders a tile asked for by many at once only once, and gives each the same tile', async () => {
    const s = await signIn(app, 'admin')
    expect((await me(s)).status).toBe(200)
    const before = tileStatements()
    const all = await Promise.all(Array.from({ length: 6 }, () => get(s, pathOf('compounds', 15))))
    for (const r of all) {
      expect(r.res.status).toBe(200)
      expect(Buffer.from(r.bytes).equals(Buffer.from(all[0]!.bytes))).toBe(true)
    }
    expect(ids(all[0]!.bytes).length).toBeGreaterThan(0)
    // One statement on PostgreSQL (PGlite's tile query is another, counted nowhere here).
    expect(tileStatements() - before).toBe(onPg() ? 1 : 0)
  })

  it('starts nothing for a session not yet cached, nor for a revalidation', async () => {
    const s = await signIn(app, 'admin')
    const before = tileStatements()
    const first = await get(s, pathOf('areas', 13)) // this request caches the session
    expect([first.res.status, first.cache, first.early]).toEqual([200, 'miss', false])
    const revalidation = await get(s, pathOf('areas', 14), { 'if-none-match': 'W/"t1-old"' })
    expect([revalidation.res.status, revalidation.early]).toEqual([200, false])
    // One statement per tile: nothing was rendered twice.
    expect(tileStatements() - before).toBe(onPg() ? 2 : 0)
  })

  it('refuses a session ended elsewhere, sending nothing of the tile started for it', async () => {
    const s = await signIn(app, 'viewer') // no jurisdiction: nothing to wait for before starting
    expect((await me(s)).status).toBe(200)
    expect(await setPassword(getDb(), 'viewer', await hashPassword('another password'))).toBe(true)
    const before = tileStatements()
    const refused = await get(s, pathOf('compounds', 15))
    expect(refused.res.status).toBe(401)
    expect(refused.res.headers.get('content-type')).toMatch(/json/)
    expect(refused.res.headers.get('x-tile-cache')).toBeNull()
    // On PostgreSQL the tile did start (the cached session looked live), and was thrown away.
    expect(tileStatements() - before).toBe(onPg() ? 1 : 0)
  })

  it('cuts to the jurisdiction the account has now, not the one its cached session had', async () => {
    const s = await signIn(app, 'plannerA') // street A: every compound but Z
    expect((await get(s, pathOf('areas', 12))).res.status).toBe(200) // reads street A's scope
    const scoped = await get(s, pathOf('compounds', 13))
    expect(scoped.early).toBe(onPg())
    expect(ids(scoped.bytes)).not.toContain(world.compounds.Z)
    expect(ids(scoped.bytes).length).toBeGreaterThan(0)
    await getDb().query(
      sql`UPDATE app_user SET jurisdiction_area_id = ${COMMUNITY_B} WHERE username = 'plannerA'`,
    )
    try {
      const before = tileStatements()
      const moved = await get(s, pathOf('compounds', 12))
      expect(moved.res.status).toBe(200)
      expect(ids(moved.bytes)).toEqual([world.compounds.Z])
      expect(moved.early).toBe(false)
      expect(moved.res.headers.get('etag')).toMatch(new RegExp(`-${COMMUNITY_B}"$`))
      // PostgreSQL started street A's tile for the cached session, then rendered the new cut.
      expect(tileStatements() - before).toBe(onPg() ? 2 : 0)
    } finally {
      await getDb().query(
        sql`UPDATE app_user SET jurisdiction_area_id = ${TINY.street} WHERE username = 'plannerA'`,
      )
    }
  })

  it('shows an edit made just before, on a cached tile and on one never asked for', async () => {
    const s = await signIn(app, 'admin')
    expect((await me(s)).status).toBe(200)
    const households = (bytes: Uint8Array) =>
      decode(bytes).compounds!.find((f) => Number(f.id) === world.compounds.A)!.properties
        .households
    const cachedPath = pathOf('compounds', 12)
    const before = households((await get(s, cachedPath)).bytes)
    await getDb().query(
      sql`UPDATE compound SET households = households + 7 WHERE id = ${world.compounds.A}`,
    )
    try {
      const cached = await get(s, cachedPath)
      expect([cached.cache, households(cached.bytes)]).toEqual(['miss', Number(before) + 7])
      const fresh = await get(s, pathOf('compounds', 13))
      expect(fresh.early).toBe(onPg())
      expect(households(fresh.bytes)).toBe(Number(before) + 7)
    } finally {
      await getDb().query(
        sql`UPDATE compound SET households = households - 7 WHERE id = ${world.compounds.A}`,
      )
    }
  })
})
