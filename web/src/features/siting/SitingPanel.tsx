import type { SitingResult } from '../../api/siting-types.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { useSitingResult } from '../../store/siting-selectors.ts'
import { AnalysisHeader } from '../analysis-panel/AnalysisHeader.tsx'
import { downloadJson } from '../joint-branches/download.ts'
import { SaveAsPlanButton } from '../plans/SaveAsPlanButton.tsx'
import { CoverageCurve } from './CoverageCurve.tsx'
import { exportName, sitingToGeoJson } from './export.ts'
import { SiteList } from './SiteList.tsx'
import { SitingForm } from './SitingForm.tsx'
import { SitingNotes } from './SitingNotes.tsx'
import { SitingSummary } from './SitingSummary.tsx'
import './siting-panel.css'

function ResultActions({ result }: { result: SitingResult }) {
  const { t } = useT()
  return (
    <div className="siting-result-actions">
      <button
        type="button"
        className="plain-button"
        disabled={result.chosen.length === 0}
        onClick={() => downloadJson(exportName(result), sitingToGeoJson(result))}
      >
        {t('sitingExport')}
      </button>
      <SaveAsPlanButton
        area={result.area}
        name={`${result.area.name}${t('sitingTitle')}`}
        seed={{
          stations: result.chosen.map((c) => ({
            name: c.name,
            lng: c.location[0],
            lat: c.location[1],
          })),
        }}
      />
    </div>
  )
}

/** 服务站选址: inputs and run, then coverage before → after, the curve and the chosen sites. */
export function SitingPanel() {
  const { t } = useT()
  const result = useSitingResult()
  const setOpen = useStore((s) => s.setSitingOpen)
  return (
    <section
      className="panel analysis-panel siting-panel"
      data-testid="siting-panel"
      aria-labelledby="siting-title"
    >
      <AnalysisHeader
        titleId="siting-title"
        title={t('sitingTitle')}
        onClose={() => setOpen(false)}
      />
      <p className="muted siting-intro">{t('sitingIntro')}</p>
      <SitingForm />
      {result ? (
        <>
          <SitingSummary result={result} />
          <SitingNotes notes={result.notes} />
          <CoverageCurve result={result} />
          <SiteList result={result} />
          <ResultActions result={result} />
        </>
      ) : (
        <p className="muted">{t('sitingIdle')}</p>
      )}
    </section>
  )
}
