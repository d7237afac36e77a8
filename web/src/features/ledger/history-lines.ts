// A history entry as lines a planner reads: who, when, what changed before → after, with the
// ledger's field labels and coded values by name. Pure.
import type { HistoryEntry } from '../../api/ledger-types.ts'
import type { Lang } from '../../i18n/messages.ts'
import { fieldLabel } from './record-specs.ts'

export interface HistoryChange {
  field: string
  label: string
  before: unknown
  after: unknown
}

/** Bookkeeping columns every write touches; not shown. */
const HIDDEN = new Set(['id', 'version', 'updated_at', 'location', 'source_crs', 'created_at'])

/** The changed fields of an entry in the ledger's order of appearance, without bookkeeping. */
export function historyChanges(e: HistoryEntry, lang: Lang): HistoryChange[] {
  return e.fields
    .filter((f) => !HIDDEN.has(f))
    .map((f) => ({
      field: f,
      label: fieldLabel(f, lang),
      before: e.before?.[f] ?? null,
      after: e.after?.[f] ?? null,
    }))
}

/** An ISO time as local "YYYY-MM-DD HH:mm". */
export function historyTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
