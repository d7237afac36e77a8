import { useEffect, useState } from 'react'
import { describeError } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { dataOf } from '../../store/async.ts'
import {
  dashboardAreaOf,
  loadHotspots,
  loadRollup,
  loadScorecardCompounds,
  loadSnapshots,
} from '../../store/dashboard-loaders.ts'
import { useStore } from '../../store/index.ts'
import { Spinner } from '../status/Spinner.tsx'
import { ChildRanking } from './ChildRanking.tsx'
import { DashHeader } from './DashHeader.tsx'
import { GapMapCard } from './GapMapCard.tsx'
import { HeadlineTargets } from './HeadlineTargets.tsx'
import { ProgressChart } from './ProgressChart.tsx'
import './dashboard.css'

/** Keeps the dashboard's data in step with the area, the weight and the chosen map. */
function useDashboardData() {
  const area = useStore((s) => dashboardAreaOf(s.areaPath))
  const weight = useStore((s) => s.dashWeight)
  const layer = useStore((s) => s.dashLayer)
  const measure = useStore((s) => s.dashMeasure)
  useEffect(() => void loadScorecardCompounds(), [])
  useEffect(() => {
    void loadRollup(area, weight)
    void loadSnapshots(area, weight)
  }, [area, weight])
  useEffect(() => {
    if (layer === 'hotspots') void loadHotspots(area, measure)
  }, [area, measure, layer])
  return { area, weight }
}

/** The dashboard workspace's panels over the map. */
export function DashboardView() {
  const { t, lang } = useT()
  const { area, weight } = useDashboardData()
  const state = useStore((s) => s.dashRollup)
  const compounds = useStore((s) => s.dashCompounds)
  const hotspots = useStore((s) => s.dashHotspots)
  const rollup = dataOf(state)
  const [printPng, setPrintPng] = useState<string | null>(null)
  const [printing, setPrinting] = useState(false)

  useEffect(() => {
    if (!printing) return
    // One frame for the map picture to be laid out, then the browser's print dialog.
    const id = requestAnimationFrame(() => {
      window.print()
      setPrinting(false)
    })
    return () => cancelAnimationFrame(id)
  }, [printing])

  const failures = [
    { a: state, retry: () => void loadRollup(area, weight) },
    { a: compounds, retry: () => void loadScorecardCompounds(true) },
    { a: hotspots, retry: () => void loadHotspots(area, useStore.getState().dashMeasure) },
  ].filter((f) => f.a.status === 'error')

  return (
    <>
      <div className="left-column dash-column" data-testid="dashboard" aria-label={t('dashPanel')}>
        <DashHeader
          rollup={rollup}
          onPrint={(png) => {
            setPrintPng(png)
            setPrinting(true)
          }}
        />
        {failures.map((f, i) => (
          <div key={i} className="panel dash-section dash-error" role="alert">
            {t('dashError')}
            {t('colon')}
            {f.a.status === 'error' ? describeError(f.a.error, lang) : ''}{' '}
            <button type="button" onClick={f.retry}>
              {t('retry')}
            </button>
          </div>
        ))}
        {!rollup && state.status === 'loading' && (
          <p className="panel dash-section muted">
            <Spinner /> {t('dashLoading')}
          </p>
        )}
        {rollup && (
          <div className={state.status === 'loading' ? 'dash-body stale' : 'dash-body'}>
            <HeadlineTargets rollup={rollup} />
            <ChildRanking rollup={rollup} />
          </div>
        )}
        <ProgressChart />
        {printPng && <img className="print-only dash-print-map" src={printPng} alt="" />}
      </div>
      <GapMapCard />
    </>
  )
}
