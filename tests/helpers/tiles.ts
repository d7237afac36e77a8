// Reading vector tiles in tests: which tile holds a point, and what an encoded tile contains.
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'

/** The XYZ tile containing a lon/lat at zoom z. */
export function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  }
}

/** Features of every layer of an encoded tile, with their ids and properties. */
export function decode(bytes: Uint8Array) {
  const vt = new VectorTile(new PbfReader(bytes))
  return Object.fromEntries(
    Object.entries(vt.layers).map(([name, layer]) => [
      name,
      Array.from({ length: layer.length }, (_, i) => {
        const f = layer.feature(i)
        return { id: f.id, type: f.type, properties: f.properties, rings: f.loadGeometry() }
      }),
    ]),
  )
}
