import { useEffect, useRef } from 'react'
import type { SitingResult } from '../../api/siting-types.ts'
import { formatCount, formatPercent, interpolate } from '../../i18n/format.ts'
import type { Lang, MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import {
  DEMAND_ALPHA,
  DEMAND_RGB,
  POINT_RGB,
  SITE_RGB,
  STATION_RGB,
  cssOf,
  type DemandClass,
} from '../../layers/siting-palette.ts'
import { useFeatures } from '../../store/selectors.ts'
import { reachM } from '../../store/siting-geometry.ts'
import { householdCoverageOf } from '../../store/siting-selectors.ts'
import { WEIGHT_LABELS } from './labels.ts'

const BOUND_SOURCES: Record<SitingResult['boundSource'], MessageKey> = {
  milp: 'sitingBoundMilp',
  lp: 'sitingBoundLp',
  combinatorial: 'sitingBoundCombinatorial',
}

const seconds = (ms: number, lang: Lang) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(ms / 1000)

/** The gap as a bound, rounded up so "≤ x %" never understates it. */
const gapCeil = (gap: number) => Math.ceil(gap * 1000) / 1000

function Quality({ result }: { result: SitingResult }) {
  const { t, lang } = useT()
  const method = t(
    result.method === 'exact' ? 'sitingMethodNameExact' : 'sitingMethodNameHeuristic',
  )
  const bound = interpolate(t('sitingBoundSource'), { s: t(BOUND_SOURCES[result.boundSource]) })
  if (result.status === 'infeasible')
    return (
      <p className="inline-error">
        {interpolate(t('sitingInfeasible'), {
          x: formatPercent(result.maxAchievableShare, lang),
        })}
      </p>
    )
  const proven = result.status === 'optimal' || result.gap === 0
  return (
    <p className="siting-quality" title={bound}>
      <span>{method}</span>
      {proven ? (
        <strong className="siting-proven">{t('sitingProven')} ✓</strong>
      ) : (
        <strong>
          {interpolate(t('sitingGap'), { x: formatPercent(gapCeil(result.gap), lang) })}
        </strong>
      )}
      <span className="muted">
        {interpolate(t('sitingTime'), { s: seconds(result.stats.totalMs, lang) })}
      </span>
    </p>
  )
}

function Row({
  label,
  before,
  after,
  total,
}: Record<'label' | 'before' | 'after', string> & {
  total?: string
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{before}</td>
      <td aria-hidden="true">→</td>
      <td className="siting-after">{after}</td>
      <td className="muted">{total}</td>
    </tr>
  )
}

const KEY: { cls: DemandClass; label: MessageKey }[] = [
  { cls: 'new', label: 'sitingLegendNew' },
  { cls: 'uncovered', label: 'sitingLegendUncovered' },
  { cls: 'before', label: 'sitingLegendBefore' },
]

function MapKey({ radiusM }: { radiusM: number }) {
  const { t, lang } = useT()
  return (
    <div className="analysis-key siting-key" aria-label={t('legend')}>
      {KEY.map(({ cls, label }) => (
        <span key={cls}>
          <span
            className="siting-swatch"
            style={{ background: cssOf(DEMAND_RGB[cls], DEMAND_ALPHA[cls] / 255) }}
          />
          {t(label)}
        </span>
      ))}
      <span>
        <span className="siting-disc" style={{ background: cssOf(SITE_RGB) }}>
          1
        </span>
        {t('sitingLegendSite')}
      </span>
      <span>
        <span className="siting-dot" style={{ background: cssOf(STATION_RGB) }} />
        {t('sitingLegendStation')}
      </span>
      <span>
        <span className="siting-ring" style={{ borderColor: cssOf(POINT_RGB) }} />
        {t('sitingLegendPoint')}
      </span>
      <span>
        <span className="siting-circle" style={{ borderColor: cssOf(SITE_RGB) }} />
        {interpolate(t('sitingLegendCircle'), { r: formatCount(radiusM, lang) })}
      </span>
    </div>
  )
}

/** The headline of a result: coverage before → after, how good the answer is, and the map key. */
export function SitingSummary({ result }: { result: SitingResult }) {
  const { t, lang } = useT()
  const ref = useRef<HTMLElement>(null)
  // A new answer is what the analyst waited for: bring it into view below the long form. A block
  // body: newer browsers return a promise from scrollIntoView, which React would take for cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [result])
  const n = (v: number | null | undefined) => formatCount(v, lang)
  const pct = (v: number) => formatPercent(v, lang)
  const households = householdCoverageOf(result, useFeatures())
  const { before, after, stats, params } = result
  const areaName = result.area.level === 'city' ? t('wholeCity') : result.area.name
  const weight = t(WEIGHT_LABELS[params.weight ?? 'households'])
  const headline = result.model === 'set-cover' ? 'sitingNewSitesSetCover' : 'sitingNewSitesN'
  // p-median charges uncovered demand at the service distance; the average walk says it plainly.
  const totalWeight = after.share > 0 ? after.weight / after.share : 0
  return (
    <section ref={ref} className="analysis-summary" data-testid="siting-summary" aria-live="polite">
      <h3>{interpolate(t('sitingSummaryOf'), { area: areaName })}</h3>
      {result.status !== 'infeasible' && (
        <p className="siting-headline">
          {interpolate(t(headline), { n: n(result.chosen.length) })}
        </p>
      )}
      <Quality result={result} />
      <table className="siting-table">
        <tbody>
          <Row
            label={interpolate(t('sitingRowShare'), { w: weight })}
            before={pct(before.share)}
            after={pct(after.share)}
          />
          <Row
            label={t('sitingRowCompounds')}
            before={n(before.count)}
            after={n(after.count)}
            total={interpolate(t('sitingOfTotal'), { n: n(stats.demand) })}
          />
          <Row
            label={t('sitingRowHouseholds')}
            before={n(households?.before)}
            after={n(households?.after)}
            total={households ? interpolate(t('sitingOfTotal'), { n: n(households.total) }) : ''}
          />
        </tbody>
      </table>
      {result.model === 'p-median' && totalWeight > 0 && (
        <p className="siting-walk">
          {interpolate(t('sitingAvgWalk'), {
            m: n(result.objective / totalWeight),
            p: n(params.serviceM),
          })}
        </p>
      )}
      <p className="muted siting-counts">
        {interpolate(t('sitingCounts'), {
          d: n(stats.demand),
          c: n(stats.candidates),
          e: n(stats.existing),
        })}
      </p>
      <MapKey radiusM={Math.round(reachM(params))} />
    </section>
  )
}
