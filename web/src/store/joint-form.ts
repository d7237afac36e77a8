// The rule form of joint-branch planning: what the planner typed, turned into a request, and the
// server's 400 answer turned back into messages beside the inputs. Ranges are the server's to
// enforce (one authority); the web only refuses what cannot be sent at all (not a number).
import { ApiError } from '../api/client.ts'
import type { JointRequest } from '../api/joint-types.ts'

export const NUMBER_FIELDS = [
  'minMembers',
  'maxCompounds',
  'maxMembers',
  'radiusM',
  'gapM',
] as const
export type NumberField = (typeof NUMBER_FIELDS)[number]

/** Rules a planner may switch off; the request then carries null. */
export const SWITCHABLE_FIELDS = ['maxCompounds', 'maxMembers', 'radiusM'] as const
export type SwitchableField = (typeof SWITCHABLE_FIELDS)[number]

export const FLAG_FIELDS = ['sameCommunity', 'oldOnly'] as const
export type FlagField = (typeof FLAG_FIELDS)[number]

/** Every input of the panel that a server issue can point at. */
export type FormField = 'area' | NumberField | FlagField
const FORM_FIELDS: ReadonlySet<string> = new Set(['area', ...NUMBER_FIELDS, ...FLAG_FIELDS])

export interface RuleForm {
  /** As typed, so a half-typed value is never rewritten under the planner's cursor. */
  values: Record<NumberField, string>
  enabled: Record<SwitchableField, boolean>
  flags: Record<FlagField, boolean>
}

/**
 * The DOMAIN.md defaults (floor 3, ceilings 5 compounds / 50 members, one community, 500 m, 30 m
 * gap). The server's settings table is the authority; it has no read endpoint yet, so the form
 * starts from the same published values and always sends what it shows.
 */
export const INITIAL_FORM: RuleForm = {
  values: { minMembers: '3', maxCompounds: '5', maxMembers: '50', radiusM: '500', gapM: '30' },
  enabled: { maxCompounds: true, maxMembers: true, radiusM: true },
  flags: { sameCommunity: true, oldOnly: true },
}

/** The server's accepted ranges, mirrored for input hints and for wording its 400 in Chinese. */
export const FIELD_LIMITS: Record<NumberField, { min: number; max: number; integer: boolean }> = {
  minMembers: { min: 1, max: 50, integer: true },
  maxCompounds: { min: 1, max: 50, integer: true },
  maxMembers: { min: 1, max: 1000, integer: true },
  radiusM: { min: 0, max: 10_000, integer: false },
  gapM: { min: 0, max: 500, integer: false },
}

/** Why a field cannot be used: not a number (found here), or refused by the server (`message`). */
export type FieldError = { kind: 'notNumber' } | { kind: 'invalid'; message: string }
export type FieldErrors = Partial<Record<FormField, FieldError>>

const isSwitchable = (f: NumberField): f is SwitchableField =>
  (SWITCHABLE_FIELDS as readonly string[]).includes(f)

/** A number typed in a field, or null when it is blank or not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : null
}

export type ParsedForm = { ok: true; request: JointRequest } | { ok: false; errors: FieldErrors }

/** The request for `areaId`, or the fields that are not numbers. Switched-off rules send null. */
export function parseForm(form: RuleForm, areaId: string): ParsedForm {
  const errors: FieldErrors = {}
  const numbers: Partial<Record<NumberField, number | null>> = {}
  for (const field of NUMBER_FIELDS) {
    if (isSwitchable(field) && !form.enabled[field]) {
      numbers[field] = null
      continue
    }
    const n = parseNumber(form.values[field])
    if (n === null) errors[field] = { kind: 'notNumber' }
    else numbers[field] = n
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    request: {
      area: areaId,
      minMembers: numbers.minMembers!,
      maxCompounds: numbers.maxCompounds!,
      maxMembers: numbers.maxMembers!,
      sameCommunity: form.flags.sameCommunity,
      radiusM: numbers.radiusM!,
      gapM: numbers.gapM!,
      oldOnly: form.flags.oldOnly,
    },
  }
}

interface Issue {
  field: string
  message: string
}

const issuesOf = (details: unknown): Issue[] => {
  const list = (details as { issues?: unknown } | null)?.issues
  if (!Array.isArray(list)) return []
  return list.filter(
    (i): i is Issue =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as Issue).field === 'string' &&
      typeof (i as Issue).message === 'string',
  )
}

export interface ApiFieldErrors {
  /** Issues that name an input of the form, shown beside it. */
  fields: FieldErrors
  /** Issues about anything else (e.g. `seed`), as the server worded them. */
  other: string[]
}

/** The inputs a 400 answer blames; empty for any other failure. */
export function fieldErrorsFromApi(error: unknown): ApiFieldErrors {
  const out: ApiFieldErrors = { fields: {}, other: [] }
  if (!(error instanceof ApiError) || error.status !== 400) return out
  for (const issue of issuesOf(error.details)) {
    // Nested paths (none today) are blamed on their top-level field.
    const field = issue.field.split('.')[0]!
    if (FORM_FIELDS.has(field)) {
      out.fields[field as FormField] ??= { kind: 'invalid', message: issue.message }
    } else out.other.push(`${issue.field}: ${issue.message}`)
  }
  return out
}

/** True when a failure is fully explained beside the inputs, so the error banner need not show it. */
export const isFieldFailure = (error: unknown): boolean => {
  const { fields, other } = fieldErrorsFromApi(error)
  return Object.keys(fields).length > 0 && other.length === 0
}
