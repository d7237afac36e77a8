// The ledger table's rows from the store, memoised by identity: building the 20,000 rows runs
// once per compounds answer, sorting once per sort change, filtering once per filter change.
import { useDeferredValue } from 'react'
import type { LedgerExtraColumns } from '../api/ledger-types.ts'
import type { CompoundFeature, CoverageStatus } from '../api/types.ts'
import { dataOf } from './async.ts'
import { useStore } from './index.ts'
import {
  buildRows,
  filterRows,
  normalise,
  sortRows,
  type LedgerRow,
  type LedgerSort,
} from './ledger-table.ts'
import { memoLast, useFeatures, useRestriction } from './selectors.ts'

const rowsOf = memoLast((features: CompoundFeature[], extra: LedgerExtraColumns | undefined) =>
  buildRows(features, extra),
)
const sortedOf = memoLast((rows: LedgerRow[], sort: LedgerSort) => sortRows(rows, sort))
const filteredOf = memoLast(
  (
    rows: LedgerRow[],
    inside: ReadonlySet<string> | null,
    statuses: CoverageStatus[],
    query: string,
  ) => filterRows(rows, { inside, statuses, query: normalise(query) }),
)

export interface LedgerTable {
  /** All rows of the city. */
  total: number
  /** The rows shown: area, statuses and search applied, sorted. */
  rows: readonly LedgerRow[]
  /** True while a new filter or sort is being applied (the old rows stay on screen). */
  pending: boolean
}

export function useLedgerTable(): LedgerTable {
  const features = useFeatures()
  const extra = useStore((s) => dataOf(s.ledgerColumns))
  const sort = useStore((s) => s.ledgerSort)
  const statuses = useStore((s) => s.ledgerStatuses)
  const query = useStore((s) => s.ledgerQuery)
  const { inside } = useRestriction()
  // Typing stays responsive: the filter runs at a lower priority than the keystroke.
  const deferredQuery = useDeferredValue(query)
  const all = rowsOf(features, extra)
  const rows = filteredOf(sortedOf(all, sort), inside, statuses, deferredQuery)
  return { total: all.length, rows, pending: deferredQuery !== query }
}

/** The filtered features for the map's highlight; null when nothing narrows the table beyond the area. */
export function useLedgerHighlight(): readonly LedgerRow[] | null {
  const statuses = useStore((s) => s.ledgerStatuses)
  const query = useStore((s) => s.ledgerQuery)
  const { rows } = useLedgerTable()
  return statuses.length === 0 && query.trim() === '' ? null : rows
}
