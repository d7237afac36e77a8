// Saving a compound's ledger form: the happy path, a stale version, bad fields, boundary repair,
// and the history that every save leaves, on PGlite and PostGIS.
import { beforeAll, expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import {
  bowTie,
  call,
  ledgerApp,
  tinySquare,
} from '../../server/src/features/ledger/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { loadTinyCity, TINY } from '../fixtures/tiny-city.ts'

describeEachDb('ledger edit of a compound', (getDb) => {
  let ids: Record<string, number>
  const app = () => ledgerApp(getDb())
  const patch = (id: number, body: unknown, user = '王芳') =>
    call(app(), 'PATCH', `/api/compounds/${id}`, body, user)
  const versionOf = async (id: number) =>
    (await call(app(), 'GET', `/api/compounds/${id}`)).body.version as number

  beforeAll(async () => {
    ids = await loadTinyCity(getDb())
  })

  it('saves changed fields, bumps the version and returns the new record', async () => {
    const { status, body } = await patch(ids.D!, {
      version: 1,
      changes: { households: 420, property_mgmt: 'trust', year_built: 2008 },
    })
    expect(status).toBe(200)
    expect(body.repairs).toEqual([])
    expect(body.record).toMatchObject({
      id: ids.D,
      code: 'D',
      households: 420,
      propertyMgmt: 'trust',
      yearBuilt: 2008,
      isOld: false, // derived from the year: built after 2004
      version: 2,
    })
  })

  it('answers 409 with the current record when the version is stale, and writes nothing', async () => {
    const first = await patch(ids.E!, { version: 1, changes: { name: '第一次保存' } })
    expect(first.status).toBe(200)
    const { status, body } = await patch(ids.E!, { version: 1, changes: { name: '过期的保存' } })
    expect(status).toBe(409)
    expect(body.error.code).toBe('CONFLICT')
    expect(body.error.message).toContain('已被他人修改')
    expect(body.error.details.current).toMatchObject({ id: ids.E, name: '第一次保存', version: 2 })
    expect(await versionOf(ids.E!)).toBe(2)
  })

  it('lets only one of two concurrent saves from the same version win', async () => {
    const version = await versionOf(ids.F!)
    const results = await Promise.all([
      patch(ids.F!, { version, changes: { residents: 111 } }),
      patch(ids.F!, { version, changes: { residents: 222 } }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const winner = results.find((r) => r.status === 200)!.body.record.residents
    const [row] = await getDb().query<{ residents: number; version: number }>(
      sql`SELECT residents, version FROM compound WHERE id = ${ids.F!}`,
    )
    expect(row).toEqual({ residents: winner, version: version + 1 })
  })

  it('answers 400 naming the bad field with a Chinese message', async () => {
    const { status, body } = await patch(ids.G!, { version: 1, changes: { households: -5 } })
    expect(status).toBe(400)
    expect(body.error.code).toBe('BAD_REQUEST')
    expect(body.error.message).toBe('填写有误: 户数 (changes.households): 须为非负整数')
    expect(body.error.details.issues).toEqual([
      { field: 'changes.households', label: '户数', message: '须为非负整数' },
    ])
  })

  it('answers 400 for an unknown field and for emptying a required one', async () => {
    const unknown = await patch(ids.G!, { version: 1, changes: { colour: 'red' } })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.message).toContain('未知字段 colour')
    const empty = await patch(ids.G!, { version: 1, changes: { households: null } })
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toBe('填写有误: 户数 (changes.households): 不能为空')
  })

  it('moves a compound to another community named by its name', async () => {
    const { status, body } = await patch(ids.G!, {
      version: await versionOf(ids.G!),
      changes: { community: '二号社区' },
    })
    expect(status).toBe(200)
    expect(body.record.communityId).toBe(TINY.community2)
    const bad = await patch(ids.G!, {
      version: body.record.version,
      changes: { community: '九号' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0]).toMatchObject({
      field: 'changes.community',
      label: '所属社区',
    })
  })

  it('repairs an invalid boundary with ST_MakeValid and reports it', async () => {
    const version = await versionOf(ids.H!)
    const { status, body } = await patch(ids.H!, {
      version,
      changes: { boundary: { type: 'Polygon', coordinates: [bowTie(0.02, 0)] } },
    })
    expect(status).toBe(200)
    expect(body.repairs).toHaveLength(1)
    expect(body.repairs[0].code).toBe('BOUNDARY_REPAIRED')
    expect(body.repairs[0].zh).toContain('已用 ST_MakeValid 修复')
    const [row] = await getDb().query<{ valid: boolean; parts: number }>(sql`
      SELECT ST_IsValid(boundary) AS valid, ST_NumGeometries(boundary) AS parts
      FROM compound WHERE id = ${ids.H!}`)
    expect(row).toEqual({ valid: true, parts: 2 })
  })

  it('refuses a boundary outside China, naming the field', async () => {
    const { status, body } = await patch(ids.H!, {
      version: await versionOf(ids.H!),
      changes: {
        boundary: {
          type: 'Polygon',
          coordinates: [tinySquare(0, 0).map(([x, y]) => [y!, x!])],
        },
      },
    })
    expect(status).toBe(400)
    expect(body.error.message).toContain('边界 (changes.boundary): 经纬度看起来颠倒了')
  })

  it('lists every save in the history, newest first, with before and after', async () => {
    const id = ids.C!
    await patch(id, { version: 1, changes: { consultations: 3 } }, '李雷')
    await patch(id, { version: 2, changes: { consultations: 5, name: '新名' } }, '韩梅梅')
    const { status, body } = await call(app(), 'GET', `/api/compounds/${id}/history`)
    expect(status).toBe(200)
    expect(body.id).toBe(id)
    expect(body.entries.map((e: { actor: string }) => e.actor)).toEqual(['韩梅梅', '李雷'])
    expect(body.entries[0]).toMatchObject({
      action: 'update',
      version: 3,
      importId: null,
      fields: ['name', 'consultations'],
      before: { name: '小区C', consultations: 3 },
      after: { name: '新名', consultations: 5 },
    })
    expect(body.entries[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('answers 404 for the history of an unknown compound', async () => {
    expect((await call(app(), 'GET', '/api/compounds/999999/history')).status).toBe(404)
  })

  it('saves a party organisation with its version and refuses a stale one', async () => {
    const [org] = await getDb().query<{ id: number }>(
      sql`SELECT id FROM party_org WHERE name = '小区A党支部'`,
    )
    const path = `/api/orgs/${org!.id}`
    const saved = await call(app(), 'PATCH', path, {
      version: 1,
      changes: { secretary_name: '赵敏', committee_size: 3, founded: '2021-07-01' },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.record).toMatchObject({
      secretaryName: '赵敏',
      committeeSize: 3,
      founded: '2021-07-01',
      version: 2,
    })
    const stale = await call(app(), 'PATCH', path, { version: 1, changes: { name: '旧' } })
    expect(stale.status).toBe(409)
    expect(stale.body.error.details.current).toMatchObject({ secretaryName: '赵敏', version: 2 })
    const history = await call(app(), 'GET', `${path}/history`)
    expect(history.body.entries[0]).toMatchObject({
      action: 'update',
      before: { secretary_name: '王芳', committee_size: null, founded: null },
      after: { secretary_name: '赵敏', committee_size: 3, founded: '2021-07-01' },
    })
    const bad = await call(app(), 'PATCH', path, {
      version: 2,
      changes: { secretary_phone: 'abc' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toBe(
      '填写有误: 书记电话 (changes.secretary_phone): 须为电话号码',
    )
  })

  it('saves a station, moving its point, and refuses a point outside China', async () => {
    const [station] = await getDb().query<{ id: number }>(sql`SELECT id FROM station LIMIT 1`)
    const path = `/api/stations/${station!.id}`
    const saved = await call(app(), 'PATCH', path, {
      version: 1,
      changes: { area_m2: 85.5, origin: 'stilt_floor', location: [104.0006, 30.0004] },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.record).toMatchObject({
      areaM2: 85.5,
      origin: 'stilt_floor',
      location: [104.0006, 30.0004],
      version: 2,
    })
    const outside = await call(app(), 'PATCH', path, {
      version: 2,
      changes: { location: [2.35, 48.85] },
    })
    expect(outside.status).toBe(400)
    expect(outside.body.error.details.issues[0]).toMatchObject({
      field: 'changes.location',
      label: '位置',
    })
    const noCompound = await call(app(), 'PATCH', path, {
      version: 2,
      changes: { compound_id: 999999 },
    })
    expect(noCompound.status).toBe(400)
    expect(noCompound.body.error.message).toContain('所在小区')
  })
})
