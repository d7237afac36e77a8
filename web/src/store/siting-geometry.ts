// Ground measures of station siting, in metres on [lng, lat] (EPSG:4326).
import type { Feature, Polygon } from 'geojson'
import type { SitingParams } from '../api/siting-types.ts'
import type { LngLat } from '../api/types.ts'

const M_PER_DEG = 111_320

/**
 * Straight-line radius of a station's service area, metres: the walking distance divided by the
 * detour factor, as the solver measures reach.
 */
export const reachM = (params: Pick<SitingParams, 'serviceM' | 'detourFactor'>): number =>
  params.serviceM / params.detourFactor

/** The square around a circle of `radiusM` metres at `centre`, for framing the camera on it. */
export function circleBox([lng, lat]: LngLat, radiusM: number): Feature<Polygon> {
  const dLat = radiusM / M_PER_DEG
  const dLng = radiusM / (M_PER_DEG * Math.cos((lat * Math.PI) / 180))
  const ring = [
    [lng - dLng, lat - dLat],
    [lng + dLng, lat - dLat],
    [lng + dLng, lat + dLat],
    [lng - dLng, lat + dLat],
    [lng - dLng, lat - dLat],
  ]
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: {} }
}
