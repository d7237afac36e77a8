// The same tiles from both drivers: PostGIS's ST_AsMVT and PGlite's SQL clipping + vt-pbf give the
// same features, ids and properties, and geometry within a tile unit or two, over a small demo city.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { renderTile } from '../../server/src/features/tiles/tiles.queries.ts'
import type { LayerName } from '../../server/src/features/tiles/tile-math.ts'
import { describeOnPostgis, openTestPglite } from '../helpers/each-db.ts'
import { decode, tileAt } from '../helpers/tiles.ts'

type Feature = ReturnType<typeof decode>[string][number]

// Shoelace area and bounding box of a feature's rings in tile units.
const shape = (f: Feature) => {
  const pts = f.rings.flat()
  const area = f.rings.reduce((s, r) => {
    let a = 0
    for (let i = 0, j = r.length - 1; i < r.length; j = i++)
      a += r[j]!.x * r[i]!.y - r[i]!.x * r[j]!.y
    return s + a / 2
  }, 0)
  return {
    area,
    box: [
      Math.min(...pts.map((p) => p.x)),
      Math.min(...pts.map((p) => p.y)),
      Math.max(...pts.map((p) => p.x)),
      Math.max(...pts.map((p) => p.y)),
    ],
  }
}

describeOnPostgis('vector tiles are the same from PGlite and PostGIS', (getPg) => {
  let lite: Db
  const tiles: { layer: LayerName; z: number; x: number; y: number }[] = []

  beforeAll(async () => {
    lite = await openTestPglite()
    const city = generateDemoCity({ seed: 7, scale: 0.02 })
    for (const db of [getPg(), lite]) {
      await loadDemoCity(db, city)
      await db.exec('ANALYZE')
    }
    // Tiles around a few compounds spread over the city, at every zoom where something changes.
    const spots = await getPg().query<{ lon: number; lat: number }>(sql`
      SELECT ST_X(location)::float8 AS lon, ST_Y(location)::float8 AS lat FROM compound
      WHERE id % 97 = 1 ORDER BY id LIMIT 4`)
    for (const { lon, lat } of spots)
      for (const z of [4, 7, 8, 10, 11, 12, 13, 14, 16])
        for (const layer of ['compounds', 'areas'] as const)
          tiles.push({ layer, ...tileAt(lon, lat, z) })
  }, 120_000)
  afterAll(async () => {
    await lite?.close()
  })

  it('has the same features with the same ids, properties and geometry', async () => {
    let compared = 0
    for (const { layer, ...t } of tiles) {
      const where = `${layer} ${t.z}/${t.x}/${t.y}`
      const a = await renderTile(getPg(), layer, t)
      const b = await renderTile(lite, layer, t)
      expect(b.byteLength === 0, where).toBe(a.byteLength === 0)
      if (a.byteLength === 0) continue
      const la = decode(a)
      const lb = decode(b)
      expect(Object.keys(lb), where).toEqual(Object.keys(la))
      for (const name of Object.keys(la)) {
        const fa = new Map(la[name]!.map((f) => [f.id, f]))
        const fb = new Map(lb[name]!.map((f) => [f.id, f]))
        expect([...fb.keys()].sort(), `${where} ${name} ids`).toEqual([...fa.keys()].sort())
        for (const [id, f] of fa) {
          const g = fb.get(id)!
          expect(g.type, `${where} #${id}`).toBe(f.type)
          expect(g.properties, `${where} #${id}`).toEqual(f.properties)
          const sa = shape(f)
          const sb = shape(g)
          // Both snap to the integer grid; simplification and clipping may differ by a unit.
          for (let k = 0; k < 4; k++)
            expect(Math.abs(sa.box[k]! - sb.box[k]!), `${where} #${id} bbox`).toBeLessThanOrEqual(2)
          expect(sb.area, `${where} #${id} winding`).toBeGreaterThan(0)
          expect(Math.abs(sa.area - sb.area), `${where} #${id} area`).toBeLessThanOrEqual(
            Math.max(16, 0.02 * Math.abs(sa.area)),
          )
          compared++
        }
      }
    }
    // Enough features to mean something: hexagons, compounds and areas at several zooms.
    expect(compared).toBeGreaterThan(200)
  }, 120_000)
})
