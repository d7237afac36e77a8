import { useId, type ReactNode } from 'react'
import type { FieldError } from '../../store/joint-form.ts'
import type { SitingField } from '../../store/siting-form.ts'
import { FieldErrorNote } from '../analysis-panel/FieldErrorNote.tsx'
import { sitingFieldMessage } from './field-message.ts'

/** The objection to one input, under it; the server's own wording stays in the tooltip. */
export function FieldNote({ field, error }: { field: SitingField; error: FieldError | undefined }) {
  return <FieldErrorNote field={field} error={error} describe={sitingFieldMessage} />
}

interface FieldProps {
  field: SitingField
  label: string
  error: FieldError | undefined
  /** Spans both columns of the form. */
  wide?: boolean
  hint?: string
  children: (id: string) => ReactNode
}

/** A labelled input with its hint and objection; `children` renders the control for `id`. */
export function Field({ field, label, error, wide, hint, children }: FieldProps) {
  const id = useId()
  const cls = ['analysis-field', wide ? 'wide' : '', error ? 'invalid' : ''].filter(Boolean)
  return (
    <div className={cls.join(' ')}>
      <label htmlFor={id}>{label}</label>
      <div className="analysis-control">{children(id)}</div>
      {hint && <p className="analysis-hint">{hint}</p>}
      <FieldNote field={field} error={error} />
    </div>
  )
}

interface Option<V extends string | number> {
  value: V
  label: string
}

interface SelectProps<V extends string | number> {
  id: string
  name: string
  value: V
  options: Option<V>[]
  invalid: boolean
  onChange: (value: V) => void
}

/** A select over typed values (numbers come back as numbers). */
export function Select<V extends string | number>(props: SelectProps<V>) {
  const { id, name, value, options, invalid, onChange } = props
  return (
    <select
      id={id}
      name={name}
      value={String(value)}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        const picked = options.find((o) => String(o.value) === e.target.value)
        if (picked) onChange(picked.value)
      }}
    >
      {options.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  )
}

interface NumberInputProps {
  id: string
  name: string
  value: string
  min: number
  max: number
  step: number | 'any'
  unit?: string
  invalid: boolean
  disabled?: boolean
  placeholder?: string
  onChange: (text: string) => void
}

/** A number typed as text, so the analyst's half-typed value is kept as is. */
export function NumberInput(props: NumberInputProps) {
  const { id, name, value, min, max, step, unit, invalid, disabled, placeholder, onChange } = props
  return (
    <>
      <input
        id={id}
        name={name}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {unit && <span className="analysis-unit">{unit}</span>}
    </>
  )
}
