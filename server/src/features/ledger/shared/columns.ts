// The compound columns the ledger reads and writes, derived from the import core's fields so that
// import, edit and export agree on one list. Names here are code, never user input: SQL uses them
// only through sql.ident with this list as the whitelist.
import { COMPOUND_FIELDS, type CompoundField } from '../../../import/index.ts'
import { sql, type Sql } from '../../../db/sql.ts'

/** Ledger fields that are not compound columns: the community is resolved to community_id. */
export const PLACE_FIELDS = ['community', 'district', 'street'] as const satisfies CompoundField[]

/** Ledger fields stored as compound columns of the same name, in export order. */
export const LEDGER_COLUMNS = COMPOUND_FIELDS.filter(
  (f) => !(PLACE_FIELDS as readonly string[]).includes(f),
) as Exclude<CompoundField, (typeof PLACE_FIELDS)[number]>[]

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number]

/** NOT NULL columns with a default: an empty cell leaves them as they are (0 or {} when new). */
export const DEFAULTED: Partial<Record<LedgerColumn, Sql>> = Object.fromEntries(
  LEDGER_COLUMNS.filter(
    (c) =>
      c === 'households' ||
      c === 'residents' ||
      c.startsWith('members_') ||
      c === 'vanguard_size' ||
      c === 'consultations' ||
      c === 'problems_logged' ||
      c === 'problems_closed',
  )
    .map((c) => [c, sql`0`] as [LedgerColumn, Sql])
    .concat([['self_governance', sql`'{}'::text[]`]]),
)

/** Columns that may never be null: code and name are required, is_old is derived when not given. */
export const NOT_NULL: readonly LedgerColumn[] = [
  'code',
  'name',
  'is_old',
  ...(Object.keys(DEFAULTED) as LedgerColumn[]),
]

/** Every column an edit or import may change, besides the ledger values. */
export const EXTRA_COLUMNS = ['community_id', 'boundary', 'location', 'source_crs'] as const

/** Every changeable compound column (the whitelist for identifiers). */
export const WRITABLE_COLUMNS: readonly string[] = [...LEDGER_COLUMNS, ...EXTRA_COLUMNS]

/** A quoted compound column name from the whitelist. */
export const col = (name: string) => sql.ident(name, WRITABLE_COLUMNS)

/**
 * Compares a column of a populated record `p` with the compound `c`; self_governance as a set,
 * since the order of bodies in a cell means nothing.
 */
export const differs = (name: LedgerColumn, p: Sql, c: Sql): Sql =>
  name === 'self_governance'
    ? sql`ARRAY(SELECT unnest(${p}.self_governance) ORDER BY 1) IS DISTINCT FROM ARRAY(SELECT unnest(${c}.self_governance) ORDER BY 1)`
    : sql`${p}.${col(name)} IS DISTINCT FROM ${c}.${col(name)}`
