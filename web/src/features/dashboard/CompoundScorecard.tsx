import { useEffect, useState } from 'react'
import { INDICATORS, type CompoundScorecardDetail } from '../../api/scorecard-types.ts'
import { fetchCompoundScorecard } from '../../api/scorecard-endpoints.ts'
import { isAbort } from '../../api/client.ts'
import { describeError, interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { Spinner } from '../status/Spinner.tsx'
import { figureLabel } from './dash-format.ts'
import { reasonText, type ReasonSettings } from './scorecard-reasons.ts'
import './dashboard.css'

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
