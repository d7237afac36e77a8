// Tiles cut to a signed-in user's jurisdiction: compounds, hexagon aggregates and area counts hold
// only the compounds inside it, areas outside it are left out, viewers get no member counts, and the
// scoped tile is cached per view. Counts are checked against a hand count of the fixture:
//   street A (510104001): community 1 = A–G (old A–F; organised A, B, C), community 2 = H (old,
//   organised); street B (510104002): Z (old, organised). Nine compounds in the district.
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import {
  jurisdictionScope,
  renderTile,
  type TileScope,
} from '../../server/src/features/tiles/tiles.queries.ts'
import type { LayerName } from '../../server/src/features/tiles/tile-math.ts'
import { describeEachDb, describeOnPostgis, openTestPglite } from '../helpers/each-db.ts'
import { decode, tileAt } from '../helpers/tiles.ts'
import { TINY } from '../fixtures/tiny-city.ts'
import {
  COMMUNITY_B,
  loadWorld,
  PASSWORD,
  requiredApp,
  signIn,
  STREET_B,
  type RequiredApp,
  type Session,
  type World,
} from './security-fixture.ts'

const at = (z: number) => tileAt(104.01, 30.0005, z)
const path = (layer: LayerName, z: number) => {
  const t = at(z)
  return `/api/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`
}

type Props = Record<string, string | number | boolean>
const sum = (features: { properties: Props }[], key: string) =>
  features.reduce((s, f) => s + Number(f.properties[key] ?? 0), 0)

describeEachDb('vector tiles cut to the jurisdiction', (getDb) => {
  let app: RequiredApp
  let world: World
  const s: Record<string, Session> = {}

  beforeAll(async () => {
    world = await loadWorld(getDb())
    await insertUser(getDb(), {
      username: 'plannerC2',
      displayName: 'plannerC2',
      role: 'planner',
      passwordHash: await hashPassword(PASSWORD),
      jurisdictionAreaId: TINY.community2,
    })
    app = requiredApp(getDb())
    for (const u of ['admin', 'plannerA', 'plannerC2', 'leader', 'viewer', 'viewerA'])
      s[u] = await signIn(app, u)
  }, 120_000)

  const get = async (who: string, p: string, headers: Record<string, string> = {}) => {
    const res = await app.request(p, { headers: { cookie: s[who]!.cookie, ...headers } })
    let bytes = new Uint8Array(await res.arrayBuffer())
    if (res.headers.get('content-encoding') === 'gzip') bytes = gunzipSync(bytes)
    return { res, bytes, layers: res.status === 200 ? decode(bytes) : {} }
  }

  it('counts only the jurisdiction’s compounds in hexagons (z8–z11)', async () => {
    for (const z of [8, 10, 11]) {
      const admin = (await get('admin', path('compounds', z))).layers.compound_hexes!
      expect([sum(admin, 'compounds'), sum(admin, 'old'), sum(admin, 'organised')]).toEqual([
        9, 8, 5,
      ])
      const a = (await get('plannerA', path('compounds', z))).layers.compound_hexes!
      expect([sum(a, 'compounds'), sum(a, 'old'), sum(a, 'organised')]).toEqual([8, 7, 4])
      const c2 = (await get('plannerC2', path('compounds', z))).layers.compound_hexes!
      expect(c2.map((f) => f.properties)).toEqual([
        { compounds: 1, old: 1, organised: 1, coverage: 1 },
      ])
      const leader = (await get('leader', path('compounds', z))).layers.compound_hexes!
      expect(sum(leader, 'compounds')).toBe(9)
    }
  })

  it('counts only the jurisdiction’s compounds in areas and leaves areas outside it out', async () => {
    const byId = (layers: Record<string, { properties: Props }[]>) =>
      Object.fromEntries(
        (layers.areas ?? []).map((f) => [
          String(f.properties.id),
          [f.properties.compounds, f.properties.old, f.properties.organised],
        ]),
      )
    // Streets (z9–z11).
    expect(byId((await get('admin', path('areas', 10))).layers)).toEqual({
      [TINY.street]: [8, 7, 4],
      [STREET_B]: [1, 1, 1],
    })
    expect(byId((await get('plannerA', path('areas', 10))).layers)).toEqual({
      [TINY.street]: [8, 7, 4],
    })
    expect(byId((await get('plannerC2', path('areas', 10))).layers)).toEqual({
      [TINY.street]: [1, 1, 1],
    })
    // Districts (z6–z8): the district holding the street, counting the street's compounds only.
    expect(byId((await get('admin', path('areas', 7))).layers)).toEqual({
      [TINY.district]: [9, 8, 5],
    })
    expect(byId((await get('plannerA', path('areas', 7))).layers)).toEqual({
      [TINY.district]: [8, 7, 4],
    })
    // Communities (z12+).
    const z12 = byId((await get('plannerA', path('areas', 12))).layers)
    expect(z12[COMMUNITY_B]).toBeUndefined()
    expect(z12[TINY.community1]).toEqual([7, 6, 3])
    expect(z12[TINY.community2]).toEqual([1, 1, 1])
    expect(byId((await get('admin', path('areas', 12))).layers)[COMMUNITY_B]).toEqual([1, 1, 1])
  })

  it('gives an admin the same tile as the unscoped query', async () => {
    for (const [layer, z] of [
      ['compounds', 10],
      ['compounds', 14],
      ['areas', 10],
    ] as const) {
      const t = at(z)
      const { res, bytes } = await get('admin', path(layer, z))
      expect(res.status).toBe(200)
      expect(Buffer.from(bytes).equals(Buffer.from(await renderTile(getDb(), layer, t)))).toBe(true)
      expect(res.headers.get('etag')).toMatch(/^W\/"t1-[^-"]+"$/)
    }
  })

  it('drops compounds outside the jurisdiction and, for viewers, member counts', async () => {
    const ids = (layers: Record<string, { id?: number; properties: Props }[]>) =>
      (layers.compounds ?? []).map((f) => Number(f.id)).sort((a, b) => a - b)
    const wide = path('compounds', 12)
    const all = Object.values(world.compounds).sort((a, b) => a - b)
    expect(ids((await get('admin', wide)).layers)).toEqual(all)
    expect(ids((await get('plannerA', wide)).layers)).toEqual(
      all.filter((id) => id !== world.compounds.Z),
    )
    for (const who of ['viewer', 'viewerA']) {
      const { layers } = await get(who, wide)
      expect(layers.compounds!.length).toBeGreaterThan(0)
      for (const f of layers.compounds!) {
        expect(f.properties.members, who).toBeUndefined()
        expect(f.properties.households, who).toBe(f.properties.id === world.compounds.Z ? 80 : 100)
      }
    }
    expect(ids((await get('viewer', wide)).layers)).toEqual(all)
    expect(ids((await get('viewerA', wide)).layers)).toEqual(
      all.filter((id) => id !== world.compounds.Z),
    )
    const admin = (await get('admin', wide)).layers.compounds!
    expect(admin.find((f) => f.id === world.compounds.A)!.properties.members).toBe(5)
  })

  it('caches a scoped tile per view: the second request is a hit, another view a miss', async () => {
    const p = path('compounds', 13)
    const first = await get('plannerA', p)
    expect(first.res.headers.get('x-tile-cache')).toBe('miss')
    const second = await get('plannerA', p)
    expect(second.res.headers.get('x-tile-cache')).toBe('hit')
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true)
    const etag = first.res.headers.get('etag')!
    expect(etag).toMatch(new RegExp(`-${TINY.street}"$`))
    expect((await get('plannerA', p, { 'if-none-match': etag })).res.status).toBe(304)
    // The admin's tile is another entry, and the planner's ETag never revalidates it.
    const admin = await get('admin', p, { 'if-none-match': etag })
    expect(admin.res.status).toBe(200)
    expect(admin.res.headers.get('x-tile-cache')).toBe('miss')
    const viewerA = await get('viewerA', p)
    expect(viewerA.res.headers.get('x-tile-cache')).toBe('miss')
    expect(viewerA.res.headers.get('etag')).toMatch(new RegExp(`-${TINY.street}-nm"$`))
    expect((await get('viewerA', p)).res.headers.get('x-tile-cache')).toBe('hit')
  })
})

describeOnPostgis('scoped tiles are the same from PGlite and PostGIS', (getPg) => {
  let lite: Db
  beforeAll(async () => {
    lite = await openTestPglite()
    for (const db of [getPg(), lite]) await loadWorld(db)
  }, 120_000)
  afterAll(async () => {
    await lite?.close()
  })

  it('decodes to the same features, ids, properties and shapes', async () => {
    let compared = 0
    for (const [area, dropMembers] of [
      [TINY.street, false],
      [TINY.community2, false],
      [TINY.street, true],
      [undefined, true],
    ] as const) {
      const scope = async (db: Db): Promise<TileScope> => ({
        ...(area ? await jurisdictionScope(db, area) : {}),
        dropMembers,
      })
      const sp = await scope(getPg())
      expect(await scope(lite)).toEqual(sp)
      for (const layer of ['compounds', 'areas'] as const)
        for (const z of [5, 7, 10, 12, 14]) {
          const t = at(z)
          const where = `${layer} ${z} ${area} ${dropMembers}`
          const a = decode(await renderTile(getPg(), layer, t, sp))
          const b = decode(await renderTile(lite, layer, t, sp))
          expect(Object.keys(b), where).toEqual(Object.keys(a))
          for (const name of Object.keys(a)) {
            const norm = (fs: (typeof a)[string]) =>
              fs
                .map((f) => {
                  const pts = f.rings.flat()
                  return {
                    id: f.id,
                    type: f.type,
                    properties: f.properties,
                    box: [
                      Math.min(...pts.map((p) => p.x)),
                      Math.min(...pts.map((p) => p.y)),
                      Math.max(...pts.map((p) => p.x)),
                      Math.max(...pts.map((p) => p.y)),
                    ],
                  }
                })
                .sort((x, y) => Number(x.id) - Number(y.id))
            const fa = norm(a[name]!)
            const fb = norm(b[name]!)
            expect(
              fb.map((f) => [f.id, f.type, f.properties]),
              where,
            ).toEqual(fa.map((f) => [f.id, f.type, f.properties]))
            fa.forEach((f, i) =>
              f.box.forEach((v, k) =>
                expect(Math.abs(v - fb[i]!.box[k]!), where).toBeLessThanOrEqual(2),
              ),
            )
            compared += fa.length
          }
        }
    }
    expect(compared).toBeGreaterThan(30)
  })
})
