import { useT } from '../../i18n/use-t.ts'
import './analysis-panel.css'

/** The title of an analysis panel (joint branches, siting) and its close button. */
export function AnalysisHeader({
  titleId,
  title,
  onClose,
}: {
  titleId: string
  title: string
  onClose: () => void
}) {
  const { t } = useT()
  return (
    <header className="analysis-header">
      <h2 id={titleId}>{title}</h2>
      <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
    </header>
  )
}
