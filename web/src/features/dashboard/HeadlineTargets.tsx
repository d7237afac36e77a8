import type { Rollup } from '../../api/scorecard-types.ts'
import { interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatFigure, figureLabel } from './dash-format.ts'
import { HEADLINE_KEYS, TARGETS, headlineValue, targetFor, type HeadlineKey } from './targets.ts'

function HeadlineFigure({ k, rollup }: { k: HeadlineKey; rollup: Rollup }) {
  const { t, lang } = useT()
  const value = headlineValue(k, rollup.totals)
  const target = targetFor(k, rollup.totals, rollup.settings.fundingYuan)
  const share = value !== null && target ? Math.min(1, value / target) : null
  const met = value !== null && target !== null && value >= target
  const source = TARGETS[k].source[lang === 'zh-CN' ? 'zh' : 'en']
  return (
    <div className={met ? 'dash-figure met' : 'dash-figure'} data-testid={`dash-figure-${k}`}>
      <div className="figure-label">{t(figureLabel(k))}</div>
      <div className="figure-value" data-testid="dash-figure-value">
        {formatFigure(k, value, lang)}
      </div>
      <div className="dash-target-bar" aria-hidden="true">
        <span style={{ width: `${(share ?? 0) * 100}%` }} />
      </div>
      <div className="figure-sub" title={source}>
        {target === null
          ? '—'
          : interpolate(t('dashTarget'), { value: formatFigure(k, target, lang) })}
        {' · '}
        {met
          ? t('dashTargetMet')
          : value !== null && target !== null
            ? interpolate(t('dashTargetGap'), { value: formatFigure(k, target - value, lang) })
            : ''}
      </div>
    </div>
  )
}

/** The eight headline figures of the area with their targets and how far each is from it. */
export function HeadlineTargets({ rollup }: { rollup: Rollup }) {
  const { t, lang } = useT()
  return (
    <section className="panel dash-section" aria-labelledby="dash-headline">
      <h3 id="dash-headline">{t('dashHeadline')}</h3>
      <div className="dash-figures">
        {HEADLINE_KEYS.map((k) => (
          <HeadlineFigure key={k} k={k} rollup={rollup} />
        ))}
      </div>
      <details className="dash-sources">
        <summary>{t('dashTargetsSource')}</summary>
        <ul>
          {HEADLINE_KEYS.map((k) => (
            <li key={k}>
              <strong>{t(figureLabel(k))}</strong>
              {t('colon')}
              {TARGETS[k].source[lang === 'zh-CN' ? 'zh' : 'en']}
            </li>
          ))}
        </ul>
      </details>
    </section>
  )
}
