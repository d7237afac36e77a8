import { useState } from 'react'
import { planExportUrl } from '../../api/plans-api.ts'
import { describeError, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { compareWith, copyOpenPlan, deleteOpenPlan } from '../../store/plans-loaders.ts'
import { useEditable } from './plan-hooks.ts'

function CompareBox() {
  const { t, lang } = useT()
  const plan = useStore((s) => s.planServer)
  const plans = useStore((s) => dataOf(s.plansList))
  const compare = useStore((s) => s.planCompare)
  const others = plans?.filter((p) => p.id !== plan?.id) ?? []
  const result = compare ? dataOf(compare.result) : undefined
  return (
    <div className="plans-compare" data-testid="plan-compare">
      <label className="plans-field">
        <span>{t('plansCompareWith')}</span>
        <select
          name="compare"
          value={compare?.otherId ?? ''}
          onChange={(e) => compareWith(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">{t('plansCompareNone')}</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {result && (
        <p data-testid="plan-compare-counts">
          {interpolate(t('plansCompareCounts'), {
            ...result.counts,
            moved: result.compoundsMoved.length,
          })}
        </p>
      )}
      {compare?.result.status === 'error' && (
        <p className="plans-error" role="alert">
          {describeError(compare.result.error, lang)}
        </p>
      )}
    </div>
  )
}

/** Copy, compare, export, share, adopt and delete. */
export function PlanActions() {
  const { t, lang } = useT()
  const plan = useStore((s) => s.planServer)
  const editable = useEditable()
  const [error, setError] = useState<unknown>(null)
  const [shared, setShared] = useState(false)
  if (!plan) return null
  const run = async (p: Promise<{ error: unknown } | null>) => {
    setError(null)
    const failed = await p
    if (failed) setError(failed.error)
  }
  const share = async () => {
    const url = new URL(window.location.href)
    url.search = `?plan=${plan.id}`
    try {
      await navigator.clipboard.writeText(url.toString())
    } catch {
      // Clipboard access is refused outside secure contexts; the address bar holds the same link.
    }
    setShared(true)
  }
  return (
    <section className="plans-actions" aria-label={t('plansActions')}>
      <CompareBox />
      <div className="plans-action-row">
        <button
          type="button"
          className="plain-button"
          data-testid="plan-copy"
          onClick={() =>
            void run(copyOpenPlan(interpolate(t('plansCopyName'), { name: plan.name })))
          }
        >
          {t('plansCopy')}
        </button>
        <a className="plain-button" href={planExportUrl(plan.id, 'geojson')} download>
          {t('plansExportGeojson')}
        </a>
        <a className="plain-button" href={planExportUrl(plan.id, 'xlsx')} download>
          {t('plansExportXlsx')}
        </a>
        <button type="button" className="plain-button" onClick={() => void share()}>
          {shared ? t('plansShared') : t('plansShare')}
        </button>
      </div>
      {editable && (
        <div className="plans-action-row">
          <button
            type="button"
            className="primary-button"
            data-testid="plan-adopt"
            onClick={() => useStore.setState({ planAdopt: { step: 'confirm' } })}
          >
            {t('plansAdopt')}
          </button>
          <button
            type="button"
            className="plain-button"
            onClick={() => {
              if (window.confirm(t('plansDeleteConfirm'))) void run(deleteOpenPlan())
            }}
          >
            {t('plansDelete')}
          </button>
        </div>
      )}
      {error !== null && (
        <p className="plans-error" role="alert">
          {t('plansFailed')}
          {t('colon')}
          {describeError(error, lang)}
        </p>
      )}
    </section>
  )
}
