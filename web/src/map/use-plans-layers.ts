// The plans workspace's deck.gl layers, drawn above the compounds, and its map tools (brush,
// lasso, boundary). Outside the workspace or with no plan open it draws nothing.
import { useEffect, useMemo } from 'react'
import type { Layer } from '@deck.gl/core'
import { planBoundariesLayer } from '../layers/plan-boundaries-layer.ts'
import { planBranchesLayer } from '../layers/plan-branches-layer.ts'
import { planCompareLayer } from '../layers/plan-compare-layer.ts'
import { planLeftoversLayer } from '../layers/plan-leftovers-layer.ts'
import { branchColor } from '../layers/plan-palette.ts'
import { planStrokeLayer } from '../layers/plan-stroke-layer.ts'
import { dataOf } from '../store/async.ts'
import { useStore } from '../store/index.ts'
import { leftoversOf } from '../store/plans-checks.ts'
import { currentRules } from '../store/plans-loaders.ts'
import {
  boundaryFeaturesOf,
  branchFeaturesOf,
  compareFeaturesOf,
  leftoverFeaturesOf,
  strokeFeaturesOf,
} from '../store/plans-map.ts'
import { byIdOf, useFeatures } from '../store/selectors.ts'
import type { MapHandles } from './create-map.ts'
import { usePlansBrush } from './use-plans-brush.ts'
import { usePlansDraw } from './use-plans-draw.ts'

const NONE: Layer[] = []
const NO_BRANCHES: never[] = []

/** deck layers of the plans workspace; none outside it. */
export function usePlansLayers(h: MapHandles | null): Layer[] {
  const shown = useStore((s) => s.view === 'plans' && s.planHistory !== null)
  const editable = useStore((s) => s.planServer?.status === 'draft')
  const tool = useStore((s) => s.planTool)
  const active = useStore((s) => s.planActive)
  const branches = useStore((s) => s.planHistory?.present.branches ?? NO_BRANCHES)
  const stroke = useStore((s) => s.planStroke)
  const focused = useStore((s) => s.planLeftover)
  const comparison = useStore((s) => (s.planCompare ? dataOf(s.planCompare.result) : undefined))
  const rc = useStore((s) => currentRules(s))
  const byId = byIdOf(useFeatures())
  const editing = shown && editable
  usePlansBrush(h, editing && (tool === 'brush' || tool === 'erase'))
  usePlansDraw(h, editing && (tool === 'lasso' || tool === 'boundary') ? tool : null, active)

  const drawn = shown ? branchFeaturesOf(branches, byId, active) : NO_BRANCHES
  useEffect(() => {
    // deck reports drawn features only for a visible layer; with none shown, none are drawn.
    if (h && drawn.length === 0) h.clearDrawn('planCompoundsDrawn')
  }, [h, drawn.length])
  const leftovers = useMemo(
    () =>
      shown && rc
        ? leftoverFeaturesOf(leftoversOf(rc, { name: '', branches, stations: [] }), byId)
        : [],
    [shown, rc, branches, byId],
  )
  const activeIndex = branches.findIndex((b) => b.key === active)
  return useMemo(() => {
    if (!shown) return NONE
    const compared = compareFeaturesOf(comparison, byId)
    return [
      planLeftoversLayer({ data: leftovers, focused }),
      ...(compared.length > 0
        ? [planCompareLayer(compared)]
        : [planBranchesLayer({ data: drawn, visible: drawn.length > 0 })]),
      planBoundariesLayer(boundaryFeaturesOf(branches, active)),
      planStrokeLayer({
        data: strokeFeaturesOf(stroke, byId),
        color:
          stroke?.mode === 'remove'
            ? null
            : branchColor(activeIndex < 0 ? branches.length : activeIndex),
      }),
    ]
  }, [shown, leftovers, focused, comparison, byId, drawn, branches, active, stroke, activeIndex])
}
