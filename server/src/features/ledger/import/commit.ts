// Commits a dry run all-or-nothing: one transaction inserts the new compounds and updates the
// changed ones (each with its audit entry), or, on any failure, writes nothing at all.
import type { Db } from '../../../db/db.ts'
import { AppError } from '../../../lib/errors.ts'
import {
  actionableRows,
  finishCommit,
  insertNew,
  lockImport,
  staleRows,
  updateChanged,
} from './commit.queries.ts'
import { getImport, markFailed } from './import.queries.ts'
import { yieldToEventLoop } from '../shared/yield.ts'
import { trackCommit } from './progress.ts'

/** Rows per pair of statements: progress moves in steps of this size. */
const CHUNK = 2000

/** New compounds above which planner statistics are refreshed (PGlite runs no autovacuum). */
const ANALYZE_AFTER = 500

const refuse = (message: string, details?: unknown) => new AppError('CONFLICT', message, details)

function refuseState(id: number, status: string, blocking: boolean, error: string | null) {
  if (status === 'committed') throw refuse(`导入 ${id} 已经提交过,不能重复提交`)
  if (status === 'failed')
    throw refuse(`导入 ${id} 已失败${error ? `: ${error}` : ''}; 请重新上传做一次预检`)
  if (blocking) throw refuse(`导入 ${id} 有阻断问题(必填字段未映射),请修正映射后重新预检`)
}

/** True for errors PostgreSQL raises when data breaks a rule (SQLSTATE class 23, 22). */
const isDataError = (err: unknown): err is Error & { code: string } => {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^2[23]/.test(code)
}

/** Writes import `id` to the ledger; returns how many compounds were created and updated. */
export async function commitImport(
  db: Db,
  id: number,
  actor: string,
): Promise<{ created: number; updated: number }> {
  const current = await getImport(db, id)
  if (!current) throw new AppError('NOT_FOUND', `import ${id} not found`)
  refuseState(id, current.status, current.blocking.length > 0, current.error)
  const rows = await actionableRows(db, id)
  const tracker = trackCommit(db, id, rows.length)
  if (!tracker) throw refuse(`导入 ${id} 正在提交中`)
  try {
    const result = await db.tx(async (t) => {
      const [lock] = await lockImport(t, id)
      if (!lock) throw new AppError('NOT_FOUND', `import ${id} not found`)
      refuseState(id, lock.status, lock.blocking, null)
      const stale = await staleRows(t, id)
      if (stale.length > 0)
        throw refuse(
          `台账在预检之后被修改过(第${stale.map((s) => s.rowNumber).join('、')}行对应的小区); 请重新预检`,
          { stale },
        )
      let created = 0
      let updated = 0
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK)
        const range = {
          importId: id,
          lo: chunk[0]!.rowNumber,
          hi: chunk[chunk.length - 1]!.rowNumber,
          sourceCrs: lock.sourceCrs,
          actor,
        }
        created += await insertNew(t, range)
        const expected = chunk.filter((r) => r.action === 'changed').length
        const n = await updateChanged(t, range)
        // A compound edited between the stale check and this update keeps its edit: refuse all.
        if (n !== expected) throw refuse('台账在提交过程中被修改; 请重新预检')
        updated += n
        tracker.advance(chunk.length)
        await yieldToEventLoop()
      }
      await finishCommit(t, { importId: id, actor, created, updated })
      return { created, updated }
    })
    if (result.created > ANALYZE_AFTER) await db.exec('ANALYZE compound')
    return result
  } catch (err) {
    if (err instanceof AppError) throw err
    if (isDataError(err)) {
      const message = `提交失败,未写入任何数据: ${err.message}`
      await markFailed(db, id, message).catch(() => {})
      throw refuse(message, { sqlstate: err.code })
    }
    throw err
  } finally {
    tracker.done()
  }
}
