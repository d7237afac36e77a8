// An in-process LRU of encoded tiles for one data version. A request that reads a newer version
// empties it (every entry was computed from older data); concurrent misses of one tile share one
// computation.
import type { DataVersion } from '../../lib/data-version.ts'

export interface CachedTile {
  /** Uncompressed protobuf; empty for a tile with no feature. */
  raw: Uint8Array
  /** The same bytes gzipped (empty for an empty tile). */
  gz: Uint8Array
}

export interface TileCache {
  get(version: DataVersion, key: string, make: () => Promise<CachedTile>): Promise<CachedTile>
  /** The cache holds `key` (for the version it holds) or is making it. */
  has(key: string): boolean
  readonly stats: { hits: number; misses: number; entries: number; bytes: number }
}

/** A cache holding at most `maxBytes` of tiles (raw + gzipped); 0 disables it. */
export function tileCache(maxBytes: number): TileCache {
  let version: DataVersion | undefined
  const entries = new Map<string, CachedTile>()
  const pending = new Map<string, Promise<CachedTile>>()
  const stats = { hits: 0, misses: 0, entries: 0, bytes: 0 }
  const size = (t: CachedTile) => t.raw.byteLength + t.gz.byteLength + 64

  const reset = (v: DataVersion) => {
    version = v
    entries.clear()
    pending.clear()
    stats.bytes = 0
    stats.entries = 0
  }

  return {
    stats,
    has: (key) => entries.has(key) || pending.has(key),
    async get(v, key, make) {
      // Versions only grow within an epoch, and a new epoch is a new database: either way the
      // entries were made from other data. (A request that read an older version while another
      // read a newer one just misses.)
      if (v !== version) reset(v)
      const hit = entries.get(key)
      if (hit) {
        stats.hits++
        entries.delete(key)
        entries.set(key, hit) // most recently used last
        return hit
      }
      const shared = pending.get(key)
      if (shared) return shared
      stats.misses++
      const p = make()
      if (maxBytes <= 0) return p
      pending.set(key, p)
      try {
        const tile = await p
        if (version === v && size(tile) <= maxBytes) {
          entries.set(key, tile)
          stats.bytes += size(tile)
          while (stats.bytes > maxBytes) {
            const [oldKey, old] = entries.entries().next().value as [string, CachedTile]
            entries.delete(oldKey)
            stats.bytes -= size(old)
          }
          stats.entries = entries.size
        }
        return tile
      } finally {
        if (pending.get(key) === p) pending.delete(key)
      }
    },
  }
}
