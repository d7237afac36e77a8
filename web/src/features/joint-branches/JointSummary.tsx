import type { JointResult } from '../../api/joint-types.ts'
import { formatCount, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { LEFTOVER_RGB, candidateCss } from '../../layers/joint-palette.ts'

const css = ([r, g, b]: readonly number[]) => `rgb(${r} ${g} ${b})`

/** One line of figures for a result: candidates, coverage against the bound, leftovers, time. */
export function JointSummary({ result }: { result: JointResult }) {
  const { t, lang } = useT()
  const n = (v: number) => formatCount(v, lang)
  const { stats, bound } = result
  const areaName = result.area.level === 'city' ? t('wholeCity') : result.area.name
  return (
    <section className="analysis-summary" data-testid="joint-summary" aria-live="polite">
      <h3>{interpolate(t('jointSummaryOf'), { area: areaName })}</h3>
      <ul className="joint-figures">
        <li className="joint-figure-main">
          {interpolate(t('jointCandidatesN'), { n: n(result.candidates.length) })}
        </li>
        <li>
          {interpolate(t('jointCovered'), {
            x: n(stats.coveredUnits),
            b: n(bound.maxCoveredUnits),
          })}
          {stats.provenOptimal && (
            <span className="joint-proven" title={bound.how}>
              {' '}
              {t('jointProven')}
            </span>
          )}
        </li>
        <li>{interpolate(t('jointLeftoversN'), { n: n(result.leftovers.length) })}</li>
        <li>{interpolate(t('jointShouldBuildN'), { n: n(result.shouldBuildAlone.length) })}</li>
        <li className="muted">{interpolate(t('jointTime'), { ms: n(stats.totalMs) })}</li>
      </ul>
      {stats.timedOut && <p className="inline-error">{t('jointTimedOut')}</p>}
      <div className="analysis-key" aria-hidden="true">
        <span>
          <span className="joint-key-candidate">
            {[0, 1, 2].map((i) => (
              <span key={i} style={{ background: candidateCss(i) }} />
            ))}
          </span>
          {t('jointLegendCandidate')}
        </span>
        <span>
          <span className="joint-key-leftover" style={{ borderColor: css(LEFTOVER_RGB) }} />
          {t('jointLegendLeftover')}
        </span>
      </div>
    </section>
  )
}
