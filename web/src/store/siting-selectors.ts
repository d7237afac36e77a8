// Map data derived from the siting result, memoised on the identity of its inputs so a city-wide
// result (about 11,000 demand compounds) is converted once, not on every render.
import type { SitingResult } from '../api/siting-types.ts'
import type { CompoundFeature, LngLat } from '../api/types.ts'
import type { CircleDatum } from '../layers/siting-circles-layer.ts'
import type { DemandFeature } from '../layers/siting-demand-layer.ts'
import type { DemandClass } from '../layers/siting-palette.ts'
import type { PointDatum } from '../layers/siting-points-layer.ts'
import type { SiteDatum } from '../layers/siting-sites-layer.ts'
import { dataOf } from './async.ts'
import { useStore } from './index.ts'
import { byIdOf, memoLast, useFeatures } from './selectors.ts'
import { reachM } from './siting-geometry.ts'

const NO_DEMAND: DemandFeature[] = []
const NO_SITES: SiteDatum[] = []
const NO_CIRCLES: CircleDatum[] = []
const NO_COMPOUNDS: CompoundFeature[] = []
const NO_POINTS: PointDatum[] = []

/** Each demand compound of a result classed as covered before, newly covered, or uncovered. */
export function demandClasses(result: SitingResult): Map<number, DemandClass> {
  const classes = new Map<number, DemandClass>()
  // coveredAfter includes what existing stations cover; those are not news.
  for (const id of result.coveredAfter) classes.set(id, 'new')
  for (const id of result.coveredBefore) classes.set(id, 'before')
  for (const id of result.uncovered) classes.set(id, 'uncovered')
  return classes
}

/** The demand compounds with their geometry from the compounds already loaded. */
export const demandFeaturesOf = memoLast(
  (result: SitingResult | undefined, features: CompoundFeature[]): DemandFeature[] => {
    if (!result) return NO_DEMAND
    const byId = byIdOf(features)
    const out: DemandFeature[] = []
    for (const [compoundId, coverage] of demandClasses(result)) {
      const f = byId.get(compoundId)
      if (f)
        out.push({ type: 'Feature', geometry: f.geometry, properties: { compoundId, coverage } })
    }
    return out
  },
)

export const sitesOf = memoLast(
  (result: SitingResult | undefined): SiteDatum[] =>
    result?.chosen.map((c, index) => ({ position: c.location, index })) ?? NO_SITES,
)

/** Service circles: existing stations' first, so the new sites' are drawn over them. */
export const circlesOf = memoLast((result: SitingResult | undefined): CircleDatum[] =>
  result
    ? [
        ...result.existingStations.map((s, index) => ({
          centre: s.location,
          kind: 'existing' as const,
          index,
        })),
        ...result.chosen.map((c, index) => ({ centre: c.location, kind: 'new' as const, index })),
      ]
    : NO_CIRCLES,
)

/** The compounds the site `selected` serves, or none. */
export const catchmentOf = memoLast(
  (
    result: SitingResult | undefined,
    selected: number | null,
    features: CompoundFeature[],
  ): CompoundFeature[] => {
    const site = selected === null ? undefined : result?.chosen[selected]
    if (!site) return NO_COMPOUNDS
    const byId = byIdOf(features)
    return site.catchment.compoundIds.flatMap((id) => byId.get(id) ?? [])
  },
)

export const pointsOf = memoLast((points: LngLat[]): PointDatum[] =>
  points.map((position, index) => ({ position, index })),
)

/** The result to show: the last one (kept while a new run is on its way), only while siting. */
export const useSitingResult = (): SitingResult | undefined =>
  useStore((s) => (s.sitingOpen ? dataOf(s.sitingRun) : undefined))

export interface SitingMapData {
  result: SitingResult | undefined
  demand: DemandFeature[]
  sites: SiteDatum[]
  circles: CircleDatum[]
  /** Straight-line reach of every station in the result, metres. */
  radiusM: number
  catchment: CompoundFeature[]
  points: PointDatum[]
  selected: number | null
}

/** Everything the siting layers draw; the analyst's points show whenever the panel is open. */
export function useSitingMapData(): SitingMapData {
  const result = useSitingResult()
  const features = useFeatures()
  const selected = useStore((s) => s.sitingSelected)
  const open = useStore((s) => s.sitingOpen)
  const points = useStore((s) => s.sitingPoints)
  return {
    result,
    demand: demandFeaturesOf(result, features),
    sites: sitesOf(result),
    circles: circlesOf(result),
    radiusM: result ? reachM(result.params) : 0,
    catchment: catchmentOf(result, selected, features),
    points: open ? pointsOf(points) : NO_POINTS,
    selected,
  }
}

export interface HouseholdCoverage {
  before: number
  after: number
  total: number
}

/**
 * Households of the demand covered before and after, from the loaded compounds: the result counts
 * its chosen weight (households, residents or elderly), but planners always ask about households.
 * Null until the compounds are loaded.
 */
export const householdCoverageOf = memoLast(
  (result: SitingResult, features: CompoundFeature[]): HouseholdCoverage | null => {
    if (features.length === 0) return null
    const byId = byIdOf(features)
    const sum = (ids: number[]) =>
      ids.reduce((n, id) => n + (byId.get(id)?.properties.households ?? 0), 0)
    const after = sum(result.coveredAfter)
    return { before: sum(result.coveredBefore), after, total: after + sum(result.uncovered) }
  },
)
