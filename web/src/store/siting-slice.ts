// Station siting (服务站选址): the input form, the analyst's candidate points on the map, the last
// analysis, the site in focus and the longer coverage curve. Every change goes through a pure
// transition below (tested without a store); the requests live in siting-loaders.ts.
import type { StateCreator } from 'zustand'
import type { CurvePoint, SitingResult } from '../api/siting-types.ts'
import type { LngLat } from '../api/types.ts'
import { dataOf, idle, type Async } from './async.ts'
import type { AreaScope } from './joint-area.ts'
import { sitingFieldErrorsFromApi } from './siting-errors.ts'
import {
  INITIAL_SITING_FORM,
  TEXT_FIELD_TARGET,
  type ChoiceField,
  type ChoiceValue,
  type FlagField,
  type SitingField,
  type SitingFieldErrors,
  type SitingForm,
  type TextField,
} from './siting-form.ts'
import type { AppState } from './index.ts'

export interface SitingState {
  sitingOpen: boolean
  sitingScope: AreaScope
  sitingForm: SitingForm
  /** Candidate sites the analyst placed on the map, in the order placed (P1, P2, …). */
  sitingPoints: LngLat[]
  /** Map clicks add or remove candidate points instead of opening a compound's ledger. */
  sitingPlacing: boolean
  /** The server's objections to the last run, cleared field by field as the analyst edits. */
  sitingFieldErrors: SitingFieldErrors
  sitingRun: Async<SitingResult>
  /** When the run on its way started (ms since the epoch), for the elapsed time; else null. */
  sitingStartedAt: number | null
  /** Index of the chosen site in focus in the current result. */
  sitingSelected: number | null
  /** The coverage curve of the current result's inputs, asked for beyond its k. */
  sitingCurve: Async<CurvePoint[]>
}

export interface SitingSlice extends SitingState {
  setSitingOpen: (open: boolean) => void
  setSitingScope: (scope: AreaScope) => void
  editSitingText: (field: TextField, text: string) => void
  setSitingChoice: <F extends ChoiceField>(field: F, value: ChoiceValue<F>) => void
  setSitingFlag: (field: FlagField, on: boolean) => void
  resetSitingForm: () => void
  setSitingPlacing: (on: boolean) => void
  clearSitingPoints: () => void
}

type Change = Partial<SitingState>

const without = (errors: SitingFieldErrors, ...fields: SitingField[]): SitingFieldErrors => {
  if (!fields.some((f) => f in errors)) return errors
  const next = { ...errors }
  for (const f of fields) delete next[f]
  return next
}

/** Objections a choice makes moot: the model decides between k and target, filters the demand. */
const CHOICE_CLEARS: Record<ChoiceField, SitingField[]> = {
  model: ['model', 'k', 'targetShare'],
  serviceM: ['serviceM', 'area'],
  weight: ['weight', 'area'],
  candidates: ['candidates', 'points', 'k'],
  method: ['method'],
}

const FLAG_CLEARS: Record<FlagField, SitingField[]> = {
  oldOnly: ['oldOnly', 'area'],
  onlyFailing: ['onlyFailing', 'area'],
  capacityOn: ['capacityHouseholds'],
}

/** Opens or closes the panel; only one planning panel is open at a time. */
export const openPanel = (open: boolean): Partial<AppState> =>
  open ? { sitingOpen: true, jointOpen: false } : { sitingOpen: false, sitingPlacing: false }

/** A number typed into an input. */
export const editText = (s: SitingState, field: TextField, text: string): Change => ({
  sitingForm: { ...s.sitingForm, [field]: text },
  sitingFieldErrors: without(s.sitingFieldErrors, TEXT_FIELD_TARGET[field]),
})

/** A choice from a list (model, distance, weight, candidate source, method). */
export const setChoice = <F extends ChoiceField>(
  s: SitingState,
  field: F,
  value: ChoiceValue<F>,
): Change => ({
  sitingForm: { ...s.sitingForm, [field]: value },
  sitingFieldErrors: without(s.sitingFieldErrors, ...CHOICE_CLEARS[field]),
  // Placing points for a source that ignores them would be a trap.
  ...(field === 'candidates' && value === 'compounds' ? { sitingPlacing: false } : {}),
})

/** A yes/no input ticked or cleared. */
export const setFlag = (s: SitingState, field: FlagField, on: boolean): Change => ({
  sitingForm: { ...s.sitingForm, [field]: on },
  sitingFieldErrors: without(s.sitingFieldErrors, ...FLAG_CLEARS[field]),
})

export const setScope = (s: SitingState, scope: AreaScope): Change => ({
  sitingScope: scope,
  sitingFieldErrors: without(s.sitingFieldErrors, 'area'),
})

export const resetForm = (): Change => ({
  sitingForm: INITIAL_SITING_FORM,
  sitingFieldErrors: {},
  sitingPlacing: false,
})

/**
 * Starts or stops placing points. Starting while only compounds are candidates switches the
 * source to both: whoever places a site means it to be considered.
 */
export function setPlacing(s: SitingState, on: boolean): Change {
  if (!on) return { sitingPlacing: false }
  const form = s.sitingForm
  return form.candidates === 'compounds'
    ? {
        sitingPlacing: true,
        sitingForm: { ...form, candidates: 'both' },
        sitingFieldErrors: without(s.sitingFieldErrors, 'candidates', 'points'),
      }
    : { sitingPlacing: true }
}

/** A click while placing: removes the point `hit` (an index) or adds one at `at`. */
export function togglePoint(s: SitingState, at: LngLat, hit: number | null): Change {
  const points =
    hit !== null && hit >= 0 && hit < s.sitingPoints.length
      ? s.sitingPoints.filter((_, i) => i !== hit)
      : [...s.sitingPoints, at]
  return { sitingPoints: points, sitingFieldErrors: without(s.sitingFieldErrors, 'points') }
}

export const clearPoints = (s: SitingState): Change => ({
  sitingPoints: [],
  sitingFieldErrors: without(s.sitingFieldErrors, 'points'),
})

/**
 * A run leaves for the server at `now` (ms). A longer curve still on its way is dropped with it
 * (siting-loaders.ts aborts it), so its button does not wait for an answer that never comes.
 */
export const runStarted = (s: SitingState, now: number): Change =>
  s.sitingCurve.status === 'loading'
    ? { sitingStartedAt: now, sitingCurve: idle() }
    : { sitingStartedAt: now }

/**
 * After a run settles: a new result starts with no site in focus and no longer curve; a 400 puts
 * the server's objections beside the inputs. A run dropped for a newer one changes nothing.
 */
export function runSettled(s: SitingState, previous: SitingResult | undefined): Change {
  if (s.sitingRun.status === 'error')
    return {
      sitingFieldErrors: sitingFieldErrorsFromApi(s.sitingRun.error).fields,
      sitingStartedAt: null,
    }
  if (s.sitingRun.status !== 'ready') return {}
  if (s.sitingRun.data === previous) return { sitingStartedAt: null }
  return {
    sitingSelected: null,
    sitingFieldErrors: {},
    sitingCurve: idle(),
    sitingStartedAt: null,
  }
}

/** The analyst gave up waiting: the previous result (if any) is shown again. */
export function runCancelled(s: SitingState): Change {
  if (s.sitingRun.status !== 'loading') return {}
  const data = s.sitingRun.data
  return {
    sitingRun: data === undefined ? idle() : { status: 'ready', key: 'cancelled', data },
    sitingStartedAt: null,
  }
}

/** Focus on a chosen site of the current result (null: none); out-of-range indices clear it. */
export function selectSite(s: SitingState, index: number | null): Change {
  const count = dataOf(s.sitingRun)?.chosen.length ?? 0
  return { sitingSelected: index !== null && index >= 0 && index < count ? index : null }
}

export const initialSitingState = (): SitingState => ({
  sitingOpen: false,
  sitingScope: 'picked',
  sitingForm: INITIAL_SITING_FORM,
  sitingPoints: [],
  sitingPlacing: false,
  sitingFieldErrors: {},
  sitingRun: idle(),
  sitingStartedAt: null,
  sitingSelected: null,
  sitingCurve: idle(),
})

export const createSitingSlice: StateCreator<AppState, [], [], SitingSlice> = (set) => ({
  ...initialSitingState(),
  setSitingOpen: (open) => set(openPanel(open)),
  setSitingScope: (scope) => set((s) => setScope(s, scope)),
  editSitingText: (field, text) => set((s) => editText(s, field, text)),
  setSitingChoice: (field, value) => set((s) => setChoice(s, field, value)),
  setSitingFlag: (field, on) => set((s) => setFlag(s, field, on)),
  resetSitingForm: () => set(resetForm()),
  setSitingPlacing: (on) => set((s) => setPlacing(s, on)),
  clearSitingPoints: () => set(clearPoints),
})
