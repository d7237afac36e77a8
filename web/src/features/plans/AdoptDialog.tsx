import { describeError, formatPercent, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { adoptOpenPlan } from '../../store/plans-loaders.ts'
import { useSummary } from './plan-hooks.ts'

/** Confirmation before adopting, then the coverage before → after from the server. */
export function AdoptDialog() {
  const { t, lang } = useT()
  const adopt = useStore((s) => s.planAdopt)
  const summary = useSummary()
  if (!adopt) return null
  const close = () => useStore.setState({ planAdopt: null })
  const blocked = summary ? summary.verdicts.hard + summary.verdicts.needsReason > 0 : true
  return (
    <div className="plans-dialog-backdrop">
      <div
        className="panel plans-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="plans-adopt-title"
        data-testid="plan-adopt-dialog"
      >
        <h3 id="plans-adopt-title">{t('plansAdoptTitle')}</h3>
        {adopt.step === 'done' ? (
          <>
            <p>{t('plansAdoptDone')}</p>
            <p data-testid="plan-adopt-coverage">
              {interpolate(t('plansAdoptCoverage'), {
                before: formatPercent(adopt.result.coverageBefore.organisationCoverage, lang),
                after: formatPercent(adopt.result.coverageAfter.organisationCoverage, lang),
                organisedBefore: adopt.result.coverageBefore.organised,
                organisedAfter: adopt.result.coverageAfter.organised,
              })}
            </p>
          </>
        ) : (
          <>
            <p>{t('plansAdoptBody')}</p>
            {summary && (
              <p>
                {t('plansSummaryCoverage')}{' '}
                {formatPercent(summary.coverageBefore.organisationCoverage, lang)} →{' '}
                {formatPercent(summary.coverageAfter.organisationCoverage, lang)}
              </p>
            )}
            {blocked && <p className="plans-flag hard">{t('plansAdoptBlocked')}</p>}
            {adopt.step === 'error' && (
              <p className="plans-error" role="alert">
                {t('plansAdoptFailed')}
                {t('colon')}
                {describeError(adopt.error, lang)}
              </p>
            )}
          </>
        )}
        <div className="plans-dialog-buttons">
          {adopt.step !== 'done' && (
            <button
              type="button"
              className="primary-button"
              disabled={blocked || adopt.step === 'running'}
              data-testid="plan-adopt-confirm"
              onClick={() => void adoptOpenPlan()}
            >
              {adopt.step === 'running' ? t('plansAdoptRunning') : t('plansAdoptConfirm')}
            </button>
          )}
          <button
            type="button"
            className="plain-button"
            onClick={close}
            data-testid="plan-adopt-close"
          >
            {t(adopt.step === 'done' ? 'plansClose' : 'plansCancel')}
          </button>
        </div>
      </div>
    </div>
  )
}
