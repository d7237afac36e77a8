// District names as HTML markers: the offline style ships no glyphs, so MapLibre text layers are
// not available, and a dozen DOM labels cost nothing.
import { centerOfMass } from '@turf/turf'
import { Marker, type Map as MapLibreMap } from 'maplibre-gl'
import type { AreaCollection } from '../api/types.ts'

/** Replaces the district labels with those of `districts`; returns a function removing them. */
export function showDistrictLabels(map: MapLibreMap, districts: AreaCollection): () => void {
  const markers = districts.features.map((f) => {
    const el = document.createElement('div')
    el.className = 'district-label'
    el.textContent = f.properties.name
    const [lng, lat] = centerOfMass(f).geometry.coordinates as [number, number]
    return new Marker({ element: el }).setLngLat([lng, lat]).addTo(map)
  })
  return () => markers.forEach((m) => m.remove())
}
