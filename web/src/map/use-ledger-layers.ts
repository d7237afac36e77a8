// The ledger workspace's deck.gl layers, drawn above the compounds.
import type { Layer } from '@deck.gl/core'
import type { MapHandles } from './create-map.ts'

const NONE: Layer[] = []

/** deck layers of the ledger workspace; none outside it. */
export function useLedgerLayers(_h: MapHandles | null): Layer[] {
  return NONE
}
