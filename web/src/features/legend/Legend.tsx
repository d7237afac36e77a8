import { COVERAGE_STATUSES } from '../../api/types.ts'
import { formatCount } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { statusCss } from '../../layers/status-colors.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { useStatusCounts } from '../../store/selectors.ts'
import './legend.css'

/** Status colours with Chinese names and counts in the chosen area; a click hides a status. */
export function Legend() {
  const { t, lang, statusName } = useT()
  const counts = useStatusCounts()
  // Before the compounds arrive (or when they failed) a count of 0 would be a false statement.
  const known = useStore(
    (s) => dataOf(s.compounds) !== undefined && s.compoundsPlan?.kind !== 'none',
  )
  const tiles = useStore((s) => s.mapMode === 'tiles')
  const hidden = useStore((s) => s.hiddenStatuses)
  const toggle = useStore((s) => s.toggleStatus)
  return (
    <section className="panel legend" data-testid="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend')}</h2>
      <ul>
        {COVERAGE_STATUSES.map((status) => {
          const off = hidden.includes(status)
          return (
            <li key={status}>
              <button
                type="button"
                className={off ? 'legend-item off' : 'legend-item'}
                aria-pressed={!off}
                title={t('legendToggleHint')}
                onClick={() => toggle(status)}
              >
                <span className="swatch" style={{ background: statusCss(status) }} />
                <span className="legend-name">{statusName(status)}</span>
                <span className="legend-count">
                  {off ? t('hidden') : formatCount(known ? counts[status] : null, lang)}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
      <p className="legend-note">{t('legendNote')}</p>
      {tiles && <p className="legend-note">{t('tileHexNote')}</p>}
    </section>
  )
}
