// A cheap self-intersection test for polygon rings: sort segments by their left end and only compare
// segments whose x-ranges overlap. Repair is PostGIS's job (ST_MakeValid); this only warns early.
import type { Position } from 'geojson'

interface Segment {
  ring: number
  index: number
  a: Position
  b: Position
  minX: number
  maxX: number
}

const orient = (p: Position, q: Position, r: Position) =>
  Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!))

const onSegment = (p: Position, q: Position, r: Position) =>
  Math.min(p[0]!, r[0]!) <= q[0]! &&
  q[0]! <= Math.max(p[0]!, r[0]!) &&
  Math.min(p[1]!, r[1]!) <= q[1]! &&
  q[1]! <= Math.max(p[1]!, r[1]!)

// Within a ring touching counts; between rings only a proper crossing does, since a hole may touch
// its shell at a vertex (valid OGC).
function intersects(s: Segment, t: Segment): boolean {
  const o1 = orient(s.a, s.b, t.a)
  const o2 = orient(s.a, s.b, t.b)
  const o3 = orient(t.a, t.b, s.a)
  const o4 = orient(t.a, t.b, s.b)
  if (s.ring !== t.ring) return o1 * o2 < 0 && o3 * o4 < 0
  if (o1 !== o2 && o3 !== o4) return true
  return (
    (o1 === 0 && onSegment(s.a, t.a, s.b)) ||
    (o2 === 0 && onSegment(s.a, t.b, s.b)) ||
    (o3 === 0 && onSegment(t.a, s.a, t.b)) ||
    (o4 === 0 && onSegment(t.a, s.b, t.b))
  )
}

/**
 * The first point near which the rings of one polygon cross or touch themselves or each other
 * (closed rings, any units), or null. Neighbouring segments of a ring share a vertex and do not count.
 */
export function findSelfIntersection(rings: Position[][]): Position | null {
  // Repeated vertices are harmless but would make neighbours look non-adjacent: drop them first.
  const clean = rings.map((r) =>
    r.filter((p, i) => i === 0 || p[0] !== r[i - 1]![0] || p[1] !== r[i - 1]![1]),
  )
  const segs: Segment[] = []
  const sizes = clean.map((r) => r.length - 1)
  clean.forEach((r, ring) => {
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i]!
      const b = r[i + 1]!
      segs.push({
        ring,
        index: i,
        a,
        b,
        minX: Math.min(a[0]!, b[0]!),
        maxX: Math.max(a[0]!, b[0]!),
      })
    }
  })
  segs.sort((s, t) => s.minX - t.minX)
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!
    for (let j = i + 1; j < segs.length && segs[j]!.minX <= s.maxX; j++) {
      const t = segs[j]!
      if (s.ring === t.ring) {
        const n = sizes[s.ring]!
        const d = Math.abs(s.index - t.index)
        if (d === 1 || d === n - 1) continue // adjacent, including last-first
      }
      if (intersects(s, t)) return s.a
    }
  }
  return null
}
