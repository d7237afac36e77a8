import { useEffect, useState } from 'react'
import { saveCompound } from '../../api/ledger-endpoints.ts'
import { CompoundFormChanges } from '../../../../server/src/features/ledger/edit/edit-schemas.ts'
import { useT } from '../../i18n/use-t.ts'
import { statusCss } from '../../layers/status-colors.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { selectCompound } from '../../store/loaders.ts'
import { useFeature } from '../../store/selectors.ts'
import { Spinner } from '../status/Spinner.tsx'
import { CompoundScorecard } from '../dashboard/CompoundScorecard.tsx'
import { HistoryList } from '../ledger/HistoryList.tsx'
import { RecordForm } from '../ledger/RecordForm.tsx'
import { COMPOUND_FIELDS, compoundValues } from '../ledger/record-specs.ts'
import { applySavedCompound } from '../../store/ledger-loaders.ts'
import { RelatedRecords } from './RelatedRecords.tsx'
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
  const selectedId = useStore((s) => s.selectedId)
  // A new compound starts with a fresh panel: no form or history left open from the last one.
  return selectedId === null ? null : <Panel key={selectedId} selectedId={selectedId} />
}

function Panel({ selectedId }: { selectedId: number }) {
  const { t, lang, statusName } = useT()
  const [editing, setEditing] = useState(false)
  const [showHistory, setShowHistory] = useState(false)
  const [saves, setSaves] = useState(0)
  const detailState = useStore((s) => s.detail)
  const feature = useFeature(selectedId)
  useEffect(() => {
    if (editing) return
    // Esc closes the ledger wherever the focus is (usually on the map after a click); never a form.
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && void selectCompound(null)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [editing])

  const detail = dataOf(detailState)
  const current = detail && detail.id === selectedId ? detail : undefined
  // The map's feature gives the name at once; the ledger arrives a moment later.
  const name = current?.name ?? feature?.properties.name ?? '—'
  const status = current?.status ?? feature?.properties.status
  const isOld = current?.isOld ?? feature?.properties.isOld

  return (
    <aside
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
      {current && (
        <div className="panel-tools">
          <button
            type="button"
            className={editing ? 'tool-button on' : 'tool-button'}
            aria-pressed={editing}
            data-testid="compound-edit"
            onClick={() => setEditing((e) => !e)}
          >
            {t('edit')}
          </button>
          <button
            type="button"
            className={showHistory ? 'tool-button on' : 'tool-button'}
            aria-pressed={showHistory}
            data-testid="compound-history"
            onClick={() => setShowHistory((h) => !h)}
          >
            {t('history')}
          </button>
        </div>
      )}
      {current && showHistory && (
        <section className="ledger-group" aria-label={t('history')}>
          <h3>{t('history')}</h3>
          <HistoryList compoundId={current.id} stamp={saves} />
        </section>
      )}
      {current && editing && (
        <RecordForm
          title={t('editCompound')}
          testId="compound-form"
          fields={COMPOUND_FIELDS}
          record={current}
          version={(r) => r.version}
          values={compoundValues}
          schema={CompoundFormChanges}
          save={(body) => saveCompound(current.id, body).then((r) => r.record)}
          onSaved={(r) => {
            applySavedCompound(r)
            setSaves((n) => n + 1)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {current && !editing && <CompoundScorecard compoundId={current.id} />}
      {current &&
        !editing &&
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
      {current && !editing && <RelatedRecords detail={current} />}
    </aside>
  )
}
