import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import type { ColumnMapping } from '../../../import/index.ts'

export interface SavedMapping {
  name: string
  mapping: ColumnMapping
  updatedBy: string
  updatedAt: string
}

const fields = sql`name, mapping, updated_by AS "updatedBy",
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"`

/** A saved column mapping by name, or undefined. */
export async function getMapping(db: Db, name: string): Promise<SavedMapping | undefined> {
  const [row] = await db.query<SavedMapping>(
    sql`SELECT ${fields} FROM ledger_mapping WHERE name = ${name}`,
  )
  return row
}

/** Every saved mapping, by name. */
export const listMappings = (db: Db) =>
  db.query<SavedMapping>(sql`SELECT ${fields} FROM ledger_mapping ORDER BY name`)

/** Saves (or replaces) a mapping under a name. */
export async function putMapping(
  db: Db,
  name: string,
  mapping: ColumnMapping,
  actor: string,
): Promise<SavedMapping> {
  const [row] = await db.query<SavedMapping>(sql`
    INSERT INTO ledger_mapping (name, mapping, updated_by) VALUES (${name}, ${JSON.stringify(mapping)}::jsonb, ${actor})
    ON CONFLICT (name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by,
      updated_at = now()
    RETURNING ${fields}`)
  return row!
}
