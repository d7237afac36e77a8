// Funding records from a compound's panel: listing, creating for the compound's branch, saving
// with a version (409 when stale), Chinese 400s, history, and the form reads of organisations
// and stations, on PGlite and PostGIS.
import { beforeAll, expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { call, ledgerApp } from '../../server/src/features/ledger/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { loadTinyCity } from '../fixtures/tiny-city.ts'

describeEachDb('ledger funding records', (getDb) => {
  let ids: Record<string, number>
  let orgA = 0
  let orgBC = 0
  const app = () => ledgerApp(getDb())

  beforeAll(async () => {
    ids = await loadTinyCity(getDb())
    const orgs = await getDb().query<{ id: number; name: string }>(
      sql`SELECT id, name FROM party_org ORDER BY id`,
    )
    orgA = orgs.find((o) => o.name === '小区A党支部')!.id
    orgBC = orgs.find((o) => o.name === 'B-C联合党支部')!.id
  })

  it('creates a record for the compound’s live branch by default, with an audit entry', async () => {
    const { status, body } = await call(
      app(),
      'POST',
      `/api/compounds/${ids.B}/funding`,
      { year: 2024, source: 'org_dept', amount_yuan: 1500.5 },
      '李强',
    )
    expect(status).toBe(201)
    expect(body.record).toMatchObject({
      orgId: orgBC,
      orgName: 'B-C联合党支部',
      year: 2024,
      source: 'org_dept',
      amountYuan: 1500.5,
      version: 1,
    })
    const history = await call(app(), 'GET', `/api/funding/${body.record.id}/history`)
    expect(history.status).toBe(200)
    expect(history.body.entries).toHaveLength(1)
    expect(history.body.entries[0]).toMatchObject({
      actor: '李强',
      action: 'create',
      version: 1,
      before: null,
      after: { org_id: orgBC, year: 2024, source: 'org_dept' },
    })
  })

  it('lists the funding of the organisations covering a compound, shared by B and C', async () => {
    const b = await call(app(), 'GET', `/api/compounds/${ids.B}/funding`)
    const c = await call(app(), 'GET', `/api/compounds/${ids.C}/funding`)
    expect(b.status).toBe(200)
    expect(b.body.orgs).toEqual([
      { id: orgBC, name: 'B-C联合党支部', kind: 'joint', status: 'active' },
    ])
    expect(b.body.records.map((r: { orgId: number }) => r.orgId)).toEqual([orgBC])
    expect(c.body.records).toEqual(b.body.records)
    const d = await call(app(), 'GET', `/api/compounds/${ids.D}/funding`)
    expect(d.body).toEqual({ compoundId: ids.D, orgs: [], records: [] })
  })

  it('saves a record with its version, refuses a stale version with the current record', async () => {
    const created = await call(app(), 'POST', `/api/compounds/${ids.A}/funding`, {
      year: 2023,
      source: 'residents',
      amount_yuan: 800,
    })
    const id = created.body.record.id as number
    const saved = await call(
      app(),
      'PATCH',
      `/api/funding/${id}`,
      { version: 1, changes: { amount_yuan: 1200, source: 'co_building' } },
      '王芳',
    )
    expect(saved.status).toBe(200)
    expect(saved.body.record).toMatchObject({
      id,
      orgId: orgA,
      amountYuan: 1200,
      source: 'co_building',
      version: 2,
    })
    const stale = await call(app(), 'PATCH', `/api/funding/${id}`, {
      version: 1,
      changes: { amount_yuan: 1 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.message).toContain('经费记录')
    expect(stale.body.error.details.current).toMatchObject({ id, amountYuan: 1200, version: 2 })
    const [row] = await getDb().query<{ amount: number; version: number }>(
      sql`SELECT amount_yuan::float8 AS amount, version FROM funding WHERE id = ${id}`,
    )
    expect(row).toEqual({ amount: 1200, version: 2 })
    const history = await call(app(), 'GET', `/api/funding/${id}/history`)
    expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'update',
      'create',
    ])
    expect(history.body.entries[0]).toMatchObject({
      actor: '王芳',
      fields: ['source', 'amount_yuan'],
      before: { source: 'residents', amount_yuan: 800 },
      after: { source: 'co_building', amount_yuan: 1200 },
    })
  })

  it('lets only one of two concurrent saves from the same version win', async () => {
    const created = await call(app(), 'POST', `/api/compounds/${ids.A}/funding`, {
      year: 2022,
      source: 'returned_dues',
      amount_yuan: 300,
    })
    const id = created.body.record.id as number
    const results = await Promise.all([
      call(app(), 'PATCH', `/api/funding/${id}`, { version: 1, changes: { amount_yuan: 10 } }),
      call(app(), 'PATCH', `/api/funding/${id}`, { version: 1, changes: { amount_yuan: 20 } }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const history = await call(app(), 'GET', `/api/funding/${id}/history`)
    expect(history.body.entries).toHaveLength(2)
  })

  it('answers 400 naming the field in Chinese, and writes nothing', async () => {
    const before = await getDb().query(sql`SELECT count(*)::int AS n FROM funding`)
    const bad = await call(app(), 'POST', `/api/compounds/${ids.A}/funding`, {
      year: 1999,
      source: 'lottery',
      amount_yuan: 1.234,
    })
    expect(bad.status).toBe(400)
    const fields = bad.body.error.details.issues.map((i: { field: string }) => i.field)
    expect(fields).toEqual(['year', 'source', 'amount_yuan'])
    expect(bad.body.error.message).toContain('年度 (year): 须在 2000–2100 之间')
    expect(bad.body.error.message).toContain('金额(元) (amount_yuan): 最多两位小数')
    const none = await call(app(), 'POST', `/api/compounds/${ids.D}/funding`, {
      year: 2024,
      source: 'org_dept',
      amount_yuan: 100,
    })
    expect(none.status).toBe(400)
    expect(none.body.error.message).toContain('没有在用的党组织')
    const foreign = await call(app(), 'POST', `/api/compounds/${ids.A}/funding`, {
      org_id: orgBC,
      year: 2024,
      source: 'org_dept',
      amount_yuan: 100,
    })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error.message).toContain('不覆盖该小区')
    const empty = await call(app(), 'PATCH', `/api/funding/999999`, {
      version: 1,
      changes: { amount_yuan: null },
    })
    expect(empty.status).toBe(400)
    expect(await getDb().query(sql`SELECT count(*)::int AS n FROM funding`)).toEqual(before)
  })

  it('answers 404 for unknown compounds and records', async () => {
    const post = { year: 2024, source: 'org_dept', amount_yuan: 1 }
    expect((await call(app(), 'POST', '/api/compounds/999999/funding', post)).status).toBe(404)
    expect((await call(app(), 'GET', '/api/compounds/999999/funding')).status).toBe(404)
    const patch = { version: 1, changes: { amount_yuan: 2 } }
    expect((await call(app(), 'PATCH', '/api/funding/999999', patch)).status).toBe(404)
    expect((await call(app(), 'GET', '/api/funding/999999/history')).status).toBe(404)
  })

  it('reads an organisation and a station with their versions for the edit forms', async () => {
    const org = await call(app(), 'GET', `/api/orgs/${orgA}`)
    expect(org.status).toBe(200)
    expect(org.body).toMatchObject({
      id: orgA,
      name: '小区A党支部',
      kind: 'standalone',
      version: 1,
    })
    expect(org.body.compoundIds).toEqual([ids.A])
    const [s] = await getDb().query<{ id: number }>(sql`SELECT id FROM station LIMIT 1`)
    const station = await call(app(), 'GET', `/api/stations/${s!.id}`)
    expect(station.body).toMatchObject({ id: s!.id, name: 'A站', compoundId: ids.A, version: 1 })
    expect((await call(app(), 'GET', '/api/orgs/999999')).status).toBe(404)
    expect((await call(app(), 'GET', '/api/stations/999999')).status).toBe(404)
  })
})
