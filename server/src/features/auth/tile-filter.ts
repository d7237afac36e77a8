// Vector tiles obey the same scope as JSON answers: compounds outside the user's jurisdiction are
// dropped and viewers get no per-compound member counts. Applied by the auth middleware to the
// tile route's bytes, so the tile cache stays shared and the tile code unaware of users.
import { gunzipSync, gzipSync } from 'node:zlib'
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import vtpbf, { type VtFeature } from 'vt-pbf'

export interface TileView {
  /** Communities the user may see; undefined = every community. */
  communities?: Set<string>
  /** Drop per-compound member counts (viewers). */
  dropMembers: boolean
}

const MEMBERS = /^members|党员/i

/** The tile with only what `view` allows; bytes are gzipped again when they came gzipped. */
export function filterTile(bytes: Uint8Array, gzipped: boolean, view: TileView): Uint8Array {
  const raw = gzipped ? gunzipSync(bytes) : bytes
  const tile = new VectorTile(new PbfReader(raw))
  const layers: Record<string, { features: VtFeature[] }> = {}
  let extent = 4096
  for (const [name, layer] of Object.entries(tile.layers)) {
    extent = layer.extent
    const features: VtFeature[] = []
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i)
      const props = f.properties as Record<string, string | number | boolean>
      if (view.communities && typeof props.communityId === 'string')
        if (!view.communities.has(props.communityId)) continue
      const tags: Record<string, string | number | boolean> = {}
      for (const [k, v] of Object.entries(props))
        if (!(view.dropMembers && MEMBERS.test(k))) tags[k] = v
      const rings = f.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y] as [number, number]))
      features.push({
        ...(f.id !== undefined ? { id: f.id } : {}),
        type: f.type as 1 | 2 | 3,
        geometry: f.type === 1 ? rings.flat() : rings,
        tags,
      })
    }
    layers[name] = { features }
  }
  const out = vtpbf.fromGeojsonVt(layers, { version: 2, extent })
  return gzipped ? gzipSync(out) : out
}
