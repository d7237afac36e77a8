import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'

export interface HistoryEntry {
  id: number
  /** ISO 8601, UTC, to the millisecond. */
  at: string
  actor: string
  /** 'update' (a form save), 'import.create', 'import.update'. */
  action: string
  importId: number | null
  version: number | null
  /** The fields that changed; a new compound lists every field it was created with. */
  fields: string[]
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** The audit entries of one record, newest first. */
export async function historyOf(
  db: Db,
  entity: 'compound' | 'party_org' | 'station' | 'funding',
  id: number,
  limit: number,
): Promise<HistoryEntry[]> {
  const rows = await db.query<Omit<HistoryEntry, 'fields'>>(sql`
    SELECT id::int AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
      actor, action, (detail->>'importId')::int AS "importId", (detail->>'version')::int AS version,
      detail->'before' AS before, detail->'after' AS after
    FROM audit_log
    WHERE entity = ${entity} AND entity_id = ${String(id)}
    ORDER BY at DESC, id DESC LIMIT ${limit}`)
  return rows.map((r) => ({ ...r, fields: Object.keys(r.after ?? r.before ?? {}) }))
}
