// Well-known text (and PostGIS EWKT with SRID=n;) to GeoJSON; Z and M values are dropped.
import type { Geometry, Position } from 'geojson'

export interface ParsedWkt {
  geometry: Geometry | null
  /** From an EWKT 'SRID=n;' prefix. */
  srid?: number
}

const TYPES = [
  'POINT',
  'LINESTRING',
  'POLYGON',
  'MULTIPOINT',
  'MULTILINESTRING',
  'MULTIPOLYGON',
  'GEOMETRYCOLLECTION',
]

/** True when a text starts like WKT or EWKT. */
export const looksLikeWkt = (s: string) =>
  /^\s*(SRID=\d+\s*;\s*)?(MULTI)?(POINT|LINESTRING|POLYGON)|^\s*(SRID=\d+\s*;\s*)?GEOMETRYCOLLECTION/i.test(
    s,
  )

class Cursor {
  private i = 0
  private readonly tokens: string[]
  constructor(text: string) {
    this.tokens = text.match(/[A-Za-z]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[(),]/g) ?? []
  }
  peek = () => this.tokens[this.i]
  next = () => {
    const t = this.tokens[this.i++]
    if (t === undefined) throw new Error('unexpected end')
    return t
  }
  expect(t: string) {
    const got = this.next()
    if (got.toUpperCase() !== t) throw new Error(`expected '${t}' but found '${got}'`)
  }
  done = () => this.i >= this.tokens.length
}

function position(c: Cursor): Position {
  const nums: number[] = []
  while (c.peek() !== undefined && /^[-+.\d]/.test(c.peek()!)) nums.push(Number(c.next()))
  if (nums.length < 2) throw new Error('a position needs at least two numbers')
  return [nums[0]!, nums[1]!]
}

function list<T>(c: Cursor, item: (c: Cursor) => T): T[] {
  c.expect('(')
  const out = [item(c)]
  while (c.peek() === ',') {
    c.next()
    out.push(item(c))
  }
  c.expect(')')
  return out
}

// MULTIPOINT accepts both (1 2, 3 4) and ((1 2), (3 4)).
const pointItem = (c: Cursor) => {
  if (c.peek() !== '(') return position(c)
  c.next()
  const p = position(c)
  c.expect(')')
  return p
}

function geometry(c: Cursor): Geometry | null {
  const type = c.next().toUpperCase()
  if (!TYPES.includes(type)) throw new Error(`unknown geometry type '${type}'`)
  while (/^(Z|M|ZM)$/i.test(c.peek() ?? '')) c.next()
  if ((c.peek() ?? '').toUpperCase() === 'EMPTY') {
    c.next()
    return null
  }
  const ring = (c: Cursor) => list(c, position)
  switch (type) {
    case 'POINT': {
      const [p] = list(c, position)
      return { type: 'Point', coordinates: p! }
    }
    case 'LINESTRING':
      return { type: 'LineString', coordinates: ring(c) }
    case 'POLYGON':
      return { type: 'Polygon', coordinates: list(c, ring) }
    case 'MULTIPOINT':
      return { type: 'MultiPoint', coordinates: list(c, pointItem) }
    case 'MULTILINESTRING':
      return { type: 'MultiLineString', coordinates: list(c, ring) }
    case 'MULTIPOLYGON':
      return { type: 'MultiPolygon', coordinates: list(c, (c) => list(c, ring)) }
    default: {
      const parts = list(c, geometry).filter((g): g is Geometry => g !== null)
      return { type: 'GeometryCollection', geometries: parts }
    }
  }
}

/** Parses WKT/EWKT; throws Error with a plain reason when malformed. */
export function parseWkt(text: string): ParsedWkt {
  const m = /^\s*SRID=(\d+)\s*;/i.exec(text)
  const c = new Cursor(m ? text.slice(m[0].length) : text)
  const g = geometry(c)
  if (!c.done()) throw new Error(`unexpected '${c.peek()}' after the geometry`)
  return m ? { geometry: g, srid: Number(m[1]) } : { geometry: g }
}
