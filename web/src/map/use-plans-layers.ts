// The plans workspace's deck.gl layers, drawn above the compounds.
import type { Layer } from '@deck.gl/core'
import type { MapHandles } from './create-map.ts'

const NONE: Layer[] = []

/** deck layers of the plans workspace; none outside it. */
export function usePlansLayers(_h: MapHandles | null): Layer[] {
  return NONE
}
