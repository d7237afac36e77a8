import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { COVERAGE_STATUSES } from '../../api/types.ts'
import { formatCount, formatText } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { statusCss } from '../../layers/status-colors.ts'
import { useStore } from '../../store/index.ts'
import { chooseRow } from '../../store/ledger-loaders.ts'
import { nextSort, type LedgerRow, type SortKey } from '../../store/ledger-table.ts'

export const ROW_PX = 32

const COLUMNS: { key: SortKey; label: MessageKey; numeric?: boolean }[] = [
  { key: 'name', label: 'colName' },
  { key: 'address', label: 'colAddress' },
  { key: 'community', label: 'colCommunity' },
  { key: 'status', label: 'colStatus' },
  { key: 'yearBuilt', label: 'colYear', numeric: true },
  { key: 'households', label: 'colHouseholds', numeric: true },
  { key: 'residents', label: 'colResidents', numeric: true },
  { key: 'membersFull', label: 'colMembers', numeric: true },
  { key: 'code', label: 'colCode' },
]

/** The 20,000-row table: only the rows in view are in the DOM (@tanstack/react-virtual). */
export function LedgerTable({ rows }: { rows: readonly LedgerRow[] }) {
  const { t, lang, statusName } = useT()
  const sort = useStore((s) => s.ledgerSort)
  const setSort = useStore((s) => s.setLedgerSort)
  const selectedId = useStore((s) => s.selectedId)
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser re-renders us itself
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
  })

  // A compound chosen anywhere (the map, a search) is scrolled into view and highlighted.
  useEffect(() => {
    if (selectedId === null) return
    const at = rows.findIndex((r) => r.id === selectedId)
    if (at >= 0) virtual.scrollToIndex(at, { align: 'auto' })
  }, [selectedId, rows, virtual])

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const at = rows.findIndex((r) => r.id === selectedId)
    const next = Math.max(0, Math.min(rows.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))
    if (rows[next]) chooseRow(rows[next].id)
  }

  const cell = (r: LedgerRow, key: SortKey) => {
    switch (key) {
      case 'status':
        return (
          <>
            <span className="swatch" style={{ background: statusCss(r.status) }} />
            {statusName(r.status)}
          </>
        )
      case 'yearBuilt':
        return r.yearBuilt === null ? '—' : String(r.yearBuilt)
      case 'households':
      case 'residents':
      case 'membersFull':
        return formatCount(r[key], lang)
      default:
        return formatText(r[key])
    }
  }

  return (
    <div
      ref={scroller}
      className="ledger-scroll"
      role="grid"
      aria-label={t('ledgerAria')}
      aria-rowcount={rows.length + 1}
      tabIndex={0}
      onKeyDown={onKey}
      data-testid="ledger-table"
    >
      <div className="ledger-tr ledger-head" role="row" aria-rowindex={1}>
        {COLUMNS.map((c) => {
          const on = sort.key === c.key
          return (
            <div
              key={c.key}
              role="columnheader"
              className={`ledger-th col-${c.key}${c.numeric ? ' num' : ''}`}
              aria-sort={on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                data-testid={`sort-${c.key}`}
                onClick={() => setSort(nextSort(sort, c.key))}
                title={on ? t(sort.dir === 'asc' ? 'sortAsc' : 'sortDesc') : undefined}
              >
                {t(c.label)}
                <span aria-hidden="true" className="sort-mark">
                  {on ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          )
        })}
      </div>
      <div className="ledger-body" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((v) => {
          const r = rows[v.index]!
          const selected = r.id === selectedId
          return (
            <div
              key={r.id}
              role="row"
              aria-rowindex={v.index + 2}
              aria-selected={selected}
              className={selected ? 'ledger-tr selected' : 'ledger-tr'}
              data-testid="ledger-row"
              data-id={r.id}
              style={{ transform: `translateY(${v.start}px)` }}
              onClick={() => chooseRow(r.id)}
            >
              {COLUMNS.map((c) => (
                <div
                  key={c.key}
                  role="gridcell"
                  className={`ledger-td col-${c.key}${c.numeric ? ' num' : ''}`}
                >
                  {cell(r, c.key)}
                </div>
              ))}
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** Status chips: click to keep only some statuses; none chosen keeps all. */
export function StatusFilter() {
  const { t, statusName } = useT()
  const chosen = useStore((s) => s.ledgerStatuses)
  const toggle = useStore((s) => s.toggleLedgerStatus)
  const clear = useStore((s) => s.clearLedgerStatuses)
  return (
    <div className="ledger-statuses" role="group" aria-label={t('ledgerStatusFilter')}>
      <button
        type="button"
        className={chosen.length === 0 ? 'chip on' : 'chip'}
        aria-pressed={chosen.length === 0}
        onClick={clear}
      >
        {t('ledgerAllStatuses')}
      </button>
      {COVERAGE_STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className={chosen.includes(s) ? 'chip on' : 'chip'}
          aria-pressed={chosen.includes(s)}
          data-testid={`status-${s}`}
          onClick={() => toggle(s)}
        >
          <span className="swatch" style={{ background: statusCss(s) }} />
          {statusName(s)}
        </button>
      ))}
    </div>
  )
}
