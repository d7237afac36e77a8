import { COVERAGE_STATUSES, type Stats } from '../../api/types.ts'
import { formatCount, formatPercent, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { statusCss } from '../../layers/status-colors.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { Spinner } from '../status/Spinner.tsx'
import './headline-stats.css'

function Figure({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="figure">
      <div className="figure-label">{label}</div>
      <div className="figure-value">{value}</div>
      {sub && <div className="figure-sub">{sub}</div>}
    </div>
  )
}

function Breakdown({ stats }: { stats: Stats }) {
  const { lang, t, statusName } = useT()
  const total = COVERAGE_STATUSES.reduce((n, s) => n + (stats.byStatus[s] ?? 0), 0)
  return (
    <div className="breakdown">
      <h3>{t('statusBreakdown')}</h3>
      <div className="stacked-bar" aria-hidden="true">
        {COVERAGE_STATUSES.map((s) => {
          const n = stats.byStatus[s] ?? 0
          return n > 0 && total > 0 ? (
            <span key={s} style={{ width: `${(n / total) * 100}%`, background: statusCss(s) }} />
          ) : null
        })}
      </div>
      <dl className="breakdown-list">
        {COVERAGE_STATUSES.map((s) => (
          <div key={s}>
            <dt>
              <span className="swatch" style={{ background: statusCss(s) }} />
              {statusName(s)}
            </dt>
            <dd>
              {formatCount(stats.byStatus[s], lang)}
              <span className="muted">
                {' '}
                {total > 0 ? formatPercent((stats.byStatus[s] ?? 0) / total, lang) : ''}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

/** The four headline figures of the chosen area (default: the city) and its status breakdown. */
export function HeadlineStats() {
  const { t, lang } = useT()
  const state = useStore((s) => s.stats)
  const stats = dataOf(state)
  const loading = state.status === 'loading' || state.status === 'idle'
  return (
    <section className="panel headline" aria-labelledby="headline-title" aria-busy={loading}>
      <h2 id="headline-title">
        {t('headlineOf')}
        {t('colon')}
        {stats?.area.name ?? '—'}
        {loading && <Spinner />}
      </h2>
      <div className={loading && stats ? 'figures stale' : 'figures'}>
        <Figure label={t('compoundsTotal')} value={formatCount(stats?.compounds, lang)} />
        <Figure label={t('oldCompounds')} value={formatCount(stats?.oldCompounds, lang)} />
        <Figure label={t('orgCoverage')} value={formatPercent(stats?.organisationCoverage, lang)} />
        <Figure
          label={t('stationCoverage')}
          value={formatPercent(stats?.stationCoverage, lang)}
          sub={stats ? interpolate(t('stationWalk'), { m: stats.stationWalkM }) : undefined}
        />
      </div>
      {stats && <Breakdown stats={stats} />}
      {!stats && loading && (
        <p className="muted">
          <Spinner /> {t('loadingStats')}
        </p>
      )}
    </section>
  )
}
