import { beforeAll, expect, it } from 'vitest'
import { describeEachDb } from '../../../tests/helpers/each-db.ts'
import { sql } from '../db/sql.ts'
import { generateDemoCity } from './generate.ts'
import { ensureDemoCity, loadDemoCity } from './load.ts'

const OPTIONS = { seed: 3, scale: 0.02 }

describeEachDb('demo city load', (getDb) => {
  // The generator is deterministic, so this is the very city ensureDemoCity loads below.
  const city = generateDemoCity(OPTIONS)
  let loaded: boolean
  beforeAll(async () => {
    loaded = await ensureDemoCity(getDb(), OPTIONS)
  })
  const one = async <R>(q: ReturnType<typeof sql>) => (await getDb().query<R>(q))[0] as R

  it('loads an empty database and reports it', () => {
    expect(loaded).toBe(true)
  })

  it('does nothing once areas exist', async () => {
    expect(await ensureDemoCity(getDb(), OPTIONS)).toBe(false)
  })

  it('refuses to load twice into the same database and leaves the first load intact', async () => {
    await expect(loadDemoCity(getDb(), city)).rejects.toThrow()
    expect(await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM compound`)).toEqual({
      n: city.compounds.length,
    })
  })

  it('holds every row the generator made', async () => {
    const counts = await one(sql`SELECT
      (SELECT count(*)::int FROM area) AS areas, (SELECT count(*)::int FROM compound) AS compounds,
      (SELECT count(*)::int FROM party_org) AS orgs, (SELECT count(*)::int FROM org_compound) AS links,
      (SELECT count(*)::int FROM station) AS stations, (SELECT count(*)::int FROM funding) AS funding`)
    expect(counts).toEqual({
      areas: city.areas.length,
      compounds: city.compounds.length,
      orgs: city.orgs.length,
      links: city.orgs.reduce((s, o) => s + o.compoundCodes.length, 0),
      stations: city.stations.length,
      funding: city.funding.length,
    })
  })

  it('stores valid compound polygons whose location lies inside, and no two overlap', async () => {
    const r = await one(sql`SELECT
      count(*) FILTER (WHERE NOT ST_IsValid(boundary))::int AS invalid,
      count(*) FILTER (WHERE NOT ST_Contains(boundary, location))::int AS outside,
      (SELECT count(*)::int FROM compound a JOIN compound b ON a.id < b.id AND a.boundary && b.boundary
        WHERE ST_Overlaps(a.boundary, b.boundary) OR ST_Within(a.boundary, b.boundary)) AS overlapping
      FROM compound`)
    expect(r).toEqual({ invalid: 0, outside: 0, overlapping: 0 })
  })

  it('keeps compounds of different blocks at least a 10 m street apart (geography)', async () => {
    const rows = await getDb().query<{ a: string; b: string }>(sql`
      SELECT a.code AS a, b.code AS b FROM compound a JOIN compound b ON a.id < b.id
        AND a.boundary && ST_Expand(b.boundary, 0.0002) -- ~20 m: lets the index find candidates
      WHERE ST_DWithin(a.boundary::geography, b.boundary::geography, 9.9)`)
    const block = new Map(city.compounds.map((c) => [c.code, c.blockId]))
    expect(rows.filter((r) => block.get(r.a) !== block.get(r.b))).toEqual([])
  })

  it('nests each compound inside its community and each area inside its parent', async () => {
    const r = await one(sql`SELECT
      (SELECT count(*)::int FROM compound c JOIN area a ON a.id = c.community_id WHERE NOT ST_Contains(a.geom, c.location)) AS compounds,
      (SELECT count(*)::int FROM area c JOIN area p ON p.id = c.parent_id WHERE NOT ST_Contains(p.geom, ST_PointOnSurface(c.geom))) AS areas`)
    expect(r).toEqual({ compounds: 0, areas: 0 })
  })

  it('measures in SQL the organisation and station coverage the generator reports', async () => {
    const r = await one<{ old: number; org: number; station: number }>(sql`
      SELECT count(*)::int AS old,
        count(*) FILTER (WHERE cc.status IN ('standalone', 'joint', 'temporary', 'instructor'))::int AS org,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM station s
          WHERE ST_DWithin(s.location::geography, c.boundary::geography, 300)))::int AS station
      FROM compound c JOIN compound_coverage cc ON cc.compound_id = c.id WHERE c.is_old`)
    expect(r.old).toBe(city.stats.oldCompounds)
    expect(r.org / r.old).toBeCloseTo(city.stats.orgCoverageOld, 3)
    // Planar metres in the generator against the spheroid here: at most a compound or two at the 300 m edge.
    expect(Math.abs(r.station - city.stats.stationCoverageOld * r.old)).toBeLessThanOrEqual(2)
  })

  it('keeps every member of a joint branch within 30 m of another member (geography)', async () => {
    const r = await one(sql`SELECT count(*)::int AS n FROM org_compound m
      JOIN compound c ON c.id = m.compound_id
      WHERE m.org_kind = 'joint' AND NOT EXISTS (SELECT 1 FROM org_compound m2 JOIN compound c2 ON c2.id = m2.compound_id
        WHERE m2.org_id = m.org_id AND m2.compound_id <> m.compound_id
          AND ST_DWithin(c.boundary::geography, c2.boundary::geography, 30))`)
    expect(r).toEqual({ n: 0 })
  })

  it('links funding and stations to the right rows', async () => {
    const r = await one(sql`SELECT
      (SELECT count(*)::int FROM station WHERE compound_id IS NOT NULL) AS stations_in_compounds,
      (SELECT count(*)::int FROM funding WHERE amount_yuan < 1000) AS small_funding`)
    expect(r).toEqual({
      stations_in_compounds: city.stations.filter((s) => s.compoundCode !== null).length,
      small_funding: city.funding.filter((f) => f.amountYuan < 1000).length,
    })
  })
})
