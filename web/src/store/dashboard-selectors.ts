// Derived data of the dashboard's maps, shared by the map layers and the legend so both describe
// the same thing. Memoised on the identity of their inputs: binning runs once per data and
// resolution, so switching measure or layer reuses it.
import type { GapMeasure, Rollup, RollupRow, ScorecardCompound } from '../api/scorecard-types.ts'
import type { AreaCollection } from '../api/types.ts'
import { binHexes, hexBreaks, type HexBin } from '../layers/gap-hex.ts'
import { quantileBreaks, roundRate } from '../layers/gap-palette.ts'
import { dataOf } from './async.ts'
import { valueOf, type RateKey } from './dashboard-measures.ts'
import { useStore } from './index.ts'
import { memoLast } from './selectors.ts'
import type { BoundaryLevel } from './ui-slice.ts'

const NO_COMPOUNDS: ScorecardCompound[] = []

export interface HexModel {
  res: number
  bins: HexBin[]
  breaks: Record<GapMeasure, number[]>
}

// Bins per resolution for the current data, so zooming back and forth does not re-bin.
const hexCache = new WeakMap<readonly ScorecardCompound[], Map<number, HexModel>>()

/** Hexagons of `compounds` at `res` with every measure's class breaks. */
export function hexModelOf(compounds: readonly ScorecardCompound[], res: number): HexModel {
  let byRes = hexCache.get(compounds)
  if (!byRes) hexCache.set(compounds, (byRes = new Map()))
  let model = byRes.get(res)
  if (!model) {
    const bins = binHexes(compounds, res)
    model = { res, bins, breaks: hexBreaks(bins) }
    byRes.set(res, model)
  }
  return model
}

export function useScorecardCompounds(): readonly ScorecardCompound[] {
  return useStore((s) => dataOf(s.dashCompounds)) ?? NO_COMPOUNDS
}

export function useHexModel(): HexModel {
  const compounds = useScorecardCompounds()
  const res = useStore((s) => s.dashHexRes)
  return hexModelOf(compounds, res)
}

export interface ChoroplethModel {
  /** Level of the children: an area level, or 'compound' below a community. */
  level: RollupRow['level'] | null
  /** Boundaries of the child areas (null below a community or before they load). */
  features: AreaCollection | null
  values: Map<string, number>
  breaks: number[]
  key: string
  rows: RollupRow[]
}

const EMPTY_CHOROPLETH: ChoroplethModel = {
  level: null,
  features: null,
  values: new Map(),
  breaks: [],
  key: '',
  rows: [],
}

const childFeaturesOf = memoLast(
  (collection: AreaCollection | undefined, rollup: Rollup): AreaCollection | null => {
    if (!collection) return null
    const ids = new Set(rollup.children.map((c) => c.id))
    return { ...collection, features: collection.features.filter((f) => ids.has(f.properties.id)) }
  },
)

const valuesOf = memoLast((rollup: Rollup, rate: RateKey) => {
  const values = new Map<string, number>()
  for (const row of rollup.children) values.set(row.id, valueOf(row, rate))
  const breaks = quantileBreaks([...values.values()], 5, roundRate)
  return { values, breaks, key: `${rollup.area.id}:${rollup.weight}:${rate}:${breaks.join(',')}` }
})

const isBoundaryLevel = (l: string): l is BoundaryLevel =>
  l === 'district' || l === 'street' || l === 'community'

/** The choropleth of the rollup's children by `rate`. */
export function choroplethOf(
  rollup: Rollup | undefined,
  rate: RateKey,
  boundaries: Record<BoundaryLevel, AreaCollection | undefined>,
): ChoroplethModel {
  if (!rollup || rollup.children.length === 0) return EMPTY_CHOROPLETH
  const level = rollup.children[0]!.level
  const features = isBoundaryLevel(level) ? childFeaturesOf(boundaries[level], rollup) : null
  return { level, features, rows: rollup.children, ...valuesOf(rollup, rate) }
}

export function useChoropleth(): ChoroplethModel {
  const rollup = useStore((s) => dataOf(s.dashRollup))
  const rate = useStore((s) => s.dashRate)
  const district = useStore((s) => dataOf(s.boundaries.district))
  const street = useStore((s) => dataOf(s.boundaries.street))
  const community = useStore((s) => dataOf(s.boundaries.community))
  return choroplethOf(rollup, rate, { district, street, community })
}

const compoundsOfRows = memoLast(
  (compounds: readonly ScorecardCompound[], rollup: Rollup | undefined) => {
    if (!rollup || rollup.children[0]?.level !== 'compound') return NO_COMPOUNDS
    const ids = new Set(rollup.children.map((c) => Number(c.id)))
    return compounds.filter((c) => ids.has(c.id))
  },
)

/** A community's old compounds with their scorecards (empty above community level). */
export function useCommunityCompounds(): readonly ScorecardCompound[] {
  const compounds = useScorecardCompounds()
  const rollup = useStore((s) => dataOf(s.dashRollup))
  return compoundsOfRows(compounds, rollup)
}
