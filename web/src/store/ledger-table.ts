// The ledger table's rows: one per compound, joined from the map's features and the extra
// columns, then filtered (area, statuses, search text) and sorted. Pure, so it is tested directly
// and memoised by identity in ledger-selectors.ts.
import type { LedgerExtraColumns } from '../api/ledger-types.ts'
import { COVERAGE_STATUSES, type CompoundFeature, type CoverageStatus } from '../api/types.ts'

export interface LedgerRow {
  id: number
  code: string
  name: string
  address: string | null
  community: string | null
  street: string | null
  communityId: string
  status: CoverageStatus
  isOld: boolean
  yearBuilt: number | null
  households: number
  residents: number | null
  membersFull: number
  /** Normalised code, name and address, searched by `matches`. */
  text: string
}

export const SORT_KEYS = [
  'code',
  'name',
  'address',
  'community',
  'status',
  'yearBuilt',
  'households',
  'residents',
  'membersFull',
] as const
export type SortKey = (typeof SORT_KEYS)[number]
export interface LedgerSort {
  key: SortKey
  dir: 'asc' | 'desc'
}

/**
 * Text as the search compares it: full-width letters, digits and punctuation folded to half-width
 * (NFKC, so "ＡＢＣ１２" finds "abc12" and the ideographic space is a space), lower case, and
 * without white space.
 */
export const normalise = (s: string): string =>
  s.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

/** One row per feature; the extra columns fill in when present (null until they arrive). */
export function buildRows(
  features: readonly CompoundFeature[],
  extra: LedgerExtraColumns | undefined,
): LedgerRow[] {
  const at = new Map<number, number>()
  if (extra) extra.id.forEach((id, i) => at.set(id, i))
  return features.map((f) => {
    const p = f.properties
    const i = at.get(p.id)
    const address = i === undefined ? null : (extra!.address[i] ?? null)
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      address,
      community: i === undefined ? null : (extra!.community[i] ?? null),
      street: i === undefined ? null : (extra!.street[i] ?? null),
      communityId: p.communityId,
      status: p.status,
      isOld: p.isOld,
      yearBuilt: i === undefined ? null : (extra!.yearBuilt[i] ?? null),
      households: p.households,
      residents: i === undefined ? null : (extra!.residents[i] ?? null),
      membersFull: p.membersFull,
      text: normalise(`${p.code}\u0000${p.name}\u0000${address ?? ''}`),
    }
  })
}

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })
const STATUS_ORDER = new Map(COVERAGE_STATUSES.map((s, i) => [s, i]))

function compareBy(key: SortKey): (a: LedgerRow, b: LedgerRow) => number {
  switch (key) {
    case 'status':
      return (a, b) => STATUS_ORDER.get(a.status)! - STATUS_ORDER.get(b.status)!
    case 'code':
    case 'name':
    case 'address':
    case 'community':
      return (a, b) => collator.compare(a[key] ?? '', b[key] ?? '')
    default:
      return (a, b) => (a[key] ?? 0) - (b[key] ?? 0)
  }
}

const isMissing = (r: LedgerRow, key: SortKey) => r[key] === null || r[key] === ''

/** Rows sorted by one column; ties keep id order; empty values go last in both directions. */
export function sortRows(rows: readonly LedgerRow[], sort: LedgerSort): LedgerRow[] {
  const cmp = compareBy(sort.key)
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const ma = isMissing(a, sort.key)
    const mb = isMissing(b, sort.key)
    if (ma !== mb) return ma ? 1 : -1
    return sign * cmp(a, b) || a.id - b.id
  })
}

export interface LedgerFilter {
  /** Communities of the chosen area; null: the whole city. */
  inside: ReadonlySet<string> | null
  /** Statuses to keep; empty: all. */
  statuses: readonly CoverageStatus[]
  /** Search text, already normalised; empty: no search. */
  query: string
}

/** The rows passing the filter, in the order given. */
export function filterRows(rows: readonly LedgerRow[], f: LedgerFilter): readonly LedgerRow[] {
  if (!f.inside && f.statuses.length === 0 && f.query === '') return rows
  const statuses = f.statuses.length > 0 ? new Set(f.statuses) : null
  return rows.filter(
    (r) =>
      (!f.inside || f.inside.has(r.communityId)) &&
      (!statuses || statuses.has(r.status)) &&
      (f.query === '' || r.text.includes(f.query)),
  )
}

/** The next sort after a click on a column header: same column flips, a new one starts ascending. */
export const nextSort = (prev: LedgerSort, key: SortKey): LedgerSort =>
  prev.key === key ? { key, dir: prev.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }
