import { formatCount, formatPercent, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { useSummary } from './plan-hooks.ts'

/** Branches, compounds, members and the coverage of the area before → after; live on every edit. */
export function PlanSummaryBox() {
  const { t, lang } = useT()
  const s = useSummary()
  if (!s) return null
  return (
    <section className="plans-summary" data-testid="plan-summary" aria-label={t('plansSummary')}>
      <dl>
        <div>
          <dt>{t('plansSummaryBranches')}</dt>
          <dd data-testid="plan-summary-branches">{formatCount(s.branches, lang)}</dd>
        </div>
        <div>
          <dt>{t('plansSummaryCompounds')}</dt>
          <dd data-testid="plan-summary-compounds">{formatCount(s.compounds, lang)}</dd>
        </div>
        <div>
          <dt>{t('plansSummaryMembers')}</dt>
          <dd>{formatCount(s.members, lang)}</dd>
        </div>
      </dl>
      <p className="plans-coverage">
        <span>{t('plansSummaryCoverage')}</span>{' '}
        <strong data-testid="plan-coverage-before">
          {formatPercent(s.coverageBefore.organisationCoverage, lang)}
        </strong>
        {' → '}
        <strong data-testid="plan-coverage-after">
          {formatPercent(s.coverageAfter.organisationCoverage, lang)}
        </strong>
        <span className="muted"> {t('plansSummaryCoverageNote')}</span>
      </p>
      {(s.verdicts.hard > 0 || s.verdicts.needsReason > 0) && (
        <p className="plans-flag" data-testid="plan-problems">
          {interpolate(t('plansSummaryProblems'), {
            hard: s.verdicts.hard,
            reason: s.verdicts.needsReason,
          })}
        </p>
      )}
    </section>
  )
}
