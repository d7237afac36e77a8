// Baidu's AOI `geo` strings: "type|minx,miny;maxx,maxy|1-x1,y1,x2,y2,...;" in BD-09MC metres.
import type { Geometry, Position } from 'geojson'

/** True when a text looks like a Baidu geo string. */
export const looksLikeBaiduGeo = (s: string) =>
  /^\s*\d\|-?[\d.]+,-?[\d.]+(;-?[\d.]+,-?[\d.]+)?\|/.test(s)

/**
 * Parses a Baidu geo string into GeoJSON in BD-09MC metres: type 4 (area) → Polygon, or a
 * MultiPolygon when it has several parts; type 2 → LineString; type 1 → Point. Throws Error when
 * malformed.
 */
export function parseBaiduGeo(text: string): Geometry {
  const [type, bbox, body] = text.trim().split('|')
  if (!type || bbox === undefined) throw new Error('not a Baidu geo string (type|bbox|points)')
  const parts = (body ?? '')
    .split(';')
    .map((p) => p.trim().replace(/^\d+-/, ''))
    .filter(Boolean)
    .map((p) => {
      const nums = p.split(',').map(Number)
      if (nums.length % 2 !== 0 || nums.some((n) => !Number.isFinite(n)))
        throw new Error('coordinates must be number pairs')
      const pts: Position[] = []
      for (let i = 0; i < nums.length; i += 2) pts.push([nums[i]!, nums[i + 1]!])
      return pts
    })
  if (type === '1' || parts.length === 0) {
    const p = parts[0]?.[0] ?? bbox.split(/[;,]/).slice(0, 2).map(Number)
    if (p.length < 2 || p.some((n) => !Number.isFinite(n))) throw new Error('no coordinates')
    return { type: 'Point', coordinates: p }
  }
  if (type === '2') return { type: 'LineString', coordinates: parts[0]! }
  const rings = parts.map((r) => r)
  return rings.length === 1
    ? { type: 'Polygon', coordinates: [rings[0]!] }
    : { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) }
}
