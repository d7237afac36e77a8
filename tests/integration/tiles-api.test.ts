// GET /api/tiles/{layer}/{z}/{x}/{y}.mvt on PGlite and PostGIS: exact contents over the tiny city,
// HTTP caching (ETag from the data version, 304, gzip), validation, and invalidation by edits.
import { gunzipSync } from 'node:zlib'
import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import { sql } from '../../server/src/db/sql.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { loadTinyCity, TINY } from '../fixtures/tiny-city.ts'
import { decode, tileAt } from '../helpers/tiles.ts'
import { planTile } from '../../server/src/features/tiles/tile-math.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

// The tiny city lies along 30.0005 N from 104.0 E to 104.021 E: one z12 tile holds it all.
const CENTRE = [104.0105, 30.0005] as const
const tile = (z: number) => tileAt(CENTRE[0], CENTRE[1], z)

describeEachDb('vector tiles API', (getDb) => {
  let ids: Record<string, number>
  const app = () => createApp({ db: getDb(), env, log: memoryLogger() })
  let served: ReturnType<typeof app>
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await served.request(path, { headers })
    const bytes = new Uint8Array(await res.arrayBuffer())
    return { res, bytes }
  }
  const url = (layer: string, t: { z: number; x: number; y: number }) =>
    `/api/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`

  beforeAll(async () => {
    ids = await loadTinyCity(getDb())
    served = app()
  })

  it('draws every compound with its status, members, households, age and community at z12', async () => {
    const t = tile(12)
    const { res, bytes } = await get(url('compounds', t))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
    const { compounds } = decode(bytes)
    const byId = new Map(compounds!.map((f) => [f.id, f]))
    const expected: [string, string, number, boolean, string][] = [
      ['A', 'standalone', 5, true, TINY.community1],
      ['B', 'joint', 1, true, TINY.community1],
      ['C', 'joint', 2, true, TINY.community1],
      ['D', 'should_build', 4, true, TINY.community1],
      ['E', 'few_members', 1, true, TINY.community1],
      ['F', 'no_members', 0, true, TINY.community1],
      ['G', 'no_members', 0, false, TINY.community1],
      ['H', 'instructor', 1, true, TINY.community2],
    ]
    expect(compounds).toHaveLength(expected.length)
    for (const [code, status, members, isOld, communityId] of expected) {
      const f = byId.get(ids[code]!)
      expect(f, code).toBeDefined()
      expect(f!.type).toBe(3)
      expect(f!.properties).toEqual({
        id: ids[code],
        status,
        members,
        households: 100,
        isOld,
        communityId,
      })
    }
  })

  it('places a compound where it is: A (104.000–104.001 E) at the spot its lon/lat maps to', async () => {
    const t = tileAt(104.0005, 30.0005, 16)
    const { bytes } = await get(url('compounds', t))
    const a = decode(bytes).compounds!.find((f) => f.id === ids.A)!
    const xs = a.rings.flat().map((p) => p.x)
    const n = 2 ** 16
    const px = (lon: number) => Math.round((((lon + 180) / 360) * n - t.x) * 4096)
    expect(Math.min(...xs)).toBeCloseTo(px(104.0), -0.5)
    expect(Math.max(...xs)).toBeCloseTo(px(104.001), -0.5)
  })

  it('aggregates compounds into hexagons below z12: counts add up to the city', async () => {
    const { res, bytes } = await get(url('compounds', tile(10)))
    expect(res.status).toBe(200)
    const hexes = decode(bytes).compound_hexes!
    const sum = (k: string) => hexes.reduce((s, f) => s + Number(f.properties[k]), 0)
    expect(sum('compounds')).toBe(8)
    expect(sum('old')).toBe(TINY.oldCompounds)
    expect(sum('organised')).toBe(TINY.organisedOld)
    for (const f of hexes)
      if (Number(f.properties.old) > 0)
        expect(f.properties.coverage).toBeCloseTo(
          Number(f.properties.organised) / Number(f.properties.old),
        )
  })

  it('counts each compound in the ST_HexagonGrid hexagon that holds it, at z8–z11', async () => {
    for (const z of [8, 9, 10, 11]) {
      const t = tile(z)
      const plan = planTile('compounds', t)
      if (plan.kind !== 'hexes') throw new Error(`z${z} should draw hexagons`)
      // The reference: the grid's own hexagons, each compound found by ST_Intersects.
      const expected = await getDb().query<{ fid: number; n: number; old: number }>(sql`
        SELECT ((h.i + 1048576)::bigint * 2097152 + (h.j + 1048576))::float8 AS fid,
          count(*)::int AS n, count(*) FILTER (WHERE c.is_old)::int AS old
        FROM ST_HexagonGrid(${plan.hexSize}::float8, ST_TileEnvelope(${z}::int, ${t.x}::int, ${t.y}::int)) h
        JOIN compound c ON ST_Intersects(h.geom, ST_Transform(c.location, 3857))
        GROUP BY 1 ORDER BY 1`)
      const hexes = decode((await get(url('compounds', t))).bytes).compound_hexes!
      const got = hexes
        .map((f) => ({ fid: f.id, n: f.properties.compounds, old: f.properties.old }))
        .sort((a, b) => Number(a.fid) - Number(b.fid))
      expect(got, `z${z}`).toEqual(expected.map((e) => ({ fid: e.fid, n: e.n, old: e.old })))
      expect(got.length, `z${z}`).toBeGreaterThan(0)
    }
  })

  it('answers 204 for compound tiles below z8 and for tiles with nothing in them', async () => {
    expect((await get(url('compounds', tile(7)))).res.status).toBe(204)
    const far = tileAt(90, 45, 14)
    const { res } = await get(url('compounds', far))
    expect(res.status).toBe(204)
    expect(res.headers.get('etag')).toMatch(/^W\/"t1-/)
  })

  it('draws communities with coverage from z12, streets below, districts below z9', async () => {
    const communities = decode((await get(url('areas', tile(13)))).bytes).areas!
    const c1 = communities.find((f) => f.properties.id === TINY.community1)!
    expect(c1.id).toBe(Number(TINY.community1))
    expect(c1.properties).toEqual({
      id: TINY.community1,
      level: 'community',
      name: '一号社区',
      compounds: 7,
      old: 6,
      organised: 3,
      coverage: 0.5,
    })
    const c2 = communities.find((f) => f.properties.id === TINY.community2)!
    expect(c2.properties).toMatchObject({ compounds: 1, old: 1, organised: 1, coverage: 1 })

    const streets = decode((await get(url('areas', tile(10)))).bytes).areas!
    expect(streets.map((f) => f.properties.id)).toEqual([TINY.street])
    expect(streets[0]!.properties).toMatchObject({ compounds: 8, old: 7, organised: 4 })
    const districts = decode((await get(url('areas', tile(7)))).bytes).areas!
    expect(districts.map((f) => f.properties)).toEqual([
      expect.objectContaining({ id: TINY.district, level: 'district', old: 7, organised: 4 }),
    ])
    const cities = decode((await get(url('areas', tile(4)))).bytes).areas!
    expect(cities.map((f) => f.properties)).toEqual([
      { id: TINY.city, level: 'city', name: '成都市' },
    ])
  })

  it('gzips for clients that accept it and sends the same tile', async () => {
    const t = url('compounds', tile(14))
    const plain = await get(t)
    const zipped = await get(t, { 'accept-encoding': 'gzip, deflate' })
    expect(zipped.res.headers.get('content-encoding')).toBe('gzip')
    expect(plain.res.headers.get('content-encoding')).toBeNull()
    expect(Buffer.from(gunzipSync(zipped.bytes)).equals(Buffer.from(plain.bytes))).toBe(true)
    expect(zipped.res.headers.get('vary')).toMatch(/accept-encoding/i)
  })

  it('answers 304 to the current ETag, and a cached copy the second time', async () => {
    const t = url('areas', tile(12))
    const first = await get(t)
    const etag = first.res.headers.get('etag')!
    expect(first.res.headers.get('cache-control')).toMatch(/must-revalidate/)
    const second = await get(t)
    expect(second.res.headers.get('x-tile-cache')).toBe('hit')
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true)
    const revalidated = await get(t, { 'if-none-match': etag })
    expect(revalidated.res.status).toBe(304)
    expect(revalidated.bytes.byteLength).toBe(0)
    expect((await get(t, { 'if-none-match': 'W/"t1-old.1"' })).res.status).toBe(200)
  })

  it('shows an edit through the API on the next request: new ETag, new properties', async () => {
    const t = url('compounds', tile(12))
    const before = await get(t)
    const etag = before.res.headers.get('etag')!
    const record = (await (await served.request(`/api/compounds/${ids.F}`)).json()) as {
      version: number
    }
    const res = await served.request(`/api/compounds/${ids.F}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: record.version, changes: { households: 321 } }),
    })
    expect(res.status).toBe(200)
    const after = await get(t, { 'if-none-match': etag })
    expect(after.res.status).toBe(200)
    expect(after.res.headers.get('etag')).not.toBe(etag)
    expect(after.res.headers.get('x-tile-cache')).toBe('miss')
    const f = decode(after.bytes).compounds!.find((x) => x.id === ids.F)!
    expect(f.properties.households).toBe(321)
  })

  it('follows writes made outside this app (another process) and settings changes', async () => {
    const t = url('compounds', tile(12))
    await get(t)
    // Straight SQL, as another server process or a script would write.
    await getDb().query(sql`UPDATE compound SET members_full = 3 WHERE id = ${ids.E}`)
    const e = decode((await get(t)).bytes).compounds!.find((x) => x.id === ids.E)!
    expect(e.properties).toMatchObject({ members: 3, status: 'should_build' })
    await getDb().query(sql`UPDATE app_setting SET value = '4' WHERE key = 'branch_min_members'`)
    const e2 = decode((await get(t)).bytes).compounds!.find((x) => x.id === ids.E)!
    expect(e2.properties.status).toBe('few_members')
    await getDb().query(sql`UPDATE app_setting SET value = '3' WHERE key = 'branch_min_members'`)
  })

  it('refuses bad layers, zooms and coordinates with a 400 naming the field', async () => {
    const cases: [string, RegExp][] = [
      ['/api/tiles/roads/12/1/1.mvt', /layer/],
      ['/api/tiles/compounds/23/1/1.mvt', /z must be at most 22/],
      ['/api/tiles/compounds/-1/1/1.mvt', /z must be a non-negative integer/],
      ['/api/tiles/compounds/1.5/1/1.mvt', /\bz\b/],
      ['/api/tiles/compounds/12/abc/1.mvt', /x must be a non-negative integer/],
      ['/api/tiles/compounds/12/1/1.png', /y must be a tile row followed by \.mvt/],
      ['/api/tiles/compounds/12/4096/1.mvt', /x must be below 2\^z = 4096/],
      ['/api/tiles/compounds/3/1/8.mvt', /y must be below 2\^z = 8/],
    ]
    for (const [path, message] of cases) {
      const res = await served.request(path)
      expect(res.status, path).toBe(400)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('BAD_REQUEST')
      expect(body.error.message, path).toMatch(message)
    }
  })
})
