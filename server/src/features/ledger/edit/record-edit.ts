// Saving an organisation or station form: the same optimistic pattern as compounds, for records
// whose fields map one to one onto columns.
import type { Db } from '../../../db/db.ts'
import { sql, type Sql } from '../../../db/sql.ts'
import { AppError } from '../../../lib/errors.ts'
import { fieldError } from './edit-hook.ts'
import { audit, diff, exists, versionedUpdate, type Values } from './versioned-update.ts'

export interface RecordEdit<R extends { version: number } | undefined> {
  table: 'party_org' | 'station' | 'funding'
  /** What a message calls one record: '党组织', '党群服务站', '经费记录'. */
  noun: string
  /** Columns a save may set (the whitelist for identifiers). */
  columns: readonly string[]
  /** Columns that may not be emptied. */
  required: readonly string[]
  labels: Record<string, string>
  load: (db: Db, id: number) => Promise<R | undefined>
}

const TYPES = ['party_org', 'station', 'funding']

/**
 * Applies `values` (column → value) and `extraSets` to record `id` if it is still at `version`;
 * returns the new record. 404 when missing, 409 with the current record when stale.
 */
export async function editRecord<R extends { version: number } | undefined>(
  db: Db,
  spec: RecordEdit<R>,
  r: { id: number; version: number; values: Values; extraSets?: Sql[]; actor: string },
): Promise<R> {
  for (const c of spec.required)
    if (c in r.values && (r.values[c] === null || r.values[c] === undefined))
      throw fieldError(`changes.${c}`, spec.labels[c] ?? c, '不能为空')
  const sets = [
    ...Object.keys(r.values).map((c) => {
      const name = sql.ident(c, spec.columns)
      return sql`${name} = p.${name}`
    }),
    ...(r.extraSets ?? []),
  ]
  const stale = (current: R | undefined) =>
    new AppError(
      'CONFLICT',
      `${spec.noun} ${r.id} 已被他人修改(版本已变); 请查看最新内容后重新保存`,
      { current },
    )
  if (sets.length === 0) {
    const current = await spec.load(db, r.id)
    if (!current) throw new AppError('NOT_FOUND', `${spec.table} ${r.id} not found`)
    if (current.version !== r.version) throw stale(current)
    return current
  }
  const updated = await db.tx(async (t) => {
    const row = await versionedUpdate(t, {
      table: spec.table,
      id: r.id,
      version: r.version,
      sets,
      from: sql`jsonb_populate_record(NULL::${sql.ident(spec.table, TYPES)}, ${JSON.stringify(r.values)}::jsonb) AS p`,
    })
    if (!row) return false
    const d = diff(row.before, row.after)
    if (d.fields.length > 0)
      await audit(t, {
        actor: r.actor,
        action: 'update',
        entity: spec.table,
        entityId: r.id,
        detail: { version: row.after.version, before: d.before, after: d.after },
      })
    return true
  })
  if (!updated) {
    if (!(await exists(db, spec.table, r.id)))
      throw new AppError('NOT_FOUND', `${spec.table} ${r.id} not found`)
    throw stale(await spec.load(db, r.id))
  }
  return (await spec.load(db, r.id))!
}
