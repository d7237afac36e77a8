// An edit form's model, pure: what the inputs hold (text exactly as typed, so nothing is lost on a
// refusal), what a save sends (only changed fields, parsed), errors by field from the shared zod
// schema or the server's 400, and the rows of the review dialog after a 409.
import type { z } from 'zod'

export type FieldKind = 'text' | 'int' | 'number' | 'bool' | 'enum' | 'multi' | 'date'

export interface FieldSpec {
  name: string
  kind: FieldKind
  /** Required fields send '' (the schema answers 必填) instead of null when emptied. */
  required?: boolean
  /** Choices of enum and multi fields, by value. */
  options?: readonly string[]
}

/** What the inputs hold: text as typed, or the checked values of a multi field. */
export type FormValues = Record<string, string | string[]>
export type Values = Record<string, unknown>
export type FieldErrors = Record<string, string>

/** A record's values as the inputs show them. */
export function toForm(spec: readonly FieldSpec[], values: Values): FormValues {
  const form: FormValues = {}
  for (const f of spec) {
    const v = values[f.name]
    if (f.kind === 'multi') form[f.name] = Array.isArray(v) ? v.map(String) : []
    else if (v === null || v === undefined) form[f.name] = ''
    else form[f.name] = String(v)
  }
  return form
}

/** One input's text as the value a save sends; text that is not a number stays text, for the schema to refuse. */
export function parseField(f: FieldSpec, raw: string | string[]): unknown {
  if (f.kind === 'multi') return Array.isArray(raw) ? raw : []
  const s = String(raw).normalize('NFKC').trim()
  if (s === '') return f.required ? '' : null
  switch (f.kind) {
    case 'int':
    case 'number': {
      const n = Number(s.replace(/,/g, ''))
      return /^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?$/i.test(s) && Number.isFinite(n) ? n : s
    }
    case 'bool':
      return s === 'true' ? true : s === 'false' ? false : s
    default:
      return f.kind === 'text' ? String(raw).trim() : s
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The fields whose parsed value differs from the record the form was loaded from. */
export function changesOf(spec: readonly FieldSpec[], form: FormValues, original: Values): Values {
  const changes: Values = {}
  for (const f of spec) {
    const v = parseField(f, form[f.name] ?? '')
    if (!same(v, original[f.name])) changes[f.name] = v
  }
  return changes
}

/** The schema's first message per field, keyed by field name. */
export function validate(schema: z.ZodType, changes: Values): FieldErrors {
  const r = schema.safeParse(changes)
  if (r.success) return {}
  const errors: FieldErrors = {}
  for (const i of r.error.issues) {
    const key = String(i.path[0] ?? '')
    if (key && !(key in errors)) errors[key] = i.message
  }
  return errors
}

/** The field messages of a server 400 (`details.issues`, fields as `changes.x` or `x`). */
export function serverFieldErrors(details: unknown): FieldErrors {
  const issues = (details as { issues?: unknown } | null)?.issues
  if (!Array.isArray(issues)) return {}
  const errors: FieldErrors = {}
  for (const i of issues as { field?: unknown; message?: unknown }[]) {
    if (typeof i.field !== 'string' || typeof i.message !== 'string') continue
    const key = i.field.replace(/^changes\./, '').split('.')[0]!
    if (!(key in errors)) errors[key] = i.message
  }
  return errors
}

export interface ConflictRow {
  field: string
  mine: unknown
  theirs: unknown
  original: unknown
  /** I changed it and so did they, to something else. */
  clash: boolean
}

/** Every field I changed or they changed since I loaded the form, for the review dialog. */
export function conflictRows(
  spec: readonly FieldSpec[],
  mine: Values,
  original: Values,
  theirs: Values,
): ConflictRow[] {
  const rows: ConflictRow[] = []
  for (const f of spec) {
    const changedByMe = f.name in mine
    const changedByThem = !same(theirs[f.name], original[f.name])
    if (!changedByMe && !changedByThem) continue
    const m = changedByMe ? mine[f.name] : original[f.name]
    rows.push({
      field: f.name,
      mine: m,
      theirs: theirs[f.name] ?? null,
      original: original[f.name] ?? null,
      clash: changedByMe && changedByThem && !same(m, theirs[f.name]),
    })
  }
  return rows
}

/** The form after "re-apply mine on theirs": their record with my changed fields on top. */
export const reapply = (spec: readonly FieldSpec[], mine: Values, theirs: Values): FormValues =>
  toForm(spec, { ...theirs, ...mine })
