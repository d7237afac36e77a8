import { useId, useMemo, useState } from 'react'
import type { z } from 'zod'
import { ApiError } from '../../api/client.ts'
import type { Save } from '../../api/ledger-endpoints.ts'
import { CODE_NAMES } from '../../i18n/messages.ts'
import { describeError, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import {
  changesOf,
  conflictRows,
  reapply,
  serverFieldErrors,
  toForm,
  validate,
  type FieldErrors,
  type FormValues,
  type Values,
} from '../../store/ledger-form.ts'
import { ConflictDialog } from './ConflictDialog.tsx'
import { fieldLabel, valueLabel, type GroupedField } from './record-specs.ts'
import './record-form.css'

export interface RecordFormProps<R> {
  title: string
  testId: string
  fields: readonly GroupedField[]
  /** The record as loaded; null for a new one. */
  record: R | null
  version: (r: R) => number
  values: (r: R) => Values
  schema: z.ZodType
  labels?: 'org' | 'station'
  /** Saves: PATCH with the version (or POST for a new record); throws ApiError. */
  save: (body: Save) => Promise<R>
  onSaved: (r: R) => void
  onCancel: () => void
}

interface Conflict<R> {
  mine: Values
  theirs: R
}

/**
 * An edit form: checked on every save with the server's own schema, errors next to each field in
 * Chinese, the typed text kept on any refusal, and a review of both versions on a 409.
 */
export function RecordForm<R>(p: RecordFormProps<R>) {
  const { t, lang } = useT()
  const base = useId()
  const [loaded, setLoaded] = useState<R | null>(p.record)
  const original = useMemo(() => (loaded ? p.values(loaded) : {}), [loaded, p])
  const [form, setForm] = useState<FormValues>(() => toForm(p.fields, original))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState<Conflict<R> | null>(null)
  const label = (name: string) => fieldLabel(name, lang, p.labels)
  const shown = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—'
    if (Array.isArray(v)) return v.map((x) => shown(x)).join('、') || '—'
    if (typeof v === 'boolean') return v ? t('yes') : t('no')
    return valueLabel(String(v), lang, (x) => CODE_NAMES.en[x] ?? x)
  }

  const set = (name: string, v: string | string[]) => {
    setForm((f) => ({ ...f, [name]: v }))
    setErrors((e) => {
      if (!(name in e)) return e
      const rest = { ...e }
      delete rest[name]
      return rest
    })
  }

  async function submit(values: FormValues, base: R | null) {
    const baseValues = base ? p.values(base) : {}
    const changes = base ? changesOf(p.fields, values, baseValues) : changesOf(p.fields, values, {})
    const found = validate(p.schema, changes)
    setErrors(found)
    const n = Object.keys(found).length
    if (n > 0) {
      setMessage(interpolate(t('formHasErrors'), { n }))
      return
    }
    if (base && Object.keys(changes).length === 0) {
      setMessage(t('noChanges'))
      return
    }
    setBusy(true)
    setMessage(null)
    try {
      const saved = await p.save({ version: base ? p.version(base) : 0, changes })
      setLoaded(saved)
      setForm(toForm(p.fields, p.values(saved)))
      p.onSaved(saved)
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && base) {
        const current = (e.details as { current?: R } | null)?.current
        if (current) {
          setConflict({ mine: changes, theirs: current })
          return
        }
      }
      if (e instanceof ApiError && e.status === 400) {
        const byField = serverFieldErrors(e.details)
        setErrors(byField)
        if (Object.keys(byField).length > 0) {
          setMessage(interpolate(t('formHasErrors'), { n: Object.keys(byField).length }))
          return
        }
      }
      setMessage(describeError(e, lang))
    } finally {
      setBusy(false)
    }
  }

  const groups: (string | undefined)[] = []
  for (const f of p.fields) if (!groups.includes(f.group)) groups.push(f.group)

  return (
    <form
      className="record-form"
      data-testid={p.testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit(form, loaded)
      }}
    >
      <h3>{p.title}</h3>
      {groups.map((g) => (
        <fieldset key={g ?? 'all'} className="record-group">
          {g && <legend>{t(g as Parameters<typeof t>[0])}</legend>}
          {p.fields
            .filter((f) => f.group === g)
            .map((f) => {
              const id = `${base}-${f.name}`
              const err = errors[f.name]
              const errId = `${id}-error`
              const common = {
                id,
                name: f.name,
                'aria-invalid': err ? true : undefined,
                'aria-describedby': err ? errId : undefined,
              }
              const v = form[f.name] ?? ''
              let input
              if (f.kind === 'enum' || f.kind === 'bool') {
                const options = f.kind === 'bool' ? ['true', 'false'] : (f.options ?? [])
                input = (
                  <select
                    {...common}
                    value={String(v)}
                    onChange={(e) => set(f.name, e.target.value)}
                  >
                    <option value="">{f.required ? t('choose') : '—'}</option>
                    {options.map((o) => (
                      <option key={o} value={o}>
                        {o === 'true' ? t('yes') : o === 'false' ? t('no') : shown(o)}
                      </option>
                    ))}
                  </select>
                )
              } else if (f.kind === 'multi') {
                const checked = Array.isArray(v) ? v : []
                input = (
                  <span className="record-multi" role="group" aria-labelledby={`${id}-label`}>
                    {(f.options ?? []).map((o) => (
                      <label key={o}>
                        <input
                          type="checkbox"
                          checked={checked.includes(o)}
                          onChange={(e) =>
                            set(
                              f.name,
                              e.target.checked ? [...checked, o] : checked.filter((x) => x !== o),
                            )
                          }
                        />
                        {shown(o)}
                      </label>
                    ))}
                  </span>
                )
              } else {
                input = (
                  <input
                    {...common}
                    type="text"
                    inputMode={f.kind === 'int' || f.kind === 'number' ? 'decimal' : undefined}
                    placeholder={f.kind === 'date' ? 'YYYY-MM-DD' : undefined}
                    value={String(v)}
                    onChange={(e) => set(f.name, e.target.value)}
                  />
                )
              }
              return (
                <div key={f.name} className={err ? 'record-field invalid' : 'record-field'}>
                  <label htmlFor={id} id={`${id}-label`}>
                    {label(f.name)}
                    {f.required && <span aria-hidden="true"> *</span>}
                  </label>
                  {input}
                  {err && (
                    <span id={errId} className="field-error" data-testid={`error-${f.name}`}>
                      {err}
                    </span>
                  )}
                </div>
              )
            })}
        </fieldset>
      ))}
      {message && (
        <p className="form-message" role="alert">
          {message}
        </p>
      )}
      <div className="record-actions">
        <button type="submit" className="primary-button" disabled={busy} data-testid="record-save">
          {busy ? t('saving') : t('save')}
        </button>
        <button type="button" className="plain-button" onClick={p.onCancel}>
          {t('cancel')}
        </button>
      </div>
      {conflict && loaded && (
        <ConflictDialog
          rows={conflictRows(p.fields, conflict.mine, original, p.values(conflict.theirs))}
          label={label}
          shown={shown}
          onReapply={() => {
            const next = reapply(p.fields, conflict.mine, p.values(conflict.theirs))
            const theirs = conflict.theirs
            setConflict(null)
            setLoaded(theirs)
            setForm(next)
            void submit(next, theirs)
          }}
          onTakeTheirs={() => {
            const theirs = conflict.theirs
            setConflict(null)
            setLoaded(theirs)
            setForm(toForm(p.fields, p.values(theirs)))
            setErrors({})
            setMessage(null)
            p.onSaved(theirs)
          }}
        />
      )}
    </form>
  )
}
