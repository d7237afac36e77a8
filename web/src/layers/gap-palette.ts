// Colours and class breaks of the dashboard's gap maps. Palettes are ColorBrewer schemes marked
// colour-blind safe (YlOrRd for gaps, YlGnBu for rates, RdYlBu for Gi* and indicators met).
import type { HotspotClass } from '../api/scorecard-types.ts'
import type { Rgb } from './status-colors.ts'

/** Gaps, light to dark: more households uncovered, more elderly out of reach, more failures. */
export const GAP_RGB: Rgb[] = [
  [255, 237, 160],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
]

/** Cells with compounds but no gap. */
export const NO_GAP_RGB: Rgb = [206, 214, 222]

/** The heat map's ramp, transparent end first (deck fades the lowest density). */
export const HEAT_RGB: Rgb[] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
]

/** Rates, light (low) to dark (high). */
export const RATE_RGB: Rgb[] = [
  [255, 255, 204],
  [161, 218, 180],
  [65, 182, 196],
  [44, 127, 184],
  [37, 52, 148],
]

/** Areas whose rate is unknown (no old compound). */
export const UNKNOWN_RGB: Rgb = [236, 236, 236]

/** Getis-Ord Gi* classes: hot spots warm, cold spots cool, not significant grey. */
export const HOTSPOT_CLASSES: HotspotClass[] = [
  'hot99',
  'hot95',
  'hot90',
  'none',
  'cold90',
  'cold95',
  'cold99',
]
export const HOTSPOT_RGB: Record<HotspotClass, Rgb> = {
  hot99: [215, 48, 39],
  hot95: [244, 109, 67],
  hot90: [253, 174, 97],
  none: [190, 190, 190],
  cold90: [171, 217, 233],
  cold95: [116, 173, 209],
  cold99: [69, 117, 180],
}

/** Indicators met, 0 (red) to 5 (blue). */
export const PASSED_RGB: Rgb[] = [
  [215, 48, 39],
  [244, 109, 67],
  [253, 174, 97],
  [171, 217, 233],
  [116, 173, 209],
  [69, 117, 180],
]

/** CSS colour of an RGB triple, for legends. */
export const css = ([r, g, b]: Rgb): string => `rgb(${r} ${g} ${b})`

/** 1, 2 or 5 times a power of ten, the smallest not below `v` (v > 0). */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 0
  const p = 10 ** Math.floor(Math.log10(v))
  for (const m of [1, 2, 5, 10]) if (m * p >= v - 1e-9 * p) return m * p
  return 10 * p
}

/**
 * Class breaks of `values` into at most `classes` classes by quantiles: the upper bounds of every
 * class but the last, ascending and distinct. `round` makes them readable (e.g. whole numbers).
 * A value v belongs to the first class whose bound is ≥ v (see classIndex).
 */
export function quantileBreaks(
  values: readonly number[],
  classes: number,
  round: (v: number) => number,
): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0 || classes < 2) return []
  // A bound at or above the (rounded) maximum would leave the last class empty or unreadable.
  const top = Math.min(sorted[sorted.length - 1]!, round(sorted[sorted.length - 1]!))
  const breaks: number[] = []
  for (let i = 1; i < classes; i++) {
    const q = sorted[Math.max(0, Math.ceil((i * sorted.length) / classes) - 1)]!
    const b = round(q)
    if (b < top && (breaks.length === 0 || b > breaks[breaks.length - 1]!)) breaks.push(b)
  }
  return breaks
}

/** Index of the class of `value` under `breaks` (0 .. breaks.length). */
export function classIndex(value: number, breaks: readonly number[]): number {
  let i = 0
  while (i < breaks.length && value > breaks[i]!) i++
  return i
}

/** Rounds a count bound up to a readable step: whole numbers, then 1/2/5 × 10^k above 10. */
export const roundCount = (v: number): number => (v <= 10 ? Math.ceil(v) : niceCeil(v))

/** Rounds a rate bound to a whole percentage. */
export const roundRate = (v: number): number => Math.round(v * 100) / 100

/** `n` colours spread over `ramp` (first and last used when n ≥ 2). */
export function spread(ramp: readonly Rgb[], n: number): Rgb[] {
  // One class: the middle of the ramp, neither "worst" nor "best".
  if (n <= 1) return [ramp[Math.floor(ramp.length / 2)]!]
  return Array.from({ length: n }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (n - 1))]!)
}
