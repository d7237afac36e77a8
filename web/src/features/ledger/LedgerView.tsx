import { useEffect, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { exportUrl } from '../../api/ledger-endpoints.ts'
import type { ExportEntity, ExportFormat } from '../../api/ledger-types.ts'
import { formatCount, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { selectedAreaId } from '../../store/area-path.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { loadLedgerColumns } from '../../store/ledger-loaders.ts'
import { useLedgerTable } from '../../store/ledger-selectors.ts'
import { ListTooLargeNotice, useListTooLarge } from '../../map/ListTooLargeNotice.tsx'
import { ImportWizard } from '../ledger-import/ImportWizard.tsx'
import { LedgerTable, StatusFilter } from './LedgerTable.tsx'
import './ledger.css'

const ENTITIES: {
  entity: ExportEntity
  label: 'ledgerExportCompounds' | 'ledgerExportOrgs' | 'ledgerExportStations'
}[] = [
  { entity: 'compounds', label: 'ledgerExportCompounds' },
  { entity: 'orgs', label: 'ledgerExportOrgs' },
  { entity: 'stations', label: 'ledgerExportStations' },
]
const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'geojson']

/** Width of the ledger panel in px, kept between visits of the tab. */
let savedWidth: number | null = null

function ExportMenu() {
  const { t } = useT()
  const [entity, setEntity] = useState<ExportEntity>('compounds')
  const area = useStore((s) => selectedAreaId(s.areaPath))
  const statuses = useStore((s) => s.ledgerStatuses)
  return (
    <div className="ledger-export" role="group" aria-label={t('ledgerExport')}>
      <label>
        {t('ledgerExport')}
        <select
          aria-label={t('ledgerExportWhat')}
          value={entity}
          onChange={(e) => setEntity(e.target.value as ExportEntity)}
        >
          {ENTITIES.map((e) => (
            <option key={e.entity} value={e.entity}>
              {t(e.label)}
            </option>
          ))}
        </select>
      </label>
      {FORMATS.map((f) => (
        <a
          key={f}
          className="chip"
          href={exportUrl(entity, f, area, statuses)}
          download
          title={t('ledgerExportNote')}
          data-testid={`export-${f}`}
        >
          {f === 'geojson' ? 'GeoJSON' : f.toUpperCase()}
        </a>
      ))}
    </div>
  )
}

/** The ledger workspace: the table of every compound beside the map, with search and filters. */
export function LedgerView() {
  const tooLarge = useListTooLarge()
  const { t, lang } = useT()
  const compounds = useStore((s) => s.compounds)
  const columns = useStore((s) => s.ledgerColumns)
  const query = useStore((s) => s.ledgerQuery)
  const setQuery = useStore((s) => s.setLedgerQuery)
  const table = useLedgerTable()
  const [importing, setImporting] = useState(false)
  const [width, setWidth] = useState<number | null>(savedWidth)
  const features = dataOf(compounds)?.features
  useEffect(() => {
    if (features) void loadLedgerColumns()
  }, [features])

  const startResize = (e: ReactPointerEvent<HTMLDivElement>) => {
    const el = e.currentTarget
    el.setPointerCapture(e.pointerId)
    const move = (ev: PointerEvent) => {
      const w = Math.max(360, Math.min(window.innerWidth - 320, ev.clientX))
      savedWidth = w
      setWidth(w)
    }
    const up = () => {
      el.removeEventListener('pointermove', move)
      el.removeEventListener('pointerup', up)
    }
    el.addEventListener('pointermove', move)
    el.addEventListener('pointerup', up)
  }

  return (
    <aside
      className="panel ledger-panel"
      data-testid="ledger-panel"
      aria-label={t('ledgerTitle')}
      style={width ? { width } : undefined}
    >
      <header className="ledger-header">
        <h2>{t('ledgerTitle')}</h2>
        <span className="ledger-count" data-testid="ledger-count" aria-live="polite">
          {interpolate(t('ledgerCount'), {
            total: formatCount(table.total, lang),
            shown: formatCount(table.rows.length, lang),
          })}
        </span>
        <button type="button" className="primary-button" onClick={() => setImporting(true)}>
          {t('ledgerImport')}
        </button>
      </header>
      <div className="ledger-filters">
        <input
          type="search"
          className="ledger-search"
          placeholder={t('ledgerSearch')}
          aria-label={t('ledgerSearchAria')}
          data-testid="ledger-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ExportMenu />
      </div>
      <StatusFilter />
      {columns.status === 'loading' && !dataOf(columns) && (
        <p className="muted ledger-note">{t('ledgerLoadingColumns')}</p>
      )}
      {columns.status === 'error' && (
        <p className="inline-error ledger-note">
          {t('ledgerErrorColumns')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => void loadLedgerColumns(true)}
          >
            {t('retry')}
          </button>
        </p>
      )}
      {tooLarge ? (
        <ListTooLargeNotice />
      ) : table.rows.length === 0 && features ? (
        <p className="muted ledger-note">{t('ledgerNoRows')}</p>
      ) : (
        <LedgerTable rows={table.rows} />
      )}
      <div
        className="ledger-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('ledgerResize')}
        onPointerDown={startResize}
      />
      {importing && <ImportWizard onClose={() => setImporting(false)} />}
    </aside>
  )
}
