import { useId, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { MessageKey } from '../../i18n/messages.ts'
import { interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { selectedAreaId } from '../../store/area-path.ts'
import { useStore } from '../../store/index.ts'
import { jointAreaOf } from '../../store/joint-area.ts'
import {
  FIELD_LIMITS,
  parseForm,
  type FieldError,
  type FieldErrors,
  type FlagField,
  type FormField,
  type NumberField,
  type SwitchableField,
} from '../../store/joint-form.ts'
import { runJointAnalysis } from '../../store/joint-loaders.ts'
import { FieldErrorNote } from '../analysis-panel/FieldErrorNote.tsx'
import { Spinner } from '../status/Spinner.tsx'
import { fieldMessage } from './field-message.ts'
import '../analysis-panel/analysis-panel.css'
import './joint-form.css'

interface NumberRuleSpec {
  field: NumberField
  label: MessageKey
  unit: MessageKey
  switchable: boolean
}

const NUMBER_RULES: NumberRuleSpec[] = [
  { field: 'minMembers', label: 'ruleMinMembers', unit: 'unitPeople', switchable: false },
  { field: 'maxCompounds', label: 'ruleMaxCompounds', unit: 'unitCompound', switchable: true },
  { field: 'maxMembers', label: 'ruleMaxMembers', unit: 'unitPeople', switchable: true },
  { field: 'radiusM', label: 'ruleRadiusM', unit: 'unitM', switchable: true },
  { field: 'gapM', label: 'ruleGapM', unit: 'unitM', switchable: false },
]

const FLAG_RULES: { field: FlagField; label: MessageKey }[] = [
  { field: 'sameCommunity', label: 'ruleSameCommunity' },
  { field: 'oldOnly', label: 'ruleOldOnly' },
]

function FieldNote({ field, error }: { field: FormField; error: FieldError | undefined }) {
  return <FieldErrorNote field={field} error={error} describe={fieldMessage} />
}

function NumberRule({ spec, error }: { spec: NumberRuleSpec; error: FieldError | undefined }) {
  const { t } = useT()
  const id = useId()
  const { field, switchable } = spec
  const value = useStore((s) => s.jointForm.values[field])
  const on = useStore((s) => (switchable ? s.jointForm.enabled[field as SwitchableField] : true))
  const edit = useStore((s) => s.editJointValue)
  const setEnabled = useStore((s) => s.setJointEnabled)
  const limits = FIELD_LIMITS[field]
  return (
    <div className={error ? 'analysis-field invalid' : 'analysis-field'}>
      <label htmlFor={id}>{t(spec.label)}</label>
      <div className="analysis-control">
        {switchable && (
          <input
            type="checkbox"
            checked={on}
            aria-label={`${t(spec.label)}${t('colon')}${t('ruleSwitch')}`}
            onChange={(e) => setEnabled(field as SwitchableField, e.target.checked)}
          />
        )}
        <input
          id={id}
          name={field}
          type="number"
          inputMode="decimal"
          min={limits.min}
          max={limits.max}
          step={limits.integer ? 1 : 'any'}
          value={on ? value : ''}
          placeholder={on ? undefined : t('ruleOff')}
          disabled={!on}
          aria-invalid={error ? true : undefined}
          onChange={(e) => edit(field, e.target.value)}
        />
        <span className="analysis-unit">{t(spec.unit)}</span>
      </div>
      <FieldNote field={field} error={error} />
    </div>
  )
}

function AreaChoice({ error }: { error: FieldError | undefined }) {
  const { t } = useT()
  const id = useId()
  const scope = useStore((s) => s.jointScope)
  const setScope = useStore((s) => s.setJointScope)
  const hasPicked = useStore((s) => selectedAreaId(s.areaPath) !== null)
  const area = useStore(useShallow(jointAreaOf))
  const pickedName = area && area.level !== 'city' ? (area.name ?? area.id) : ''
  return (
    <div className={error ? 'analysis-field joint-area invalid' : 'analysis-field joint-area'}>
      <label htmlFor={id}>{t('jointArea')}</label>
      <select
        id={id}
        name="area"
        value={hasPicked ? scope : 'city'}
        onChange={(e) => setScope(e.target.value === 'city' ? 'city' : 'picked')}
      >
        {hasPicked && (
          <option value="picked">{interpolate(t('jointAreaPicked'), { name: pickedName })}</option>
        )}
        <option value="city">{t('wholeCity')}</option>
      </select>
      {!area && <p className="muted">{t('jointAreaUnknown')}</p>}
      <FieldNote field="area" error={error} />
    </div>
  )
}

/** The area and the rules of a joint-branch analysis, and the button that runs it. */
export function JointRulesForm() {
  const { t } = useT()
  const form = useStore((s) => s.jointForm)
  const serverErrors = useStore((s) => s.jointFieldErrors)
  const running = useStore((s) => s.jointRun.status === 'loading')
  const hasArea = useStore((s) => jointAreaOf(s) !== null)
  const setFlag = useStore((s) => s.setJointFlag)
  const reset = useStore((s) => s.resetJointForm)
  const parsed = parseForm(form, '')
  const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...serverErrors }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void runJointAnalysis()
  }
  return (
    <form
      className="analysis-form joint-form"
      onSubmit={submit}
      noValidate
      aria-label={t('jointRules')}
    >
      <AreaChoice error={errors.area} />
      <fieldset className="analysis-fields">
        <legend>{t('jointRules')}</legend>
        {NUMBER_RULES.map((spec) => (
          <NumberRule key={spec.field} spec={spec} error={errors[spec.field]} />
        ))}
        <div className="analysis-flags">
          {FLAG_RULES.map(({ field, label }) => (
            <label key={field} className="analysis-flag">
              <input
                type="checkbox"
                name={field}
                checked={form.flags[field]}
                onChange={(e) => setFlag(field, e.target.checked)}
              />
              {t(label)}
              <FieldNote field={field} error={errors[field]} />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="analysis-actions">
        <button
          type="submit"
          className="primary-button"
          data-testid="joint-run"
          disabled={running || !parsed.ok || !hasArea}
          aria-busy={running}
        >
          {running && <Spinner />}
          {running ? t('jointRunning') : t('jointRun')}
        </button>
        <button type="button" className="plain-button" onClick={reset}>
          {t('jointReset')}
        </button>
      </div>
    </form>
  )
}
