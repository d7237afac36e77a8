// The coverage curve: share of demand covered against the number of new stations, and where the
// next station stops paying off. The server's curve is greedy and stops at the run's k; a longer one
// is asked for separately (siting-loaders.ts) so the turning point can be seen beyond k.
import type { CurvePoint, SitingResult } from '../api/siting-types.ts'
import { usesK } from './siting-form.ts'

/**
 * The turning point: the first station whose gain is below this share of the first station's.
 * 10 % rather than 1 %: on the demo city's districts a 1 % gain comes only once nearly every
 * compound is covered, which is no turning point a planner can use.
 */
export const KNEE_SHARE = 0.1

/** Stations the longer curve goes up to (fewer when the area has fewer candidates). */
export const EXTENDED_STATIONS = 200

/** The first station count whose marginal gain is below `share` of the first's; null if none. */
export function kneeOf(curve: ReadonlyArray<CurvePoint>, share = KNEE_SHARE): number | null {
  const first = curve[0]?.marginalWeight ?? 0
  if (first <= 0) return null
  return curve.find((p) => p.marginalWeight < share * first)?.stations ?? null
}

/** The curve with its start, today's coverage at 0 new stations. */
export const withStart = (
  before: SitingResult['before'],
  curve: ReadonlyArray<CurvePoint>,
): CurvePoint[] => [
  { stations: 0, weight: before.weight, share: before.share, marginalWeight: 0 },
  ...curve,
]

/**
 * How many stations a longer curve should reach, or null when it would show nothing new: the
 * turning point is already on the curve, the curve ended early because nothing more can be
 * covered, or there are no more candidates.
 */
export function extensionOf(result: SitingResult): number | null {
  const { curve, params, chosen, stats } = result
  if (kneeOf(curve) !== null) return null
  const asked = usesK(result.model) ? (params.k ?? curve.length) : chosen.length
  if (curve.length < asked) return null
  const k = Math.min(stats.candidates, EXTENDED_STATIONS)
  return k > curve.length ? k : null
}

/** The longer of the result's curve and the one asked for beyond k. */
export const bestCurve = (
  result: SitingResult,
  extended: ReadonlyArray<CurvePoint> | undefined,
): ReadonlyArray<CurvePoint> =>
  extended && extended.length > result.curve.length ? extended : result.curve
