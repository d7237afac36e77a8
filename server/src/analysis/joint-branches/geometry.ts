import type { Problem } from './problem.ts'

/** Group centre (m): the arithmetic mean of the points. The radius rule and the output use this definition. */
export function groupCentre(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  let sx = 0
  let sy = 0
  for (const p of points) {
    sx += p.x
    sy += p.y
  }
  const k = points.length || 1
  return { x: sx / k, y: sy / k }
}

/** Group radius (m): the largest distance from `groupCentre(points)` to a point. */
export function groupRadiusM(points: readonly { x: number; y: number }[]): number {
  const c = groupCentre(points)
  let r = 0
  for (const p of points) r = Math.max(r, Math.hypot(p.x - c.x, p.y - c.y))
  return r
}

/** Radius (m) of a set given by indices into coordinate arrays; same definition as `groupRadiusM`. */
export function radiusOf(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  members: readonly number[],
): number {
  let sx = 0
  let sy = 0
  for (const i of members) {
    sx += xs[i]!
    sy += ys[i]!
  }
  const cx = sx / members.length
  const cy = sy / members.length
  let r = 0
  for (const i of members) r = Math.max(r, Math.hypot(xs[i]! - cx, ys[i]! - cy))
  return r
}

/** Centre (m) of a set of problem units. */
export function centreOf(p: Problem, members: readonly number[]): { x: number; y: number } {
  let sx = 0
  let sy = 0
  for (const i of members) {
    sx += p.x[i]!
    sy += p.y[i]!
  }
  return { x: sx / members.length, y: sy / members.length }
}

/** Inertia (m²) of a set of problem units: sum of squared distances from their centre. */
export function inertiaOf(p: Problem, members: readonly number[]): number {
  // Relative to the first member, as in enumeration, so both give the same figure.
  const x0 = p.x[members[0]!]!
  const y0 = p.y[members[0]!]!
  let sx = 0
  let sy = 0
  let sq = 0
  for (const i of members) {
    const dx = p.x[i]! - x0
    const dy = p.y[i]! - y0
    sx += dx
    sy += dy
    sq += dx * dx + dy * dy
  }
  return Math.max(0, sq - (sx * sx + sy * sy) / members.length)
}
