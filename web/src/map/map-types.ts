// MapLibre 6 does not re-export its style-spec types; derive them from the options it does export.
import type { MapOptions } from 'maplibre-gl'

export type StyleSpecification = Exclude<MapOptions['style'], string | undefined>
export type LayerSpecification = StyleSpecification['layers'][number]
export type SourceSpecification = StyleSpecification['sources'][string]
