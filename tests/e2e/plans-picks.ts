// Picks compounds for the plans journeys from the live API answers (never hard-coded): a chain of
// small, unorganised compounds of one community, and a pair a straight brush stroke can paint
// without touching any other compound.
import { booleanPointInPolygon, point, pointToLineDistance, polygonToLine } from '@turf/turf'
import type { Feature, MultiPolygon, Point } from 'geojson'
import type { PlanCompound, PlanContext } from '../../web/src/api/plans-types.ts'

export type Shape = Feature<MultiPolygon | Point, { id: number }>

const free = (c: PlanCompound) =>
  c.small &&
  c.orgId === null &&
  !['standalone', 'joint', 'temporary', 'instructor'].includes(c.status)

function neighbours(ctx: PlanContext): Map<number, Set<number>> {
  const m = new Map<number, Set<number>>()
  for (const [a, b] of ctx.adjacency) {
    if (!m.has(a)) m.set(a, new Set())
    if (!m.has(b)) m.set(b, new Set())
    m.get(a)!.add(b)
    m.get(b)!.add(a)
  }
  return m
}

/** Metres from a point to a compound (0 inside). */
function distanceM(shape: Shape, p: [number, number]): number {
  if (shape.geometry.type === 'Point') {
    const [x, y] = shape.geometry.coordinates as [number, number]
    const dx = (x - p[0]) * 96_000
    const dy = (y - p[1]) * 111_000
    return Math.hypot(dx, dy)
  }
  const pt = point(p)
  if (booleanPointInPolygon(pt, shape.geometry)) return 0
  let d = Infinity
  for (const poly of shape.geometry.coordinates) {
    const line = polygonToLine({ type: 'Polygon', coordinates: poly })
    const lines = line.type === 'Feature' ? [line] : line.features
    for (const l of lines) d = Math.min(d, pointToLineDistance(pt, l as never, { units: 'meters' }))
  }
  return d
}

/** Whether a straight stroke from `a` to `b` stays inside `ids` and keeps `marginM` from the others. */
function strokeStaysIn(
  shapes: Shape[],
  ids: number[],
  a: [number, number],
  b: [number, number],
  marginM: number,
): boolean {
  const samples = 40
  for (let i = 0; i <= samples; i++) {
    const t = i / samples
    const p: [number, number] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
    for (const s of shapes) {
      if (ids.includes(s.properties.id)) continue
      if (distanceM(s, p) <= marginM) return false
    }
  }
  return true
}

export interface JourneyPicks {
  /** Three compounds to click, each adjacent to the previous; members reach the floor only with all three. */
  clicks: PlanCompound[]
  /** Two more, painted by one straight stroke between their inside points. */
  strokes: PlanCompound[]
}

/** Compounds for the main journey, or null when the area has no suitable chain. */
export function pickJourney(
  ctx: PlanContext,
  shapes: Shape[],
  oldOnly = false,
): JourneyPicks | null {
  const near = neighbours(ctx)
  const byId = new Map(ctx.compounds.map((c) => [c.id, c]))
  const min = ctx.rules.minMembers
  const ok = (c: PlanCompound | undefined): c is PlanCompound =>
    c !== undefined && free(c) && (!oldOnly || c.old)
  const area = shapes.filter((s) => byId.has(s.properties.id))
  const shapeOf = new Map(area.map((s) => [s.properties.id, s]))
  for (const a of ctx.compounds.filter(ok)) {
    for (const bId of near.get(a.id) ?? []) {
      const b = byId.get(bId)
      if (!ok(b) || b.communityId !== a.communityId || a.members + b.members >= min) continue
      for (const cId of near.get(bId) ?? []) {
        const c = byId.get(cId)
        if (!ok(c) || cId === a.id || c.communityId !== a.communityId) continue
        if (a.members + b.members + c.members < min) continue
        const group = [a.id, b.id, c.id]
        for (const dId of near.get(cId) ?? []) {
          const d = byId.get(dId)
          if (!ok(d) || group.includes(dId) || d.communityId !== a.communityId) continue
          for (const eId of near.get(dId) ?? []) {
            const e = byId.get(eId)
            if (!ok(e) || group.includes(eId) || eId === dId || e.communityId !== a.communityId)
              continue
            if (!shapeOf.has(dId) || !shapeOf.has(eId)) continue
            const members = a.members + b.members + c.members + d.members + e.members
            if (members > ctx.rules.maxMembers) continue
            const ends: [[number, number], [number, number]] = [
              [d.lng, d.lat],
              [e.lng, e.lat],
            ]
            if (!strokeStaysIn(area, [dId, eId], ends[0], ends[1], 12)) continue
            return { clicks: [a, b, c], strokes: [d, e] }
          }
        }
      }
    }
  }
  return null
}

/**
 * A circle (centre, radius m) around some free compounds whose edge keeps `marginM` from every
 * compound's inside point, so a lasso drawn along it selects exactly those inside.
 */
export function pickLasso(
  ctx: PlanContext,
  marginM = 25,
): { centre: [number, number]; radiusM: number; inside: number[] } | null {
  const mPerLng = 111_320 * Math.cos((ctx.compounds[0]!.lat * Math.PI) / 180)
  const dist = (a: PlanCompound, b: PlanCompound) =>
    Math.hypot((a.lng - b.lng) * mPerLng, (a.lat - b.lat) * 110_574)
  for (const c of ctx.compounds.filter(free)) {
    const ds = ctx.compounds.map((x) => ({ x, d: dist(c, x) })).sort((p, q) => p.d - q.d)
    for (let r = 120; r <= 260; r += 10) {
      if (ds.some(({ d }) => Math.abs(d - r) < marginM)) continue
      const inside = ds.filter(({ d }) => d < r).map(({ x }) => x)
      const chosen = inside.filter((x) => x.orgId === null).map((x) => x.id)
      if (chosen.length >= 3 && chosen.length <= 8)
        return { centre: [c.lng, c.lat], radiusM: r, inside: chosen.sort((a, b) => a - b) }
    }
  }
  return null
}
