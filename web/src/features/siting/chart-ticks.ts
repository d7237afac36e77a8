// Axis ticks for the coverage curve: few, round, and never past the data's end.

/** The step among 1, 2, 5 × 10ⁿ that gives at most `count` intervals up to `max`. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0) || count < 1) return 1
  const raw = max / count
  const power = 10 ** Math.floor(Math.log10(raw))
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power
  return 10 * power
}

/** Ticks 0, step, 2·step, … up to `max` inclusive; integers only when `integer`. */
export function ticks(max: number, count: number, integer = false): number[] {
  const step = integer ? Math.max(1, Math.round(niceStep(max, count))) : niceStep(max, count)
  const out: number[] = []
  // The tolerance keeps a last tick that float steps land a hair beyond max.
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Math.round(v * 1e9) / 1e9)
  return out
}

/** The round share (a tenth) the y axis ends at, leaving room above the highest point. */
export const shareAxisMax = (highest: number): number =>
  Math.min(1, Math.max(0.1, Math.ceil((highest + 0.02) * 10) / 10))
