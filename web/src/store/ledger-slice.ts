// The ledger workspace: table rows, filters, the record being edited, imports.
import type { StateCreator } from 'zustand'
import type { AppState } from './index.ts'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LedgerSlice {}

export const createLedgerSlice: StateCreator<AppState, [], [], LedgerSlice> = () => ({})
