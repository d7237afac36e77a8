// Map data of the plans workspace, derived from the plan and memoised on the identity of its
// inputs: a brush stroke rebuilds the branch features once, at commit, not on every pointer move.
import { booleanPointInPolygon } from '@turf/turf'
import type { Feature, Polygon } from 'geojson'
import type { PlanBranch, PlanComparison, PlanCompound } from '../api/plans-types.ts'
import type { CompoundFeature } from '../api/types.ts'
import type { PlanCompoundFeature } from '../layers/plan-branches-layer.ts'
import type { BoundaryFeature } from '../layers/plan-boundaries-layer.ts'
import type { CompareFeature } from '../layers/plan-compare-layer.ts'
import { buildHitIndex, type HitIndex, type Stroke } from './plans-stroke.ts'
import { memoLast } from './selectors.ts'

type ById = ReadonlyMap<number, CompoundFeature>

/** One feature per compound held by a branch, carrying its branch's position and activity. */
export const branchFeaturesOf = memoLast(
  (branches: PlanBranch[], byId: ById, active: string | null): PlanCompoundFeature[] => {
    const out: PlanCompoundFeature[] = []
    branches.forEach((b, index) => {
      const isActive = b.key === active
      for (const id of b.compoundIds) {
        const f = byId.get(id)
        if (f)
          out.push({
            type: 'Feature',
            geometry: f.geometry,
            properties: { id, index, active: isActive },
          })
      }
    })
    return out
  },
)

const featuresOf = (ids: readonly number[], byId: ById): CompoundFeature[] => {
  const out: CompoundFeature[] = []
  for (const id of ids) {
    const f = byId.get(id)
    if (f) out.push(f)
  }
  return out
}

export const strokeFeaturesOf = memoLast((stroke: Stroke | null, byId: ById) =>
  stroke ? featuresOf(stroke.ids, byId) : [],
)

export const leftoverFeaturesOf = memoLast((leftovers: PlanCompound[], byId: ById) =>
  featuresOf(
    leftovers.map((c) => c.id),
    byId,
  ),
)

export const boundaryFeaturesOf = memoLast(
  (branches: PlanBranch[], active: string | null): BoundaryFeature[] =>
    branches.flatMap((b, index) =>
      b.boundary
        ? [
            {
              type: 'Feature',
              geometry: b.boundary,
              properties: { index, active: b.key === active },
            } satisfies Feature<Polygon, BoundaryFeature['properties']>,
          ]
        : [],
    ),
)

/** The compounds of compared branches: this plan's side for branches it has, else the other's. */
export const compareFeaturesOf = memoLast(
  (comparison: PlanComparison | undefined, byId: ById): CompareFeature[] => {
    if (!comparison) return []
    const out: CompareFeature[] = []
    for (const row of comparison.branches) {
      const branch = row.a ?? row.b
      if (!branch) continue
      for (const f of featuresOf(branch.compoundIds, byId))
        out.push({ type: 'Feature', geometry: f.geometry, properties: { status: row.status } })
    }
    return out
  },
)

/** The brush's hit index over the plan area's compounds that no live branch covers (adoption
 * refuses those, so the brush never reaches them). */
export const hitIndexOf = memoLast((compounds: PlanCompound[], byId: ById): HitIndex => {
  const sources = []
  for (const c of compounds) {
    const f = c.orgId === null ? byId.get(c.id) : undefined
    if (f) sources.push({ id: c.id, geometry: f.geometry })
  }
  return buildHitIndex(sources, compounds[0] ? [compounds[0].lng, compounds[0].lat] : undefined)
})

/** Compounds whose inside point lies in `polygon` (lasso and free boundaries), in context order. */
export function compoundsInside(compounds: readonly PlanCompound[], polygon: Polygon): number[] {
  return compounds.filter((c) => booleanPointInPolygon([c.lng, c.lat], polygon)).map((c) => c.id)
}
