// The side effects of joint-branch planning: the analysis request and camera moves to what the
// planner picks in the lists. State changes go through the slice's pure transitions.
import { bbox } from '@turf/turf'
import * as api from '../api/endpoints.ts'
import type { Bbox } from '../api/types.ts'
import { nextFocus } from './area-slice.ts'
import { dataOf } from './async.ts'
import { useStore } from './index.ts'
import { jointAreaOf } from './joint-area.ts'
import { runSettled, selectCandidate } from './joint-branches-slice.ts'
import { parseForm } from './joint-form.ts'
import { load, selectCompound } from './loaders.ts'
import { byIdOf } from './selectors.ts'

const bboxOf = (geojson: Parameters<typeof bbox>[0]): Bbox => bbox(geojson).slice(0, 4) as Bbox

/** Runs the analysis with the form's rules; a newer run cancels an older one still on its way. */
export async function runJointAnalysis(): Promise<void> {
  const s = useStore.getState()
  const area = jointAreaOf(s)
  if (!area) return
  const parsed = parseForm(s.jointForm, area.id)
  // The panel shows these beside the inputs and keeps Run disabled; nothing to send.
  if (!parsed.ok) return
  const previous = dataOf(s.jointRun)
  await load(
    'joint',
    JSON.stringify(parsed.request),
    { get: (st) => st.jointRun, put: (_, jointRun) => ({ jointRun }) },
    (signal) => api.runJointBranches(parsed.request, signal),
  )
  useStore.setState((st) => runSettled(st, previous))
}

/** Puts a candidate in focus and frames it on the map. */
export function focusCandidate(index: number): void {
  useStore.setState((s) => selectCandidate(s, index))
  const candidate = dataOf(useStore.getState().jointRun)?.candidates[index]
  if (!candidate) return
  useStore.setState((s) => ({ focus: nextFocus(s.focus, bboxOf(candidate.outline)) }))
}

/** Opens a leftover compound's ledger and frames it on the map. */
export function focusCompound(id: number): void {
  void selectCompound(id)
  const features = dataOf(useStore.getState().compounds)?.features
  const feature = features ? byIdOf(features).get(id) : undefined
  if (!feature) return
  useStore.setState((s) => ({ focus: nextFocus(s.focus, bboxOf(feature)) }))
}
