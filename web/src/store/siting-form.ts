// The input form of station siting: what the analyst chose or typed, turned into a request. As in
// joint-form.ts, ranges are the server's to enforce (one authority); the web only refuses what
// cannot be sent at all (not a number).
import type { LngLat } from '../api/types.ts'
import type {
  SitingMethodChoice,
  SitingModel,
  SitingRequest,
  SitingSource,
  SitingWeight,
} from '../api/siting-types.ts'
import { parseNumber, type FieldError } from './joint-form.ts'

/** Walking distances of the GB 50180-2018 life circles (DOMAIN.md): 5, 10 and 15 minutes. */
export const SERVICE_DISTANCES = [300, 500, 1000] as const
export type ServiceDistance = (typeof SERVICE_DISTANCES)[number]

export interface SitingForm {
  model: SitingModel
  /** As typed, so a half-typed value is never rewritten under the analyst's cursor. */
  k: string
  /** Set covering's target, in percent of the demand weight. */
  targetPercent: string
  serviceM: ServiceDistance
  detourFactor: string
  weight: SitingWeight
  oldOnly: boolean
  onlyFailing: boolean
  candidates: SitingSource
  capacityOn: boolean
  capacity: string
  method: SitingMethodChoice
}

export type TextField = 'k' | 'targetPercent' | 'detourFactor' | 'capacity'
export type FlagField = 'oldOnly' | 'onlyFailing' | 'capacityOn'
export type ChoiceField = 'model' | 'serviceM' | 'weight' | 'candidates' | 'method'
export type ChoiceValue<F extends ChoiceField> = SitingForm[F]

/**
 * DOMAIN.md's default analysis: old compounds weighted by households, a station within 300 m walk,
 * detour 1.3. Capacity starts at 2,000 households when switched on: a 5-minute circle serves
 * 5–12k people, about 2–4k households.
 */
export const INITIAL_SITING_FORM: SitingForm = {
  model: 'max-cover',
  k: '10',
  targetPercent: '60',
  serviceM: 300,
  detourFactor: '1.3',
  weight: 'households',
  oldOnly: true,
  onlyFailing: false,
  candidates: 'compounds',
  capacityOn: false,
  capacity: '2000',
  method: 'auto',
}

/** Every input of the panel a server issue can point at, named as the request names it. */
export const SITING_FIELDS = [
  'area',
  'model',
  'k',
  'targetShare',
  'serviceM',
  'detourFactor',
  'weight',
  'oldOnly',
  'onlyFailing',
  'candidates',
  'points',
  'capacityHouseholds',
  'method',
] as const
export type SitingField = (typeof SITING_FIELDS)[number]
export type SitingFieldErrors = Partial<Record<SitingField, FieldError>>

/** The request field each typed input feeds, so editing it clears the server's objection. */
export const TEXT_FIELD_TARGET: Record<TextField, SitingField> = {
  k: 'k',
  targetPercent: 'targetShare',
  detourFactor: 'detourFactor',
  capacity: 'capacityHouseholds',
}

/** The server's accepted ranges, mirrored for input hints and for wording its 400 in Chinese. */
export const SITING_LIMITS = {
  k: { min: 1, max: 1000, integer: true },
  targetShare: { min: 0, max: 100, integer: false },
  detourFactor: { min: 1, max: 3, integer: false },
  capacityHouseholds: { min: 1, max: 1_000_000, integer: true },
} as const

/** Whether the model asks for a number of stations (k) or for a target share. */
export const usesK = (model: SitingModel): boolean => model !== 'set-cover'

/** Whether the candidate source includes the analyst's map points. */
export const usesPoints = (source: SitingSource): boolean => source !== 'compounds'

export type ParsedSiting =
  { ok: true; request: SitingRequest } | { ok: false; errors: SitingFieldErrors }

/** The request for `areaId`, or the inputs that are not numbers. Unused inputs are not sent. */
export function parseSitingForm(
  form: SitingForm,
  areaId: string,
  points: ReadonlyArray<LngLat>,
): ParsedSiting {
  const errors: SitingFieldErrors = {}
  const read = (text: string, field: SitingField): number | undefined => {
    const n = parseNumber(text)
    if (n === null) errors[field] = { kind: 'notNumber' }
    return n ?? undefined
  }
  const k = usesK(form.model) ? read(form.k, 'k') : undefined
  const percent = usesK(form.model) ? undefined : read(form.targetPercent, 'targetShare')
  const detourFactor = read(form.detourFactor, 'detourFactor')
  const capacity = form.capacityOn ? read(form.capacity, 'capacityHouseholds') : undefined
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const request: SitingRequest = {
    area: areaId,
    model: form.model,
    serviceM: form.serviceM,
    detourFactor,
    weight: form.weight,
    oldOnly: form.oldOnly,
    onlyFailing: form.onlyFailing,
    candidates: form.candidates,
    method: form.method,
  }
  if (k !== undefined) request.k = k
  // Rounded to the percent's own precision, so 33.3 % is not sent as 0.33299999999999996.
  if (percent !== undefined) request.targetShare = Math.round(percent * 1e4) / 1e6
  if (capacity !== undefined) request.capacityHouseholds = capacity
  // The server adds every point it is sent as a candidate, whatever the source says.
  if (usesPoints(form.candidates)) request.points = points.map(([lng, lat]) => [lng, lat])
  return { ok: true, request }
}
