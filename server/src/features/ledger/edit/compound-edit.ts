// Saving a compound's ledger form: validated by the import core's schemas, community resolved,
// is_old derived from the year, boundary repaired, version checked in the UPDATE itself.
import { z } from '@hono/zod-openapi'
import type { Db } from '../../../db/db.ts'
import { sql, type Sql } from '../../../db/sql.ts'
import { compoundImportSchema } from '../../../import/index.ts'
import { AppError } from '../../../lib/errors.ts'
import { getCompound } from '../../compounds/compounds.queries.ts'
import { getSettings } from '../../settings/settings.queries.ts'
import { col, LEDGER_COLUMNS, NOT_NULL } from '../shared/columns.ts'
import { findCommunities } from '../shared/community.queries.ts'
import type { LedgerIssue } from '../shared/messages.ts'
import { boundaryRepairs, BoundarySchema, checkBoundary, repairedGeometry } from './boundary.ts'
import { fieldError } from './edit-hook.ts'
import { COMPOUND_LABELS, VersionSchema } from './edit-schemas.ts'
import { audit, diff, exists, versionedUpdate, type Values } from './versioned-update.ts'

/** The ledger fields a save may change (snake_case, as the import core names them) and the boundary. */
export const CompoundChanges = compoundImportSchema
  .extend({ boundary: BoundarySchema.nullable().optional() })
  .strict()

/** A save: the version the form was loaded at, and the changed fields. */
export const CompoundEdit = z.object({
  version: VersionSchema,
  changes: CompoundChanges,
})
export type CompoundEditBody = z.infer<typeof CompoundEdit>

/** Labels for the 400 messages: the Chinese ledger headers. */
export { COMPOUND_LABELS }

const label = (f: string) => COMPOUND_LABELS[f] ?? f

async function communityId(db: Db, changes: CompoundEditBody['changes']): Promise<string> {
  const text = changes.community
  if (!text) throw fieldError('changes.community', label('community'), '不能为空')
  const ids = await findCommunities(db, text, changes.street ?? null, changes.district ?? null)
  if (ids.length === 0)
    throw fieldError('changes.community', label('community'), `找不到社区 '${text}'`)
  if (ids.length > 1)
    throw fieldError(
      'changes.community',
      label('community'),
      `社区名 '${text}' 对应 ${ids.length} 个社区; 请填写街道、区县或 12 位社区编码`,
    )
  return ids[0]!
}

/** Current record, for a 409's details and the 200's body. */
const current = async (db: Db, id: number) =>
  getCompound(db, id, (await getSettings(db)).stationWalkM)

/**
 * Applies a save to compound `id`; returns the new record and what was repaired. Throws 404 when
 * there is no such compound, 409 with the current record when `version` is stale, 400 naming a field.
 */
export async function editCompound(db: Db, id: number, body: CompoundEditBody, actor: string) {
  const { changes } = body
  const values: Values = {}
  for (const c of LEDGER_COLUMNS) {
    if (!(c in changes)) continue
    const v = changes[c]
    if ((v === null || v === undefined) && NOT_NULL.includes(c))
      throw fieldError(`changes.${c}`, label(c), '不能为空')
    values[c] = v ?? null
  }
  if ('year_built' in values && !('is_old' in values) && typeof values.year_built === 'number')
    values.is_old = values.year_built < (await getSettings(db)).oldBeforeYear

  const sets: Sql[] = Object.keys(values).map((c) => sql`${col(c)} = p.${col(c)}`)
  if ('community' in changes) sets.push(sql`community_id = ${await communityId(db, changes)}`)
  let repairs: LedgerIssue[] = []
  if (changes.boundary === null) sets.push(sql`boundary = NULL`)
  else if (changes.boundary) {
    const geojson = checkBoundary(changes.boundary)
    repairs = await boundaryRepairs(db, geojson)
    const g = repairedGeometry(geojson)
    sets.push(
      sql`boundary = ${g}`,
      sql`location = ST_PointOnSurface(${g})`,
      sql`source_crs = 'EPSG:4326'`,
    )
  }

  if (sets.length === 0) {
    const record = await current(db, id)
    if (!record) throw new AppError('NOT_FOUND', `compound ${id} not found`)
    if (record.version !== body.version) throw stale(id, record)
    return { record, repairs }
  }
  try {
    await db.tx(async (t) => {
      const row = await versionedUpdate(t, {
        table: 'compound',
        id,
        version: body.version,
        sets,
        from: sql`jsonb_populate_record(NULL::compound, ${JSON.stringify(values)}::jsonb) AS p`,
      })
      if (!row) {
        if (!(await exists(t, 'compound', id)))
          throw new AppError('NOT_FOUND', `compound ${id} not found`)
        throw stale(id, undefined)
      }
      const d = diff(row.before, row.after, ['location', 'source_crs'])
      if (d.fields.length > 0)
        await audit(t, {
          actor,
          action: 'update',
          entity: 'compound',
          entityId: id,
          detail: { version: row.after.version, before: d.before, after: d.after },
        })
    })
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT' && err.details === undefined)
      throw stale(id, await current(db, id))
    if ((err as { code?: string }).code === '23505')
      throw fieldError(
        'changes.code',
        label('code'),
        `编码 '${String(changes.code)}' 已被另一小区使用`,
      )
    throw err
  }
  return { record: (await current(db, id))!, repairs }
}

/** The 409 of a stale save: the page shows the current record and offers to re-apply. */
const stale = (id: number, record: unknown) =>
  new AppError(
    'CONFLICT',
    `小区 ${id} 已被他人修改(版本已变); 请查看最新内容后重新保存`,
    record === undefined ? undefined : { current: record },
  )
