import type { FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import {
  SITING_METHODS,
  SITING_MODELS,
  SITING_SOURCES,
  SITING_WEIGHTS,
} from '../../api/siting-types.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { selectedAreaId } from '../../store/area-path.ts'
import { useStore } from '../../store/index.ts'
import { analysisAreaOf } from '../../store/joint-area.ts'
import {
  SERVICE_DISTANCES,
  SITING_LIMITS,
  parseSitingForm,
  usesK,
  type SitingFieldErrors,
} from '../../store/siting-form.ts'
import { runSitingAnalysis } from '../../store/siting-loaders.ts'
import {
  METHOD_LABELS,
  MODEL_LABELS,
  SERVICE_LABELS,
  SOURCE_LABELS,
  WEIGHT_LABELS,
} from './labels.ts'
import { PointsControl } from './PointsControl.tsx'
import { RunStatus } from './RunStatus.tsx'
import { Field, FieldNote, NumberInput, Select } from './SitingFields.tsx'
import '../analysis-panel/analysis-panel.css'
import './siting-form.css'

function AreaChoice({ errors }: { errors: SitingFieldErrors }) {
  const { t } = useT()
  const scope = useStore((s) => s.sitingScope)
  const setScope = useStore((s) => s.setSitingScope)
  const hasPicked = useStore((s) => selectedAreaId(s.areaPath) !== null)
  const area = useStore(useShallow((s) => analysisAreaOf(s.sitingScope, s)))
  const pickedName = area && area.level !== 'city' ? (area.name ?? area.id) : ''
  return (
    <Field field="area" label={t('sitingArea')} error={errors.area} wide>
      {(id) => (
        <select
          id={id}
          name="area"
          value={hasPicked ? scope : 'city'}
          onChange={(e) => setScope(e.target.value === 'city' ? 'city' : 'picked')}
        >
          {hasPicked && (
            <option value="picked">
              {interpolate(t('jointAreaPicked'), { name: pickedName })}
            </option>
          )}
          <option value="city">{t('wholeCity')}</option>
        </select>
      )}
    </Field>
  )
}

/** The area and inputs of a siting analysis, the analyst's points, and the Run button. */
export function SitingForm() {
  const { t } = useT()
  const form = useStore((s) => s.sitingForm)
  const points = useStore((s) => s.sitingPoints)
  const serverErrors = useStore((s) => s.sitingFieldErrors)
  const running = useStore((s) => s.sitingRun.status === 'loading')
  const area = useStore(useShallow((s) => analysisAreaOf(s.sitingScope, s)))
  const editText = useStore((s) => s.editSitingText)
  const setChoice = useStore((s) => s.setSitingChoice)
  const setFlag = useStore((s) => s.setSitingFlag)
  const reset = useStore((s) => s.resetSitingForm)
  const parsed = parseSitingForm(form, '', points)
  const errors: SitingFieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...serverErrors }
  const options = <V extends string | number>(
    values: readonly V[],
    labels: Record<V, MessageKey>,
  ) => values.map((value) => ({ value, label: t(labels[value]) }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void runSitingAnalysis()
  }
  const withK = usesK(form.model)
  return (
    <form className="analysis-form" onSubmit={submit} noValidate aria-label={t('sitingInputs')}>
      <AreaChoice errors={errors} />
      <fieldset className="analysis-fields">
        <legend>{t('sitingInputs')}</legend>
        <Field
          field="model"
          label={t('sitingModel')}
          error={errors.model}
          hint={t(MODEL_LABELS[form.model].hint)}
          wide
        >
          {(id) => (
            <Select
              id={id}
              name="model"
              value={form.model}
              options={SITING_MODELS.map((m) => ({ value: m, label: t(MODEL_LABELS[m].name) }))}
              invalid={!!errors.model}
              onChange={(v) => setChoice('model', v)}
            />
          )}
        </Field>
        {withK ? (
          <Field field="k" label={t('sitingK')} error={errors.k}>
            {(id) => (
              <NumberInput
                id={id}
                name="k"
                value={form.k}
                min={SITING_LIMITS.k.min}
                max={SITING_LIMITS.k.max}
                step={1}
                unit={t('sitingUnitStations')}
                invalid={!!errors.k}
                onChange={(v) => editText('k', v)}
              />
            )}
          </Field>
        ) : (
          <Field field="targetShare" label={t('sitingTarget')} error={errors.targetShare}>
            {(id) => (
              <NumberInput
                id={id}
                name="targetShare"
                value={form.targetPercent}
                min={0}
                max={100}
                step="any"
                unit="%"
                invalid={!!errors.targetShare}
                onChange={(v) => editText('targetPercent', v)}
              />
            )}
          </Field>
        )}
        <Field
          field="detourFactor"
          label={t('sitingDetour')}
          error={errors.detourFactor}
          hint={t('sitingDetourHint')}
        >
          {(id) => (
            <NumberInput
              id={id}
              name="detourFactor"
              value={form.detourFactor}
              min={SITING_LIMITS.detourFactor.min}
              max={SITING_LIMITS.detourFactor.max}
              step={0.1}
              invalid={!!errors.detourFactor}
              onChange={(v) => editText('detourFactor', v)}
            />
          )}
        </Field>
        <Field field="serviceM" label={t('sitingServiceM')} error={errors.serviceM} wide>
          {(id) => (
            <Select
              id={id}
              name="serviceM"
              value={form.serviceM}
              options={options(SERVICE_DISTANCES, SERVICE_LABELS)}
              invalid={!!errors.serviceM}
              onChange={(v) => setChoice('serviceM', v)}
            />
          )}
        </Field>
        <Field field="weight" label={t('sitingWeight')} error={errors.weight}>
          {(id) => (
            <Select
              id={id}
              name="weight"
              value={form.weight}
              options={options(SITING_WEIGHTS, WEIGHT_LABELS)}
              invalid={!!errors.weight}
              onChange={(v) => setChoice('weight', v)}
            />
          )}
        </Field>
        <Field field="method" label={t('sitingMethod')} error={errors.method}>
          {(id) => (
            <Select
              id={id}
              name="method"
              value={form.method}
              options={options(SITING_METHODS, METHOD_LABELS)}
              invalid={!!errors.method}
              onChange={(v) => setChoice('method', v)}
            />
          )}
        </Field>
        <Field field="candidates" label={t('sitingSource')} error={errors.candidates} wide>
          {(id) => (
            <Select
              id={id}
              name="candidates"
              value={form.candidates}
              options={options(SITING_SOURCES, SOURCE_LABELS)}
              invalid={!!errors.candidates}
              onChange={(v) => setChoice('candidates', v)}
            />
          )}
        </Field>
        <PointsControl error={errors.points} />
        <Field
          field="capacityHouseholds"
          label={t('sitingCapacity')}
          error={errors.capacityHouseholds}
          wide
        >
          {(id) => (
            <>
              <input
                type="checkbox"
                checked={form.capacityOn}
                aria-label={t('sitingCapacitySwitch')}
                title={t('sitingCapacitySwitch')}
                onChange={(e) => setFlag('capacityOn', e.target.checked)}
              />
              <NumberInput
                id={id}
                name="capacityHouseholds"
                value={form.capacityOn ? form.capacity : ''}
                min={SITING_LIMITS.capacityHouseholds.min}
                max={SITING_LIMITS.capacityHouseholds.max}
                step={1}
                unit={t('households')}
                disabled={!form.capacityOn}
                placeholder={form.capacityOn ? undefined : t('ruleOff')}
                invalid={!!errors.capacityHouseholds}
                onChange={(v) => editText('capacity', v)}
              />
            </>
          )}
        </Field>
        <div className="analysis-flags">
          {(['oldOnly', 'onlyFailing'] as const).map((field) => (
            <label key={field} className="analysis-flag">
              <input
                type="checkbox"
                name={field}
                checked={form[field]}
                onChange={(e) => setFlag(field, e.target.checked)}
              />
              {t(field === 'oldOnly' ? 'sitingOldOnly' : 'sitingOnlyFailing')}
              <FieldNote field={field} error={errors[field]} />
            </label>
          ))}
        </div>
      </fieldset>
      {area?.level === 'city' && form.method !== 'heuristic' && (
        <p className="analysis-note" role="note">
          {t('sitingCityHint')}
        </p>
      )}
      <div className="analysis-actions">
        <button
          type="submit"
          className="primary-button"
          data-testid="siting-run"
          disabled={running || !parsed.ok || !area}
          aria-busy={running}
        >
          {running ? t('sitingRunning') : t('sitingRun')}
        </button>
        <button type="button" className="plain-button" onClick={reset}>
          {t('sitingReset')}
        </button>
      </div>
      <RunStatus />
    </form>
  )
}
