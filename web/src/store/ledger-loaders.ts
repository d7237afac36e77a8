// The ledger workspace's side effects: loading the table's extra columns, selecting a row, and
// writing a saved record back into the map's features and the table without reloading 20,000 rows.
import { fetchLedgerColumns } from '../api/ledger-endpoints.ts'
import type { CompoundRecord, LedgerExtraColumns } from '../api/ledger-types.ts'
import type { CompoundCollection } from '../api/types.ts'
import { dataOf } from './async.ts'
import { useStore } from './index.ts'
import { load, selectCompound } from './loaders.ts'

/** Loads the extra columns for the current compounds, unless already loaded for them. */
export function loadLedgerColumns(force = false) {
  const s = useStore.getState()
  const features = dataOf(s.compounds)?.features ?? null
  // Tile mode over an area too large to list: no rows to join columns to (ListTooLargeNotice).
  if (!features || (features.length === 0 && s.compoundsPlan?.kind === 'none')) return
  if (!force && s.ledgerColumnsFor === features && s.ledgerColumns.status !== 'error') return
  useStore.setState({ ledgerColumnsFor: features })
  // Tile mode lists one area: its columns only, not the whole dataset's.
  const area = s.compoundsPlan?.kind === 'area' ? s.compoundsPlan.areaId : undefined
  return load(
    'ledger-columns',
    `${area ?? 'all'}:n${features.length}`,
    { get: (st) => st.ledgerColumns, put: (_, ledgerColumns) => ({ ledgerColumns }) },
    (signal) => fetchLedgerColumns(signal, area),
  )
}

/** A row click: select the compound (its ledger opens) and frame it beside the table. */
export function chooseRow(id: number) {
  void selectCompound(id)
  useStore.setState((s) => ({ ledgerFly: { id, seq: (s.ledgerFly?.seq ?? 0) + 1 } }))
}

/** The store after a save of compound `record`: its feature, its table columns, its detail. */
export function applySavedCompound(record: CompoundRecord) {
  useStore.setState((s) => {
    const fc = dataOf(s.compounds)
    const patch: Partial<typeof s> = {}
    if (fc && s.compounds.status === 'ready') {
      const features = fc.features.map((f) =>
        f.properties.id === record.id
          ? {
              ...f,
              properties: {
                ...f.properties,
                code: record.code,
                name: record.name,
                status: record.status,
                isOld: record.isOld,
                households: record.households,
                membersFull: record.members.full,
                communityId: record.communityId,
              },
            }
          : f,
      )
      const compounds: CompoundCollection = { ...fc, features }
      patch.compounds = { ...s.compounds, data: compounds }
      // The columns stay valid for the new features: only this compound's entry changes.
      patch.ledgerColumnsFor = features
      const cols = dataOf(s.ledgerColumns)
      if (cols && s.ledgerColumns.status === 'ready') {
        const at = cols.id.indexOf(record.id)
        if (at >= 0) {
          const next: LedgerExtraColumns = {
            ...cols,
            address: cols.address.with(at, record.address),
            yearBuilt: cols.yearBuilt.with(at, record.yearBuilt),
            residents: cols.residents.with(at, record.residents),
            version: cols.version.with(at, record.version),
          }
          patch.ledgerColumns = { ...s.ledgerColumns, data: next }
        }
      }
    }
    if (s.selectedId === record.id)
      patch.detail = { status: 'ready', key: String(record.id), data: record }
    return patch
  })
}
