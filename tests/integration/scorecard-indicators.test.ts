// The five "四有一化" indicators per compound, case by case, on PGlite and PostGIS: every pass and
// fail reason against the fixture's own description, the station distance exactly at the limit
// (passes) and 2 cm beyond (fails) with the distances computed here on the WGS84 ellipsoid, the
// second ring, and the station-distance cache following edits and settings.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { ledgerApp } from '../../server/src/features/ledger/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { insertArea, offsetM, type LngLat } from '../helpers/fixtures.ts'
import {
  describeCity,
  expectedIndicators,
  loadCity,
  type ScorecardCity,
} from './scorecard-fixture.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

const get = async (db: Db, path: string) => {
  const res = await ledgerApp(db).request(path)
  return { status: res.status, body: (await res.json()) as Json }
}

// The WGS84 ellipsoid: metres along a meridian, integrated here (Simpson), independent of PostGIS.
const A = 6_378_137
const F = 1 / 298.257223563
const E2 = F * (2 - F)
const rad = Math.PI / 180
const rho = (phi: number) => (A * (1 - E2)) / Math.pow(1 - E2 * Math.sin(phi) ** 2, 1.5)
function meridianArcM(lat1: number, lat2: number) {
  const n = 64
  const [a, b] = [lat1 * rad, lat2 * rad]
  const h = (b - a) / n
  let s = rho(a) + rho(b)
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * rho(a + i * h)
  return (s * h) / 3
}
/** The point exactly `metres` due north of `p` on the ellipsoid (Newton on the meridian arc). */
function northOf([lng, lat]: LngLat, metres: number): LngLat {
  let lat2 = lat + metres / rho(lat * rad) / rad
  for (let k = 0; k < 6; k++) lat2 -= (meridianArcM(lat, lat2) - metres) / rho(lat2 * rad) / rad
  return [lng, lat2]
}

describe('the ellipsoid helper of this test', () => {
  it('puts one degree of latitude at 30° N at 110,852 m', () => {
    // Published length of a degree of latitude at 30° on WGS84: 110,852.4 m.
    expect(meridianArcM(29.5, 30.5)).toBeCloseTo(110_852.4, 0)
    expect(meridianArcM(30.6, northOf([104, 30.6], 300)[1])).toBeCloseTo(300, 6)
  })
})

describeEachDb('scorecard indicators', (getDb) => {
  let city: ScorecardCity
  let ids: Record<string, number>
  beforeAll(async () => {
    city = describeCity()
    ids = await loadCity(getDb(), city)
  })

  it('scores every old compound as its description says, reason by reason', async () => {
    const { status, body } = await get(getDb(), '/api/scorecard/compounds')
    expect(status).toBe(200)
    const old = city.compounds.filter((s) => s.old)
    expect(body.compounds.map((c: Json) => c.code)).toEqual(
      old.map((s) => s.code).sort((a, b) => ids[a]! - ids[b]!),
    )
    for (const item of body.compounds) {
      const spec = city.compounds.find((s) => s.code === item.code)!
      const e = expectedIndicators(city, spec)
      expect({ code: item.code, ...item.indicators.organisation }).toEqual({
        code: spec.code,
        ...e.organisation,
      })
      expect(item.indicators.example).toMatchObject(e.example)
      expect(item.indicators.station).toMatchObject(e.station)
      expect(item.indicators.funding).toMatchObject(e.funding)
      expect(item.indicators.mechanisms).toMatchObject(e.mechanisms)
      expect(item.passed).toBe(e.passed)
      expect(item.elderly).toBe(e.elderly)
      expect(item.measures).toEqual({
        uncoveredHouseholds: e.organisation.pass ? 0 : spec.households,
        elderlyWithoutStation: e.station.pass ? 0 : e.elderly,
        failedIndicators: 5 - e.passed,
      })
    }
  })

  it('meets every pass and fail reason of every indicator in the fixture', async () => {
    const { body } = await get(getDb(), '/api/scorecard/compounds')
    const seen = (k: string) => new Set(body.compounds.map((c: Json) => c.indicators[k].reason))
    expect(seen('organisation')).toEqual(
      new Set([
        'standalone',
        'joint',
        'temporary',
        'instructor',
        'should_build',
        'few_members',
        'no_members',
      ]),
    )
    expect(seen('example')).toEqual(
      new Set(['vanguard_team', 'in_service_reported', 'no_vanguard_no_in_service']),
    )
    expect(seen('station')).toEqual(
      new Set(['own_station', 'within_walk', 'second_ring', 'out_of_reach']),
    )
    expect(seen('funding')).toEqual(
      new Set(['met', 'no_organisation', 'no_funding', 'below_threshold']),
    )
    expect(seen('mechanisms')).toEqual(
      new Set(['met', 'no_self_governance', 'no_consultations', 'neither']),
    )
  })

  it('answers one compound, new ones included, with its area path', async () => {
    const spec = city.compounds.find((s) => !s.old)!
    const { status, body } = await get(getDb(), `/api/scorecard/compounds/${ids[spec.code]}`)
    expect(status).toBe(200)
    expect(body.isOld).toBe(false)
    expect(body.indicators.station).toMatchObject(expectedIndicators(city, spec).station)
    expect(body.path.map((a: Json) => a.id)).toEqual([
      city.city,
      spec.district,
      spec.street,
      spec.community,
    ])
    expect((await get(getDb(), '/api/scorecard/compounds/999999')).status).toBe(404)
    expect((await get(getDb(), '/api/scorecard/compounds/abc')).status).toBe(400)
  })

  it('counts this year only: last year funding does not meet the indicator', async () => {
    const spec = city.compounds.find(
      (s) =>
        s.old &&
        s.orgs.some((k) => {
          const o = city.orgs.find((x) => x.key === k)!
          return o.status === 'active' && o.thisYear.length === 0 && o.lastYear.length > 0
        }),
    )!
    const { body } = await get(getDb(), `/api/scorecard/compounds/${ids[spec.code]}`)
    expect(body.indicators.funding).toMatchObject({ pass: false, reason: 'no_funding' })
  })
})

describeEachDb('scorecard station distances', (getDb) => {
  const community = '510104001001'
  const ringCommunity = '510104001002'
  const origin: LngLat = [104.05, 30.62]
  // Point-only compounds 3 km apart, each with one station due north at the distance named.
  const points: [string, number][] = [
    ['AT300', 300],
    ['PAST300', 300.02],
    ['AT500', 500],
    ['PAST500', 500.02],
  ]
  const ids: Record<string, number> = {}
  const stationIds: Record<string, number> = {}

  const item = async (code: string) =>
    (await get(getDb(), `/api/scorecard/compounds/${ids[code]}`)).body.indicators.station
  const setSetting = (key: string, value: number) =>
    getDb().query(sql`UPDATE app_setting SET value = to_jsonb(${value}::float8) WHERE key = ${key}`)

  beforeAll(async () => {
    const db = getDb()
    await insertArea(db, { id: '510100', level: 'city', name: '成都市' })
    await insertArea(db, { id: '510104', level: 'district', parentId: '510100' })
    await insertArea(db, { id: '510104001', level: 'street', parentId: '510104' })
    await insertArea(db, { id: community, level: 'community', parentId: '510104001' })
    await insertArea(db, { id: ringCommunity, level: 'community', parentId: '510104001' })
    const addStation = async (code: string, at: LngLat) => {
      const [s] = await db.query<{ id: number }>(sql`INSERT INTO station (name, location)
        VALUES (${code}, ST_SetSRID(ST_MakePoint(${at[0]}::float8, ${at[1]}::float8), 4326))
        RETURNING id`)
      stationIds[code] = s!.id
    }
    for (const [k, [code, metres]] of points.entries()) {
      const at = offsetM(origin, 3000 * k, 0)
      const [c] = await db.query<{ id: number }>(sql`
        INSERT INTO compound (code, name, community_id, is_old, households, location)
        VALUES (${code}, ${code}, ${code.endsWith('500') ? ringCommunity : community}, true, 100,
          ST_SetSRID(ST_MakePoint(${at[0]}::float8, ${at[1]}::float8), 4326)) RETURNING id`)
      ids[code] = c!.id
      await addStation(code, northOf(at, metres))
    }
    // Two 100 m squares; the station is due north of the north-east corner, the nearest point.
    for (const [k, [code, metres]] of [
      ['SQ300', 300],
      ['SQPAST', 300.02],
    ].entries() as Iterable<[number, [string, number]]>) {
      const centre = offsetM(origin, 3000 * k, 3000)
      const ne = offsetM(centre, 50, 50)
      const sw = offsetM(centre, -50, -50)
      const ring = [
        [sw[0], sw[1]],
        [ne[0], sw[1]],
        [ne[0], ne[1]],
        [sw[0], ne[1]],
        [sw[0], sw[1]],
      ]
      const geo = JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring]] })
      const [c] = await db.query<{ id: number }>(sql`
        INSERT INTO compound (code, name, community_id, is_old, households, boundary, location)
        SELECT ${code}::text, ${code}::text, ${community}::text, true, 100, g, ST_PointOnSurface(g)
        FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(${geo}::text), 4326) AS g) x RETURNING id`)
      ids[code] = c!.id
      await addStation(code, northOf([ne[0], ne[1]], metres))
    }
  })

  it('passes a station exactly 300 m away and fails one 2 cm further', async () => {
    expect(await item('AT300')).toEqual({ pass: true, reason: 'within_walk', distanceM: 300 })
    expect(await item('PAST300')).toEqual({ pass: false, reason: 'second_ring', distanceM: 300.02 })
  })

  it('measures from the boundary: 300 m from the nearest corner passes, 300.02 m fails', async () => {
    expect(await item('SQ300')).toEqual({ pass: true, reason: 'within_walk', distanceM: 300 })
    expect(await item('SQPAST')).toMatchObject({ pass: false, reason: 'second_ring' })
  })

  it('keeps the second ring inclusive at 500 m', async () => {
    expect(await item('AT500')).toEqual({ pass: false, reason: 'second_ring', distanceM: 500 })
    expect(await item('PAST500')).toEqual({ pass: false, reason: 'out_of_reach', distanceM: null })
    const { body } = await get(getDb(), `/api/scorecard/rollup?area=${ringCommunity}`)
    expect(body.totals.stationCoverage).toBe(0)
    expect(body.totals.stationCoverage2).toBe(0.5)
  })

  it('follows the walk and second-ring settings at once', async () => {
    try {
      await setSetting('station_walk_m', 299.99)
      expect(await item('AT300')).toMatchObject({ pass: false, reason: 'second_ring' })
      await setSetting('station_walk_outer_m', 600)
      expect(await item('PAST500')).toEqual({
        pass: false,
        reason: 'second_ring',
        distanceM: 500.02,
      })
      const { body } = await get(getDb(), '/api/scorecard/rollup')
      expect(body.settings).toMatchObject({ stationWalkM: 299.99, secondRingM: 600 })
    } finally {
      await setSetting('station_walk_m', 300)
      await setSetting('station_walk_outer_m', 500)
    }
    expect(await item('AT300')).toMatchObject({ pass: true })
    expect(await item('PAST500')).toMatchObject({ reason: 'out_of_reach' })
  })

  it('follows stations that move, are linked to a compound, or go', async () => {
    const db = getDb()
    const [c] = await db.query<{ lng: number; lat: number }>(sql`
      SELECT ST_X(location) AS lng, ST_Y(location) AS lat FROM compound WHERE id = ${ids.PAST300}`)
    const near = northOf([c!.lng, c!.lat], 100)
    await db.query(sql`UPDATE station SET location = ST_SetSRID(ST_MakePoint(${near[0]}::float8,
      ${near[1]}::float8), 4326) WHERE id = ${stationIds.PAST300}`)
    expect(await item('PAST300')).toEqual({ pass: true, reason: 'within_walk', distanceM: 100 })
    await db.query(sql`DELETE FROM station WHERE id = ${stationIds.PAST300}`)
    expect(await item('PAST300')).toEqual({ pass: false, reason: 'out_of_reach', distanceM: null })
    await db.query(
      sql`UPDATE station SET compound_id = ${ids.PAST500} WHERE id = ${stationIds.PAST500}`,
    )
    expect(await item('PAST500')).toEqual({ pass: true, reason: 'own_station', distanceM: 0 })
  })

  it('follows a compound whose boundary or point moves', async () => {
    const db = getDb()
    // Move the point 1 m south: the station is now 301 m away.
    await db.query(sql`UPDATE compound SET location = ST_SetSRID(ST_MakePoint(ST_X(location),
      ST_Y(location) - 1 / 110852.4), 4326) WHERE id = ${ids.AT300}`)
    const s = await item('AT300')
    expect(s.pass).toBe(false)
    expect(s.distanceM).toBeCloseTo(301, 1)
  })
})
