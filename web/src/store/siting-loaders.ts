// The side effects of station siting: the analysis, the longer coverage curve, and camera moves to
// what the analyst picks in the list. State changes go through the slice's pure transitions.
import { bbox } from '@turf/turf'
import * as api from '../api/endpoints.ts'
import type { SitingRequest } from '../api/siting-types.ts'
import type { Bbox } from '../api/types.ts'
import { nextFocus } from './area-slice.ts'
import { dataOf } from './async.ts'
import { useStore } from './index.ts'
import { analysisAreaOf } from './joint-area.ts'
import { abortLoad, load } from './loaders.ts'
import { byIdOf } from './selectors.ts'
import { extensionOf } from './siting-curve.ts'
import { parseSitingForm } from './siting-form.ts'
import { circleBox, reachM } from './siting-geometry.ts'
import { runCancelled, runSettled, runStarted, selectSite } from './siting-slice.ts'

const RUN_SLOT = 'siting'
const CURVE_SLOT = 'siting-curve'

/** Runs the analysis with the form's inputs; a newer run cancels an older one still on its way. */
export async function runSitingAnalysis(): Promise<void> {
  const s = useStore.getState()
  const area = analysisAreaOf(s.sitingScope, s)
  if (!area) return
  const parsed = parseSitingForm(s.sitingForm, area.id, s.sitingPoints)
  // The panel shows these beside the inputs and keeps Run disabled; nothing to send.
  if (!parsed.ok) return
  const previous = dataOf(s.sitingRun)
  abortLoad(CURVE_SLOT)
  useStore.setState((st) => runStarted(st, Date.now()))
  await load(
    RUN_SLOT,
    JSON.stringify(parsed.request),
    { get: (st) => st.sitingRun, put: (_, sitingRun) => ({ sitingRun }) },
    (signal) => api.runSiting(parsed.request, signal),
  )
  useStore.setState((st) => runSettled(st, previous))
}

/** Stops waiting for the run on its way and shows the previous result again. */
export function cancelSitingAnalysis(): void {
  abortLoad(RUN_SLOT)
  useStore.setState(runCancelled)
}

/**
 * Asks for the coverage curve of the current result's inputs up to more stations, with the fast
 * heuristic: the curve is greedy whatever the model, so max-cover with a larger k yields it.
 */
export async function extendSitingCurve(): Promise<void> {
  const result = dataOf(useStore.getState().sitingRun)
  const k = result ? extensionOf(result) : null
  if (!result || k === null) return
  const request: SitingRequest = {
    ...result.params,
    model: 'max-cover',
    k,
    method: 'heuristic',
    // Left out of the JSON: a set-cover target means nothing to max-cover.
    targetShare: undefined,
  }
  await load(
    CURVE_SLOT,
    JSON.stringify(request),
    { get: (st) => st.sitingCurve, put: (_, sitingCurve) => ({ sitingCurve }) },
    (signal) => api.runSiting(request, signal).then((r) => r.curve),
  )
}

/** Puts a chosen site in focus and frames its service circle and catchment on the map. */
export function focusSite(index: number): void {
  useStore.setState((s) => selectSite(s, index))
  const s = useStore.getState()
  const result = dataOf(s.sitingRun)
  const site = result?.chosen[index]
  if (!result || !site) return
  const byId = byIdOf(dataOf(s.compounds)?.features ?? [])
  const members = site.catchment.compoundIds.flatMap((id) => byId.get(id) ?? [])
  const features = [circleBox(site.location, reachM(result.params)), ...members]
  const box = bbox({ type: 'FeatureCollection', features }).slice(0, 4) as Bbox
  useStore.setState((st) => ({ focus: nextFocus(st.focus, box) }))
}
