import { useEffect, useState } from 'react'
import {
  INDICATORS,
  type CompoundScorecardDetail,
  type Indicator,
  type IndicatorResult,
} from '../../api/scorecard-types.ts'
import { fetchCompoundScorecard } from '../../api/scorecard-endpoints.ts'
import { isAbort } from '../../api/client.ts'
import { describeError, formatCount, interpolate } from '../../i18n/format.ts'
import { MESSAGES, type Lang, type MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { Spinner } from '../status/Spinner.tsx'
import { figureLabel } from './dash-format.ts'
import './dashboard.css'

interface ReasonSettings {
  walk: number
  ring: number
  min: number
}

/** The reason of one indicator in words, with its figure (distance, yuan, headcount) when known. */
export function reasonText(
  indicator: Indicator,
  r: IndicatorResult,
  settings: ReasonSettings,
  lang: Lang,
): string {
  const m = MESSAGES[lang] as Record<string, string>
  const template = m[`reason_${indicator}_${r.reason}`]
  const vars = {
    walk: formatCount(settings.walk, lang),
    ring: formatCount(settings.ring, lang),
    min: formatCount(settings.min, lang),
  }
  const base = template ? interpolate(template, vars) : r.reason
  const extra: string[] = []
  if (indicator === 'station' && typeof r.distanceM === 'number' && r.reason !== 'own_station')
    extra.push(interpolate(m.scoreDistance!, { m: formatCount(r.distanceM, lang) }))
  if (indicator === 'funding' && typeof r.yuan === 'number' && r.reason !== 'no_organisation')
    extra.push(interpolate(m.scoreYuan!, { yuan: formatCount(r.yuan, lang) }))
  if (indicator === 'example') {
    if (r.vanguardSize) extra.push(interpolate(m.scoreVanguard!, { n: r.vanguardSize }))
    if (r.inService) extra.push(interpolate(m.scoreInService!, { n: r.inService }))
  }
  if (indicator === 'mechanisms' && typeof r.consultations === 'number' && r.consultations > 0)
    extra.push(interpolate(m.scoreConsultations!, { n: r.consultations }))
  if (extra.length === 0) return base
  return lang === 'zh-CN' ? `${base}（${extra.join('，')}）` : `${base} (${extra.join(', ')})`
}

type Loaded =
  | { id: number; card: CompoundScorecardDetail; error?: undefined }
  | { id: number; card?: undefined; error: unknown }

/** One compound's five "四有一化" indicators with their reasons, shown in the compound panel. */
export function CompoundScorecard({ compoundId }: { compoundId: number }) {
  const { t, lang } = useT()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [attempt, setAttempt] = useState(0)
  const rollup = useStore((s) => dataOf(s.dashRollup))
  useEffect(() => {
    const controller = new AbortController()
    fetchCompoundScorecard(compoundId, controller.signal).then(
      (card) => setLoaded({ id: compoundId, card }),
      (error: unknown) => {
        if (!isAbort(error)) setLoaded({ id: compoundId, error })
      },
    )
    return () => controller.abort()
  }, [compoundId, attempt])

  const current = loaded?.id === compoundId ? loaded : null
  // The roll-up carries the settings in force; the defaults of DOMAIN.md until it is loaded.
  const settings: ReasonSettings = {
    walk: rollup?.settings.stationWalkM ?? 300,
    ring: rollup?.settings.secondRingM ?? 500,
    min: rollup?.settings.fundingYuan ?? 1000,
  }
  return (
    <section className="scorecard" aria-labelledby="scorecard-title" data-testid="scorecard">
      <h3 id="scorecard-title">
        {t('scoreTitle')}
        {current?.card && (
          <span className="scorecard-count" data-testid="scorecard-passed">
            {interpolate(t('scorePassed'), { n: current.card.passed })}
          </span>
        )}
      </h3>
      {!current && (
        <p className="muted">
          <Spinner /> {t('scoreLoading')}
        </p>
      )}
      {current?.error !== undefined && (
        <p className="dash-error" role="alert">
          {t('scoreError')}
          {t('colon')}
          {describeError(current.error, lang)}{' '}
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </button>
        </p>
      )}
      {current?.card && (
        <>
          {!current.card.isOld && <p className="muted">{t('scoreNotOld')}</p>}
          <ul className="scorecard-list">
            {INDICATORS.map((k) => {
              const r = current.card.indicators[k]
              return (
                <li
                  key={k}
                  className={r.pass ? 'pass' : 'fail'}
                  data-testid={`scorecard-${k}`}
                  data-pass={r.pass}
                >
                  <span className="scorecard-mark" aria-hidden="true">
                    {r.pass ? '✓' : '✗'}
                  </span>
                  <span className="scorecard-name">{t(figureLabel(k))}</span>
                  <span className="visually-hidden">
                    {t(r.pass ? 'scorePass' : ('scoreFail' as MessageKey))}
                  </span>
                  <span className="scorecard-reason">{reasonText(k, r, settings, lang)}</span>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
