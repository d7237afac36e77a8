// The siting result as GeoJSON for other tools (a GIS, a report): one point per chosen site with
// its catchment totals, and the run's inputs and coverage as foreign members of the collection.
import type { FeatureCollection, Point } from 'geojson'
import type { SitingResult } from '../../api/siting-types.ts'
import { reachM } from '../../store/siting-geometry.ts'

export interface SiteProperties {
  rank: number
  id: string
  kind: 'compound' | 'point'
  compoundId: number | null
  name: string
  catchmentCompounds: number
  catchmentHouseholds: number
  catchmentWeight: number
  compoundIds: number[]
  serviceM: number
  /** Straight-line radius drawn on the map, metres. */
  reachM: number
}

export type SitingExport = FeatureCollection<Point, SiteProperties> & {
  siting: Pick<
    SitingResult,
    'area' | 'params' | 'model' | 'method' | 'status' | 'before' | 'after' | 'gap' | 'bound'
  >
}

/** A FeatureCollection of the chosen sites, ranked as in the list. */
export function sitingToGeoJson(result: SitingResult): SitingExport {
  const { area, params, model, method, status, before, after, gap, bound } = result
  const reach = Math.round(reachM(params) * 10) / 10
  return {
    type: 'FeatureCollection',
    siting: { area, params, model, method, status, before, after, gap, bound },
    features: result.chosen.map((c, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: c.location },
      properties: {
        rank: i + 1,
        id: c.id,
        kind: c.kind,
        compoundId: c.compoundId,
        name: c.name,
        catchmentCompounds: c.catchment.compoundIds.length,
        catchmentHouseholds: c.catchment.households,
        catchmentWeight: c.catchment.weight,
        compoundIds: c.catchment.compoundIds,
        serviceM: params.serviceM,
        reachM: reach,
      },
    })),
  }
}

/** A file name that says what and where, e.g. `siting-510104-max-cover.geojson`. */
export const exportName = (result: SitingResult): string =>
  `siting-${result.area.id}-${result.model}.geojson`
