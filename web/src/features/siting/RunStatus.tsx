import { useEffect, useState } from 'react'
import { interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { cancelSitingAnalysis } from '../../store/siting-loaders.ts'
import { Spinner } from '../status/Spinner.tsx'

/** Seconds since `since` (ms since the epoch), ticking once a second while mounted. */
function useElapsedS(since: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return Math.max(0, Math.floor((now - since) / 1000))
}

function Elapsed({ since }: { since: number }) {
  const { t } = useT()
  const s = useElapsedS(since)
  return <span className="siting-elapsed">{interpolate(t('sitingElapsed'), { s })}</span>
}

/** While a run is on its way: a spinner, the time waited so far, and a way to stop waiting. */
export function RunStatus() {
  const { t } = useT()
  const running = useStore((s) => s.sitingRun.status === 'loading')
  const since = useStore((s) => s.sitingStartedAt)
  if (!running || since === null) return null
  return (
    <div className="siting-running" role="status" aria-live="polite" data-testid="siting-running">
      <Spinner />
      <span>{t('sitingRunning')}</span>
      {/* Keyed by the start, so a new run counts from zero. */}
      <Elapsed key={since} since={since} />
      <button type="button" className="plain-button" onClick={cancelSitingAnalysis}>
        {t('sitingCancel')}
      </button>
    </div>
  )
}
