import { formatCount, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { cssOf, POINT_RGB } from '../../layers/siting-palette.ts'
import type { FieldError } from '../../store/joint-form.ts'
import { useStore } from '../../store/index.ts'
import { usesPoints } from '../../store/siting-form.ts'
import { FieldNote } from './SitingFields.tsx'

/** The analyst's own candidate sites: how many, the "add on the map" mode, and clearing them. */
export function PointsControl({ error }: { error: FieldError | undefined }) {
  const { t, lang } = useT()
  const count = useStore((s) => s.sitingPoints.length)
  const placing = useStore((s) => s.sitingPlacing)
  const source = useStore((s) => s.sitingForm.candidates)
  const setPlacing = useStore((s) => s.setSitingPlacing)
  const clear = useStore((s) => s.clearSitingPoints)
  const used = usesPoints(source)
  return (
    <div className={error ? 'siting-points wide invalid' : 'siting-points wide'}>
      <div className="siting-points-row">
        <span className="siting-points-count">
          <span className="siting-ring" style={{ borderColor: cssOf(POINT_RGB) }} />
          {interpolate(t('sitingPointsN'), { n: formatCount(count, lang) })}
        </span>
        <button
          type="button"
          className={placing ? 'plain-button on' : 'plain-button'}
          aria-pressed={placing}
          data-testid="siting-place"
          onClick={() => setPlacing(!placing)}
        >
          {placing ? t('sitingPlaceDone') : t('sitingPlace')}
        </button>
        <button type="button" className="plain-button" disabled={count === 0} onClick={clear}>
          {t('sitingClearPoints')}
        </button>
      </div>
      {placing && (
        <p className="analysis-hint" role="status">
          {t('sitingPlaceHint')}
        </p>
      )}
      {!used && count > 0 && <p className="analysis-hint">{t('sitingPointsIgnored')}</p>}
      {used && count === 0 && !error && <p className="analysis-hint">{t('sitingNoPoints')}</p>}
      <FieldNote field="points" error={error} />
    </div>
  )
}
