import type { Snapshot } from '../../api/scorecard-types.ts'
import { describeError, formatDate, formatPercent } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { dataOf } from '../../store/async.ts'
import { recordSnapshot } from '../../store/dashboard-loaders.ts'
import { useStore } from '../../store/index.ts'
import { Spinner } from '../status/Spinner.tsx'
import { TARGETS } from './targets.ts'

const W = 400
const H = 170
const M = { top: 10, right: 12, bottom: 24, left: 38 }
const SERIES = [
  { key: 'organisationCoverage', cls: 'org' },
  { key: 'stationCoverage', cls: 'station' },
] as const

/** x positions of the snapshots: by time, or evenly when they share one instant. */
export function timeScale(times: readonly number[], width: number): number[] {
  if (times.length === 0) return []
  const lo = Math.min(...times)
  const hi = Math.max(...times)
  if (hi === lo)
    return times.map((_, i) => (times.length === 1 ? width / 2 : (i * width) / (times.length - 1)))
  return times.map((t) => ((t - lo) / (hi - lo)) * width)
}

function Lines({ series }: { series: Snapshot[] }) {
  const { t, lang } = useT()
  const plotW = W - M.left - M.right
  const plotH = H - M.top - M.bottom
  const xs = timeScale(
    series.map((s) => Date.parse(s.takenAt)),
    plotW,
  ).map((x) => x + M.left)
  const y = (v: number) => M.top + (1 - v) * plotH
  const ticks = [0, 0.25, 0.5, 0.75, 1]
  return (
    <svg
      className="dash-lines"
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={t('dashProgressChart')}
      data-testid="dash-progress"
    >
      {ticks.map((v) => (
        <g key={v}>
          <line className="grid" x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
          <text x={M.left - 4} y={y(v)} textAnchor="end" dominantBaseline="middle">
            {formatPercent(v, lang)}
          </text>
        </g>
      ))}
      {SERIES.map(({ key, cls }) => {
        const target = TARGETS[key]
        const ty = target.kind === 'rate' ? y(target.value) : null
        const pts = series
          .map((s, i) => [xs[i]!, s.totals[key]] as const)
          .filter((p): p is readonly [number, number] => typeof p[1] === 'number')
        return (
          <g key={key} className={`series ${cls}`}>
            {ty !== null && (
              <line className="target" x1={M.left} x2={W - M.right} y1={ty} y2={ty}>
                <title>{`${t(`dashF_${key}` as MessageKey)} ${t('dashTarget').replace('{value}', formatPercent(target.kind === 'rate' ? target.value : 0, lang))}`}</title>
              </line>
            )}
            <polyline points={pts.map(([x, v]) => `${x},${y(v)}`).join(' ')} />
            {pts.map(([x, v], i) => (
              <circle key={i} cx={x} cy={y(v)} r={3}>
                <title>{`${formatDate(series[i]?.takenAt)} ${t(`dashF_${key}` as MessageKey)} ${formatPercent(v, lang)}`}</title>
              </circle>
            ))}
          </g>
        )
      })}
      {series.length > 0 && (
        <>
          <text x={M.left} y={H - 6}>
            {formatDate(series[0]!.takenAt)}
          </text>
          {series.length > 1 && (
            <text x={W - M.right} y={H - 6} textAnchor="end">
              {formatDate(series[series.length - 1]!.takenAt)}
            </text>
          )}
        </>
      )}
    </svg>
  )
}

/** Organisation and station coverage over the recorded snapshots, and "record a snapshot". */
export function ProgressChart() {
  const { t, lang } = useT()
  const snapshots = useStore((s) => s.dashSnapshots)
  const save = useStore((s) => s.dashSnapshotSave)
  const series = dataOf(snapshots)?.series ?? []
  return (
    <section className="panel dash-section" aria-labelledby="dash-progress-title">
      <h3 id="dash-progress-title">
        {t('dashProgress')}
        {snapshots.status === 'loading' && <Spinner />}
      </h3>
      <div className="dash-series-key">
        {SERIES.map(({ key, cls }) => (
          <span key={key} className={`key ${cls}`}>
            {t(`dashF_${key}` as MessageKey)}
          </span>
        ))}
      </div>
      {series.length === 0 ? (
        snapshots.status === 'ready' && <p className="muted">{t('dashNoSnapshots')}</p>
      ) : (
        <Lines series={series} />
      )}
      {snapshots.status === 'error' && (
        <p className="dash-error" role="alert">
          {describeError(snapshots.error, lang)}
        </p>
      )}
      <div className="dash-actions">
        <button
          type="button"
          data-testid="dash-record-snapshot"
          disabled={save.status === 'loading'}
          onClick={() => void recordSnapshot()}
        >
          {save.status === 'loading' ? t('dashRecording') : t('dashRecordSnapshot')}
        </button>
        {save.status === 'ready' && (
          <span className="muted" role="status">
            {t('dashSnapshotSaved')}
          </span>
        )}
        {save.status === 'error' && (
          <span className="dash-error" role="alert">
            {t('dashSnapshotFailed')}
            {t('colon')}
            {describeError(save.error, lang)}
          </span>
        )}
      </div>
    </section>
  )
}
