import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { loadTinyCity, TINY } from '../fixtures/tiny-city.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

describeEachDb('API over the tiny city', (getDb) => {
  let ids: Record<string, number>
  const app = () => createApp({ db: getDb(), env, log: memoryLogger() })
  const get = async (path: string) => {
    const res = await app().request(path)
    const text = await res.text()
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: text ? JSON.parse(text) : null,
    }
  }

  beforeAll(async () => {
    ids = await loadTinyCity(getDb())
  })

  it('reports health with the driver, the PostGIS version and counts', async () => {
    const { status, body } = await get('/api/health')
    expect(status).toBe(200)
    expect(body.driver).toBe(getDb().driver)
    expect(body.postgis).toMatch(/^3\./)
    expect(body.counts).toEqual({
      areas: 5,
      compounds: 8,
      oldCompounds: 7,
      organisations: 3,
      stations: 1,
    })
  })

  it('lists areas by level and parent with their bounding boxes', async () => {
    const { body } = await get(`/api/areas?level=community&parent=${TINY.street}`)
    expect(body.areas.map((a: { id: string }) => a.id)).toEqual([TINY.community1, TINY.community2])
    const [w, s, e, n] = body.areas[0].bbox
    expect([w, s, e, n]).toEqual([103.997, 29.997, 104.0115, 30.0115])
  })

  it('returns area polygons as GeoJSON', async () => {
    const { status, type, body } = await get('/api/areas?level=district&format=geojson')
    expect(status).toBe(200)
    expect(type).toContain('application/geo+json')
    expect(body.type).toBe('FeatureCollection')
    expect(body.features).toHaveLength(1)
    expect(body.features[0].properties).toEqual({
      id: TINY.district,
      level: 'district',
      name: '锦江区',
      parentId: TINY.city,
    })
    expect(body.features[0].geometry.type).toBe('MultiPolygon')
  })

  it('returns one area with its ancestors from the city down', async () => {
    const { body } = await get(`/api/areas/${TINY.community2}`)
    expect(body.name).toBe('二号社区')
    expect(body.ancestors.map((a: { id: string }) => a.id)).toEqual([
      TINY.city,
      TINY.district,
      TINY.street,
    ])
  })

  it('answers 404 naming an unknown area', async () => {
    const { status, body } = await get('/api/areas/510199')
    expect(status).toBe(404)
    expect(body.error).toEqual({ code: 'NOT_FOUND', message: 'area 510199 not found' })
  })

  it('rejects an unknown area level with a 400 naming the field', async () => {
    const { status, body } = await get('/api/areas?level=province')
    expect(status).toBe(400)
    expect(body.error.code).toBe('BAD_REQUEST')
    expect(body.error.message).toContain('level')
  })

  it('returns every compound with its derived coverage status', async () => {
    const { status, type, body } = await get('/api/compounds')
    expect(status).toBe(200)
    expect(type).toContain('application/geo+json')
    const byCode = Object.fromEntries(
      body.features.map((f: { properties: { code: string; status: string } }) => [
        f.properties.code,
        f.properties.status,
      ]),
    )
    expect(byCode).toEqual({
      A: 'standalone',
      B: 'joint',
      C: 'joint',
      D: 'should_build',
      E: 'few_members',
      F: 'no_members',
      G: 'no_members',
      H: 'instructor',
    })
    const a = body.features.find((f: { id: number }) => f.id === ids.A)
    expect(a.properties).toEqual({
      id: ids.A,
      code: 'A',
      name: '小区A',
      status: 'standalone',
      isOld: true,
      households: 100,
      membersFull: 5,
      communityId: TINY.community1,
    })
    expect(a.geometry.type).toBe('MultiPolygon')
  })

  it('filters compounds by bounding box', async () => {
    const { body } = await get('/api/compounds?bbox=103.999,29.999,104.0021,30.0005')
    expect(
      body.features.map((f: { properties: { code: string } }) => f.properties.code).sort(),
    ).toEqual(['A', 'B'])
  })

  it('filters compounds by area at any level', async () => {
    const community = await get(`/api/compounds?area=${TINY.community2}`)
    expect(
      community.body.features.map((f: { properties: { code: string } }) => f.properties.code),
    ).toEqual(['H'])
    const district = await get(`/api/compounds?area=${TINY.district}`)
    expect(district.body.features).toHaveLength(8)
  })

  it('filters compounds by coverage status', async () => {
    const { body } = await get('/api/compounds?status=joint,should_build')
    expect(
      body.features.map((f: { properties: { code: string } }) => f.properties.code).sort(),
    ).toEqual(['B', 'C', 'D'])
  })

  it.each([
    ['bbox=1,2,3', 'bbox'],
    ['bbox=104,30,103,31', 'west < east'],
    ['bbox=104,30,181,31', 'outside'],
    ['status=covered', 'status'],
    ['area=abc', 'area'],
  ])('rejects compounds?%s with a 400 that names the problem', async (query, words) => {
    const { status, body } = await get(`/api/compounds?${query}`)
    expect(status).toBe(400)
    expect(body.error.code).toBe('BAD_REQUEST')
    expect(body.error.message).toContain(words)
  })

  it('returns the full ledger record of a compound', async () => {
    const { status, body } = await get(`/api/compounds/${ids.B}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: ids.B,
      code: 'B',
      name: '小区B',
      communityId: TINY.community1,
      yearBuilt: 1995,
      isOld: true,
      households: 100,
      residents: 250,
      status: 'joint',
      sourceCrs: 'EPSG:4326',
      version: 1,
      members: {
        full: 1,
        probationary: 0,
        registered: 0,
        inService: 0,
        retired: 0,
        floatingIn: 0,
        floatingOut: 0,
      },
      stationWithinWalk: true,
    })
    expect(body.areaPath.map((a: { name: string }) => a.name)).toEqual([
      '成都市',
      '锦江区',
      '春熙路街道',
      '一号社区',
    ])
    expect(body.organisations).toEqual([
      expect.objectContaining({ kind: 'joint', name: 'B-C联合党支部', compoundCount: 2 }),
    ])
    // B's west edge is 0.0007 degrees of longitude east of the station at 30 N: about 67.4 m.
    expect(body.nearestStation.name).toBe('A站')
    expect(body.nearestStation.distanceM).toBeGreaterThan(66.5)
    expect(body.nearestStation.distanceM).toBeLessThan(68.5)
  })

  it('answers 404 for an unknown compound and 400 for a malformed id', async () => {
    expect((await get('/api/compounds/999999')).status).toBe(404)
    const bad = await get('/api/compounds/abc')
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain('id')
  })

  it('computes the coverage rates of an area from the ledger', async () => {
    const { status, body } = await get(`/api/stats?area=${TINY.street}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      area: { id: TINY.street, level: 'street', name: '春熙路街道' },
      compounds: 8,
      oldCompounds: TINY.oldCompounds,
      households: 800,
      oldHouseholds: 700,
      byStatus: {
        standalone: 1,
        joint: 2,
        temporary: 0,
        instructor: 1,
        should_build: 1,
        few_members: 1,
        no_members: 1,
      },
      organisations: { standalone: 1, joint: 1, temporary: 0, instructor: 1 },
      stations: 1,
      stationWalkM: 300,
    })
    expect(body.organisationCoverage).toBeCloseTo(TINY.organisedOld / TINY.oldCompounds, 10)
    expect(body.stationCoverage).toBeCloseTo(TINY.withStationOld / TINY.oldCompounds, 10)
  })

  it('defaults stats to the city and scopes them to a community', async () => {
    expect((await get('/api/stats')).body.area.id).toBe(TINY.city)
    const c2 = await get(`/api/stats?area=${TINY.community2}`)
    expect(c2.body).toMatchObject({
      compounds: 1,
      oldCompounds: 1,
      organisationCoverage: 1,
      stationCoverage: 0,
      stations: 0,
    })
  })

  it('documents every API route it serves in the OpenAPI document, and nothing else', async () => {
    const { body } = await get('/api/openapi.json')
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort()
    // Hono writes parameters as `:id`; OpenAPI as `{id}`. Middleware entries use method ALL.
    const served = [
      ...new Set(
        app()
          .routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
          .filter((r) => r !== 'GET /api/openapi.json'),
      ),
    ].sort()
    expect(documented).toEqual(served)
    // The ledger and analysis routes at least, so an empty document cannot pass.
    expect(documented).toEqual(
      expect.arrayContaining([
        'POST /api/analysis/joint-branches',
        'POST /api/analysis/siting',
        'GET /api/compounds/{id}/history',
        'POST /api/ledger/imports',
        'PATCH /api/stations/{id}',
      ]),
    )
  })

  it('answers an unknown API path with a JSON 404', async () => {
    const { status, body } = await get('/api/nothing')
    expect(status).toBe(404)
    expect(body.error.code).toBe('NOT_FOUND')
  })
})
