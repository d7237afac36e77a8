// What has failed right now, derived from the store; the error banner shows each with a retry.
import type { MessageKey } from '../../i18n/messages.ts'
import type { Async } from '../../store/async.ts'
import type { AppState } from '../../store/index.ts'
import { isFieldFailure } from '../../store/joint-form.ts'
import { isSitingFieldFailure } from '../../store/siting-errors.ts'

export type FailureSource =
  | { kind: 'compounds' }
  | { kind: 'hierarchy' }
  | { kind: 'stats'; areaId: string | null }
  | { kind: 'area'; areaId: string }
  | { kind: 'detail'; compoundId: number }
  | { kind: 'boundaries'; level: 'district' | 'street' | 'community' }
  | { kind: 'options'; key: string }
  | { kind: 'map' }
  | { kind: 'joint' }
  | { kind: 'siting' }
  | { kind: 'sitingCurve' }

export interface Failure {
  id: string
  title: MessageKey
  error: unknown
  source: FailureSource
}

const failed = <T>(a: Async<T>): a is Extract<Async<T>, { status: 'error' }> => a.status === 'error'

/** The parts of the state that can fail; each keeps its identity until it changes. */
export type FailureInputs = Pick<
  AppState,
  | 'mapError'
  | 'compounds'
  | 'stats'
  | 'area'
  | 'detail'
  | 'boundaries'
  | 'hierarchy'
  | 'areaOptions'
  | 'jointRun'
  | 'sitingRun'
  | 'sitingCurve'
>

export const failureInputs = (s: AppState): FailureInputs => ({
  mapError: s.mapError,
  compounds: s.compounds,
  stats: s.stats,
  area: s.area,
  detail: s.detail,
  boundaries: s.boundaries,
  hierarchy: s.hierarchy,
  areaOptions: s.areaOptions,
  jointRun: s.jointRun,
  sitingRun: s.sitingRun,
  sitingCurve: s.sitingCurve,
})

/** Every failure in the state, most important first (the map's data before its decorations). */
export function collectFailures(s: FailureInputs): Failure[] {
  const out: Failure[] = []
  if (s.mapError)
    out.push({ id: 'map', title: 'errorMap', error: s.mapError, source: { kind: 'map' } })
  if (failed(s.compounds))
    out.push({
      id: 'compounds',
      title: 'errorCompounds',
      error: s.compounds.error,
      source: { kind: 'compounds' },
    })
  if (failed(s.stats)) {
    const areaId = s.stats.key === 'city' ? null : s.stats.key
    out.push({
      id: 'stats',
      title: 'errorStats',
      error: s.stats.error,
      source: { kind: 'stats', areaId },
    })
  }
  if (failed(s.area))
    out.push({
      id: 'area',
      title: 'errorArea',
      error: s.area.error,
      source: { kind: 'area', areaId: s.area.key },
    })
  if (failed(s.detail)) {
    const compoundId = Number(s.detail.key)
    out.push({
      id: 'detail',
      title: 'errorCompound',
      error: s.detail.error,
      source: { kind: 'detail', compoundId },
    })
  }
  for (const level of ['district', 'street', 'community'] as const) {
    const b = s.boundaries[level]
    if (failed(b))
      out.push({
        id: `boundaries:${level}`,
        title: 'errorBoundaries',
        error: b.error,
        source: { kind: 'boundaries', level },
      })
  }
  if (failed(s.hierarchy))
    out.push({
      id: 'hierarchy',
      title: 'errorAreaList',
      error: s.hierarchy.error,
      source: { kind: 'hierarchy' },
    })
  for (const [key, a] of Object.entries(s.areaOptions)) {
    if (failed(a))
      out.push({
        id: `options:${key}`,
        title: 'errorAreaList',
        error: a.error,
        source: { kind: 'options', key },
      })
  }
  // A refused rule is explained beside its input in the planning panel, not here.
  if (failed(s.jointRun) && !isFieldFailure(s.jointRun.error))
    out.push({
      id: 'joint',
      title: 'errorJoint',
      error: s.jointRun.error,
      source: { kind: 'joint' },
    })
  if (failed(s.sitingRun) && !isSitingFieldFailure(s.sitingRun.error))
    out.push({
      id: 'siting',
      title: 'errorSiting',
      error: s.sitingRun.error,
      source: { kind: 'siting' },
    })
  if (failed(s.sitingCurve))
    out.push({
      id: 'sitingCurve',
      title: 'errorSitingCurve',
      error: s.sitingCurve.error,
      source: { kind: 'sitingCurve' },
    })
  return out
}
