// Committing a dry run on PGlite and PostGIS: all-or-nothing, audited, idempotent on re-import,
// refused when committed twice or when the ledger changed since the dry run.
import { beforeAll, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { buildGeoJson } from '../../server/src/import/test-fixtures.ts'
import {
  call,
  ledgerApp,
  tinySquare,
  upload,
} from '../../server/src/features/ledger/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { loadTinyCity } from '../fixtures/tiny-city.ts'

const polygon = (ring: number[][]) => ({ type: 'Polygon' as const, coordinates: [ring] })

// Where the tiny city draws each compound (x offset in degrees), so a sheet can keep its boundary.
const TINY_X: Record<string, number> = { A: 0, B: 0.0012, C: 0.0024, D: 0.004, E: 0.006 }

/** A file that renames compound `existing` and adds two new compounds with codes prefix-1, prefix-2. */
const sheet = (prefix: string, existing: string, newName: string, x: number) =>
  buildGeoJson(`${prefix}.geojson`, [
    {
      properties: { 小区编码: existing, 小区名称: newName },
      geometry: polygon(tinySquare(TINY_X[existing]!, 0)),
    },
    {
      properties: {
        小区编码: `${prefix}-1`,
        小区名称: `${prefix}一`,
        所属社区: '一号社区',
        建成年代: 1996,
        户数: 300,
      },
      geometry: polygon(tinySquare(x, 0.01)),
    },
    {
      properties: {
        小区编码: `${prefix}-2`,
        小区名称: `${prefix}二`,
        所属社区: '二号社区',
        户数: '1.2万',
      },
      geometry: polygon(tinySquare(x + 0.002, 0.01)),
    },
  ])

const counts = async (db: Db) =>
  (
    await db.query<{ compounds: number; audits: number; versions: number }>(sql`
      SELECT (SELECT count(*)::int FROM compound) AS compounds,
        (SELECT count(*)::int FROM audit_log) AS audits,
        (SELECT sum(version)::int FROM compound) AS versions`)
  )[0]!

describeEachDb('ledger import commit', (getDb) => {
  let ids: Record<string, number>
  const app = () => ledgerApp(getDb())
  const commit = (id: number) =>
    call(app(), 'POST', `/api/ledger/imports/${id}/commit`, undefined, '张三')

  beforeAll(async () => {
    ids = await loadTinyCity(getDb())
  })

  it('inserts new and updates changed compounds with versions, audit entries and a committed status', async () => {
    const before = await counts(getDb())
    const dry = await upload(app(), [sheet('P', 'A', '玉林北路小区', 0.03)], { crs: 'WGS84' })
    expect(dry.body.counts).toMatchObject({ new: 2, changed: 1, unchanged: 0, rejected: 0 })
    const { status, body } = await commit(dry.body.id)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      status: 'committed',
      commit: { created: 2, updated: 1 },
      progress: null,
    })
    expect(body.committedAt).toMatch(/Z$/)
    const after = await counts(getDb())
    expect(after.compounds).toBe(before.compounds + 2)
    // One entry per written compound and one for the import.
    expect(after.audits).toBe(before.audits + 4)
    const [a] = await getDb().query<{ name: string; version: number }>(
      sql`SELECT name, version FROM compound WHERE id = ${ids.A!}`,
    )
    expect(a).toEqual({ name: '玉林北路小区', version: 2 })
    const [p2] = await getDb().query<Record<string, unknown>>(sql`
      SELECT households, is_old, community_id, version, ST_Equals(location, ST_PointOnSurface(boundary)) AS located
      FROM compound WHERE code = 'P-2'`)
    expect(p2).toEqual({
      households: 12000,
      is_old: false,
      community_id: '510104001002',
      version: 1,
      located: true,
    })
    const history = await call(app(), 'GET', `/api/compounds/${ids.A!}/history`)
    expect(history.body.entries[0]).toMatchObject({
      actor: '张三',
      action: 'import.update',
      importId: dry.body.id,
      before: { name: '小区A' },
      after: { name: '玉林北路小区' },
    })
    const [imp] = await getDb().query<{ action: string; actor: string }>(sql`
      SELECT action, actor FROM audit_log WHERE entity = 'ledger_import' AND entity_id = ${String(dry.body.id)}`)
    expect(imp).toEqual({ action: 'import.commit', actor: '张三' })
  })

  it('finds nothing to do when the same file is imported again', async () => {
    const file = sheet('Q', 'B', '小区B改', 0.04)
    const first = await upload(app(), [file], { crs: 'WGS84' })
    expect((await commit(first.body.id)).status).toBe(200)
    const again = await upload(app(), [file], { crs: 'WGS84' })
    expect(again.body.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3, rejected: 0 })
    const before = await counts(getDb())
    expect((await commit(again.body.id)).body.commit).toEqual({ created: 0, updated: 0 })
    expect((await counts(getDb())).versions).toBe(before.versions)
  })

  it('refuses to commit an import twice', async () => {
    const dry = await upload(app(), [sheet('R', 'C', '小区C改', 0.05)], { crs: 'WGS84' })
    expect((await commit(dry.body.id)).status).toBe(200)
    const second = await commit(dry.body.id)
    expect(second.status).toBe(409)
    expect(second.body.error.message).toContain('已经提交过')
  })

  it('refuses a commit when a matched compound was edited after the dry run', async () => {
    const dry = await upload(app(), [sheet('S', 'D', '小区D改', 0.06)], { crs: 'WGS84' })
    const edited = await call(app(), 'PATCH', `/api/compounds/${ids.D!}`, {
      version: 1,
      changes: { households: 99 },
    })
    expect(edited.status).toBe(200)
    const before = await counts(getDb())
    const { status, body } = await commit(dry.body.id)
    expect(status).toBe(409)
    expect(body.error.details.stale).toEqual([{ rowNumber: 1, code: 'D' }])
    expect(await counts(getDb())).toEqual(before)
  })
})

describeEachDb('ledger import commit, all or nothing', (getDb) => {
  const app = () => ledgerApp(getDb())

  beforeAll(async () => {
    await loadTinyCity(getDb())
    // A rule only the database knows, standing in for any constraint the dry run cannot see.
    await getDb().exec(
      `ALTER TABLE compound ADD CONSTRAINT test_no_banned_name CHECK (name <> '禁用名')`,
    )
  })

  it('writes nothing when a row fails in the database midway through the commit', async () => {
    const dry = await upload(app(), [sheet('T', 'E', '禁用名', 0.07)], { crs: 'WGS84' })
    expect(dry.body.counts).toMatchObject({ new: 2, changed: 1, rejected: 0 })
    const before = await counts(getDb())
    const { status, body } = await call(app(), 'POST', `/api/ledger/imports/${dry.body.id}/commit`)
    expect(status).toBe(409)
    expect(body.error.message).toContain('提交失败,未写入任何数据')
    expect(body.error.details.sqlstate).toBe('23514')
    // The two new compounds were inserted before the update failed: the rollback took them too.
    expect(await counts(getDb())).toEqual(before)
    const rows = await getDb().query(sql`SELECT 1 FROM compound WHERE code LIKE 'T-%'`)
    expect(rows).toEqual([])
    const stored = await call(app(), 'GET', `/api/ledger/imports/${dry.body.id}`)
    expect(stored.body).toMatchObject({ status: 'failed', commit: null })
    expect(stored.body.error).toContain('提交失败')
  })
})
