import { useState } from 'react'
import { WEIGHTS, type Rollup } from '../../api/scorecard-types.ts'
import { exportXlsxUrl } from '../../api/scorecard-endpoints.ts'
import { describeError, formatDate, interpolate } from '../../i18n/format.ts'
import { LEVEL_NAMES, type MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { climbTo, dashboardAreaOf } from '../../store/dashboard-loaders.ts'
import { mayClimbTo } from '../../store/area-path.ts'
import { homePathOf } from '../../store/area-slice.ts'
import { useStore } from '../../store/index.ts'
import { composeMapPng, downloadCanvas, exportName } from './export-map.ts'
import { useGapLegend } from './GapMapCard.tsx'

/** Where the dashboard is (a breadcrumb from the roll-up's path), the weight and the exports. */
export function DashHeader({
  rollup,
  onPrint,
}: {
  rollup: Rollup | undefined
  onPrint: (mapPng: string | null) => void
}) {
  const { t, lang } = useT()
  const weight = useStore((s) => s.dashWeight)
  const setWeight = useStore((s) => s.setDashWeight)
  const area = useStore((s) => dashboardAreaOf(s.areaPath))
  const homePath = useStore((s) => homePathOf(s.home))
  const legend = useGapLegend()
  const [exportError, setExportError] = useState<string | null>(null)
  const path = rollup?.path ?? []
  const name = rollup?.area.name ?? t('wholeCity')
  const title = `${t('dashTitle')} · ${name}`

  const exportPng = async () => {
    setExportError(null)
    try {
      const canvas = await composeMapPng(title, legend)
      await downloadCanvas(canvas, exportName(name, 'png'))
    } catch (e) {
      setExportError(describeError(e, lang))
    }
  }
  const print = async () => {
    let png: string | null = null
    try {
      png = (await composeMapPng(title, legend)).toDataURL('image/png')
    } catch {
      // Without a map (no WebGL) the page still prints its figures.
    }
    onPrint(png)
  }

  return (
    <section className="panel dash-head" aria-labelledby="dash-title">
      <h2 id="dash-title">{t('dashTitle')}</h2>
      <nav className="dash-crumbs" aria-label={t('areaPicker')} data-testid="dash-breadcrumb">
        {path.map((p, i) =>
          i === path.length - 1 ? (
            <span key={p.id} aria-current="page">
              {p.name}
              <span className="muted"> · {LEVEL_NAMES[lang][p.level]}</span>
            </span>
          ) : !mayClimbTo(p.level === 'city' ? null : p.id, homePath) ? (
            // Above the user's jurisdiction: named for context, not offered (the server refuses it).
            <span key={p.id}>
              <span className="muted">{p.name}</span>
              <span className="crumb-sep" aria-hidden="true">
                ›
              </span>
            </span>
          ) : (
            <span key={p.id}>
              <button
                type="button"
                className="link-button"
                data-testid="dash-crumb"
                onClick={() => void climbTo(p.id, p.level)}
              >
                {p.name}
              </button>
              <span className="crumb-sep" aria-hidden="true">
                ›
              </span>
            </span>
          ),
        )}
      </nav>
      <div className="dash-weight" role="group" aria-label={t('dashWeight')}>
        <span className="muted">{t('dashWeight')}</span>
        {WEIGHTS.map((w) => (
          <button
            key={w}
            type="button"
            aria-pressed={weight === w}
            data-testid={`dash-weight-${w}`}
            onClick={() => setWeight(w)}
          >
            {t(`dashWeight_${w}` as MessageKey)}
          </button>
        ))}
      </div>
      <p className="dash-scope muted">
        {interpolate(t('dashScope'), { weight: t(`dashWeight_${weight}` as MessageKey) })}
        {rollup?.settings.year ? ` · ${rollup.settings.year}` : ''}
      </p>
      <div className="dash-exports" role="group" aria-label={t('dashExport')}>
        <button type="button" data-testid="dash-export-png" onClick={() => void exportPng()}>
          {t('dashExportPng')}
        </button>
        <a
          className="button-like"
          data-testid="dash-export-xlsx"
          href={exportXlsxUrl(area, weight)}
          download
        >
          {t('dashExportXlsx')}
        </a>
        <button type="button" data-testid="dash-print" onClick={() => void print()}>
          {t('dashPrint')}
        </button>
      </div>
      {exportError && (
        <p className="dash-error" role="alert">
          {exportError}
        </p>
      )}
      <p className="print-only muted">
        {interpolate(t('dashPrintedAt'), { date: formatDate(new Date().toISOString()) })}
      </p>
    </section>
  )
}
