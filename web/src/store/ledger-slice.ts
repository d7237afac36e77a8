// The ledger workspace: the table's extra columns, its filters and sort, and camera requests.
import type { StateCreator } from 'zustand'
import type { LedgerExtraColumns } from '../api/ledger-types.ts'
import type { CompoundFeature, CoverageStatus } from '../api/types.ts'
import { idle, type Async } from './async.ts'
import type { AppState } from './index.ts'
import type { LedgerSort } from './ledger-table.ts'

export interface LedgerSlice {
  /** Address, year, residents, community names: what the map's GeoJSON leaves out. */
  ledgerColumns: Async<LedgerExtraColumns>
  /** The features the columns were loaded with; another compounds answer reloads them. */
  ledgerColumnsFor: CompoundFeature[] | null
  ledgerQuery: string
  /** Statuses the table keeps; empty: all. */
  ledgerStatuses: CoverageStatus[]
  ledgerSort: LedgerSort
  /** A request to frame a compound beside the table; `seq` changes for every request. */
  ledgerFly: { id: number; seq: number } | null
  setLedgerQuery: (q: string) => void
  toggleLedgerStatus: (s: CoverageStatus) => void
  clearLedgerStatuses: () => void
  setLedgerSort: (sort: LedgerSort) => void
}

export const createLedgerSlice: StateCreator<AppState, [], [], LedgerSlice> = (set) => ({
  ledgerColumns: idle(),
  ledgerColumnsFor: null,
  ledgerQuery: '',
  ledgerStatuses: [],
  ledgerSort: { key: 'code', dir: 'asc' },
  ledgerFly: null,
  setLedgerQuery: (ledgerQuery) => set({ ledgerQuery }),
  toggleLedgerStatus: (status) =>
    set((s) => ({
      ledgerStatuses: s.ledgerStatuses.includes(status)
        ? s.ledgerStatuses.filter((x) => x !== status)
        : [...s.ledgerStatuses, status],
    })),
  clearLedgerStatuses: () => set({ ledgerStatuses: [] }),
  setLedgerSort: (ledgerSort) => set({ ledgerSort }),
})
