import { useEffect } from 'react'
import { useT } from '../../i18n/use-t.ts'
import { statusCss } from '../../layers/status-colors.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { selectCompound } from '../../store/loaders.ts'
import { useFeature } from '../../store/selectors.ts'
import { Spinner } from '../status/Spinner.tsx'
import { ledgerGroups, type LedgerRow } from './ledger-groups.ts'
import './compound-panel.css'

function Rows({ rows }: { rows: LedgerRow[] }) {
  return (
    <dl className="ledger-rows">
      {rows.map((r) => (
        <div className="ledger-row" key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** The selected compound's ledger (台账), grouped; opens on click, closes with × or Esc. */
export function CompoundPanel() {
  const { t, lang, statusName } = useT()
  const selectedId = useStore((s) => s.selectedId)
  const detailState = useStore((s) => s.detail)
  const feature = useFeature(selectedId)
  const open = selectedId !== null
  useEffect(() => {
    if (!open) return
    // Esc closes the ledger wherever the focus is (usually on the map after a click).
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && void selectCompound(null)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  if (selectedId === null) return null

  const detail = dataOf(detailState)
  const current = detail && detail.id === selectedId ? detail : undefined
  // The map's feature gives the name at once; the ledger arrives a moment later.
  const name = current?.name ?? feature?.properties.name ?? '—'
  const status = current?.status ?? feature?.properties.status
  const isOld = current?.isOld ?? feature?.properties.isOld

  return (
    <aside
      key={selectedId}
      className="panel compound-panel"
      data-testid="compound-panel"
      aria-labelledby="compound-name"
    >
      <header className="compound-header">
        <h2 id="compound-name" data-testid="compound-name">
          {name}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('close')}
          onClick={() => void selectCompound(null)}
        >
          ×
        </button>
      </header>
      <div className="compound-tags">
        {status && (
          <span className="status-chip">
            <span className="swatch" style={{ background: statusCss(status) }} />
            {statusName(status)}
          </span>
        )}
        {isOld !== undefined && (
          <span className="tag">{isOld ? t('oldCompoundTag') : t('newCompoundTag')}</span>
        )}
      </div>
      {detailState.status === 'loading' && !current && (
        <p className="muted" role="status">
          <Spinner /> {t('loadingCompound')}
        </p>
      )}
      {detailState.status === 'error' && !current && (
        <p className="inline-error">{t('errorCompound')}</p>
      )}
      {current &&
        ledgerGroups(current, lang).map((g) => (
          <section className="ledger-group" key={g.id} aria-label={g.title}>
            <h3>{g.title}</h3>
            {g.rows.length > 0 && <Rows rows={g.rows} />}
            {g.subgroups.map((sub, i) => (
              <div className="ledger-subgroup" key={i}>
                <h4>{sub.title}</h4>
                <Rows rows={sub.rows} />
              </div>
            ))}
            {g.note && <p className="muted">{g.note}</p>}
          </section>
        ))}
    </aside>
  )
}
