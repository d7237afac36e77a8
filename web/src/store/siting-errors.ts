// The siting API's 400 answers turned into objections beside the panel's inputs. The server speaks
// in three ways: zod's `details.issues` (range checks), `details.field` (the solver's own checks,
// when they survive the worker), and a message that starts with the field's name
// ("k: required for model max-cover", "k is 5, larger than the number of candidates (1)").
import { ApiError } from '../api/client.ts'
import { SITING_FIELDS, type SitingField, type SitingFieldErrors } from './siting-form.ts'

interface Issue {
  field: string
  message: string
}

/** Names the solver uses for what the panel calls otherwise: the demand comes from the area. */
const ALIASES: Record<string, SitingField> = { demand: 'area' }

const KNOWN: ReadonlySet<string> = new Set(SITING_FIELDS)

/** The panel input a server field path (`points.3.0`, `candidates[2].capacity`) belongs to. */
export function inputOf(path: string): SitingField | null {
  const top = path.split(/[.[]/)[0] ?? ''
  if (top in ALIASES) return ALIASES[top]!
  return KNOWN.has(top) ? (top as SitingField) : null
}

const isIssue = (i: unknown): i is Issue =>
  typeof i === 'object' &&
  i !== null &&
  typeof (i as Issue).field === 'string' &&
  typeof (i as Issue).message === 'string'

/** "k: required…" or "k is 5, …" → the field and the rest; null when it names no known input. */
function issueFromMessage(message: string): Issue | null {
  const m = /^([A-Za-z][\w.[\]]*)(?::\s*|\s+)([\s\S]*)$/.exec(message)
  if (!m || inputOf(m[1]!) === null) return null
  return { field: m[1]!, message: m[2]! }
}

/** The issues of a 400 answer, however the server phrased them; empty for any other failure. */
export function issuesOfError(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || error.status !== 400) return []
  const details = error.details as { issues?: unknown; field?: unknown } | null | undefined
  if (Array.isArray(details?.issues)) return details.issues.filter(isIssue)
  if (typeof details?.field === 'string') return [{ field: details.field, message: error.message }]
  const parsed = issueFromMessage(error.message)
  return parsed ? [parsed] : []
}

export interface SitingApiErrors {
  /** Issues that name an input of the panel, shown beside it. */
  fields: SitingFieldErrors
  /** Issues about anything else, as the server worded them. */
  other: string[]
}

/** The inputs a 400 answer blames. */
export function sitingFieldErrorsFromApi(error: unknown): SitingApiErrors {
  const out: SitingApiErrors = { fields: {}, other: [] }
  for (const issue of issuesOfError(error)) {
    const field = inputOf(issue.field)
    if (field) out.fields[field] ??= { kind: 'invalid', message: issue.message }
    else out.other.push(`${issue.field}: ${issue.message}`)
  }
  return out
}

/** True when a failure is fully explained beside the inputs, so the error banner need not show it. */
export const isSitingFieldFailure = (error: unknown): boolean => {
  const { fields, other } = sitingFieldErrorsFromApi(error)
  return Object.keys(fields).length > 0 && other.length === 0
}
