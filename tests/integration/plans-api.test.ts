// Plans: create (empty, from candidates, copy), list, read, context, versioned change batches
// (conflicts, all-or-nothing, validation naming the change and field), copy and archive; on PGlite
// and PostGIS. Adoption, compare and export have their own files.
import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { ledgerApp } from '../../server/src/features/ledger/test-fixtures.ts'
import {
  branch,
  loadPlanCity,
  planCaller,
  TINY,
} from '../../server/src/features/plans/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'

describeEachDb('plans API', (getDb) => {
  let ids: Record<string, number>
  const api = planCaller(() => ledgerApp(getDb()))
  const newPlan = async (name: string, extra: Record<string, unknown> = {}) => {
    const res = await api('POST', '/api/plans', { name, areaId: TINY.street, ...extra })
    expect(res.status).toBe(201)
    return res.body
  }
  const auditCount = async (id: number) => {
    const [row] = await getDb().query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'plan' AND entity_id = ${String(id)}`,
    )
    return row!.n
  }

  beforeAll(async () => {
    ids = await loadPlanCity(getDb())
  })

  describe('create and read', () => {
    it('creates an empty draft at version 1 with its area and author', async () => {
      const plan = await newPlan('春熙路方案一')
      expect(plan).toMatchObject({
        name: '春熙路方案一',
        area: { id: TINY.street, name: '春熙路街道', level: 'street', code: TINY.street },
        status: 'draft',
        version: 1,
        createdBy: '规划员',
        updatedBy: '规划员',
        adoptedAt: null,
        adoptedBy: null,
        copiedFrom: null,
        branches: [],
        stations: [],
      })
      expect(plan.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      expect((await api('GET', `/api/plans/${plan.id}`)).body).toEqual(plan)
      expect(await auditCount(plan.id)).toBe(1)
    })

    it('loads the joint-branch candidates of the area as joint branches', async () => {
      const plan = await newPlan('候选方案', { from: 'candidates' })
      const sets = plan.branches.map((b: { compoundIds: number[] }) =>
        [...b.compoundIds].sort((x, y) => x - y),
      )
      expect(sets).toEqual([
        [ids.P1, ids.P2, ids.P3].sort((x, y) => x! - y!),
        [ids.P4, ids.P5].sort((x, y) => x! - y!),
      ])
      expect(plan.branches[0]).toMatchObject({
        key: 'c1',
        kind: 'joint',
        boundary: null,
        locked: false,
        reason: null,
      })
      expect(plan.branches[0].name).toContain('联合党支部')
    })

    it('refuses an unknown area, a district, and a bad body, naming the field', async () => {
      const unknown = await api('POST', '/api/plans', { name: 'x', areaId: '510104009' })
      expect(unknown.status).toBe(400)
      expect(unknown.body.error.details.issues[0].field).toBe('areaId')
      const district = await api('POST', '/api/plans', { name: 'x', areaId: TINY.district })
      expect(district.status).toBe(400)
      expect(district.body.error.message).toContain('街道或社区')
      const empty = await api('POST', '/api/plans', { name: ' ', areaId: TINY.street })
      expect(empty.status).toBe(400)
      expect(empty.body.error.details.issues[0].field).toBe('name')
      const from = await api('POST', '/api/plans', { name: 'x', areaId: TINY.street, from: 'x' })
      expect(from.status).toBe(400)
      expect(from.body.error.details.issues[0].field).toBe('from')
    })

    it('answers 404 for a missing plan and 400 for a bad id', async () => {
      expect((await api('GET', '/api/plans/999999')).status).toBe(404)
      const bad = await api('GET', '/api/plans/abc')
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues[0].field).toBe('id')
    })
  })

  describe('list', () => {
    it('lists plans of an area and of the areas below it, with counts', async () => {
      const community = await api('POST', '/api/plans', {
        name: '一号社区方案',
        areaId: TINY.community1,
      })
      expect(community.status).toBe(201)
      await api('POST', `/api/plans/${community.body.id}/changes`, {
        version: 1,
        changes: [{ op: 'upsertBranch', branch: branch('k1', [ids.P1!, ids.P2!, ids.P3!]) }],
      })
      const street = (await api('GET', `/api/plans?area=${TINY.street}`)).body.plans
      expect(street.map((p: { id: number }) => p.id)).toContain(community.body.id)
      const inCommunity = (await api('GET', `/api/plans?area=${TINY.community1}`)).body.plans
      expect(inCommunity.map((p: { id: number }) => p.id)).toEqual([community.body.id])
      expect(inCommunity[0]).toMatchObject({
        name: '一号社区方案',
        area: { id: TINY.community1, level: 'community', name: '一号社区' },
        status: 'draft',
        version: 2,
        branches: 1,
        compounds: 3,
        createdBy: '规划员',
        updatedBy: '规划员',
        copiedFrom: null,
      })
      expect((await api('GET', `/api/plans?area=${TINY.community2}`)).body.plans).toEqual([])
      expect((await api('GET', '/api/plans?area=510104009001')).status).toBe(404)
    })
  })

  describe('context', () => {
    it('gives rules, every compound of the area with coverage, adjacency and coverage', async () => {
      const plan = await newPlan('上下文')
      const { status, body } = await api('GET', `/api/plans/${plan.id}/context`)
      expect(status).toBe(200)
      expect(body.area).toEqual(plan.area)
      expect(body.rules).toEqual({
        minMembers: 3,
        maxCompounds: 5,
        maxMembers: 50,
        gapM: 30,
        radiusM: 500,
      })
      expect(body.compounds).toHaveLength(14)
      const byCode = Object.fromEntries(body.compounds.map((c: { code: string }) => [c.code, c]))
      const [orgA] = await getDb().query<{ org_id: number }>(
        sql`SELECT org_id FROM org_compound WHERE compound_id = ${ids.A}`,
      )
      expect(byCode.A).toMatchObject({
        id: ids.A,
        name: '小区A',
        members: 5,
        households: 100,
        communityId: TINY.community1,
        communityName: '一号社区',
        status: 'standalone',
        orgId: orgA!.org_id,
        small: false,
        old: true,
      })
      expect(byCode.H).toMatchObject({ status: 'instructor', orgId: null, small: true })
      expect(byCode.G).toMatchObject({ old: false, status: 'no_members' })
      expect(byCode.P4).toMatchObject({ members: 2, small: true, orgId: null })
      expect(byCode.A.lng).toBeCloseTo(104.0005, 6)
      expect(byCode.A.lat).toBeCloseTo(30.0005, 6)
      const pair = (a: string, b: string) => [ids[a]!, ids[b]!].sort((x, y) => x - y)
      expect(body.adjacency).toEqual(
        [
          pair('A', 'B'),
          pair('B', 'C'),
          pair('P1', 'P2'),
          pair('P2', 'P3'),
          pair('P3', 'P4'),
          pair('P4', 'P5'),
          pair('P5', 'Q'),
        ].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!),
      )
      expect(body.coverageBefore).toEqual({
        oldCompounds: 13,
        organised: 4,
        organisationCoverage: 4 / 13,
      })
    })

    it('limits a community plan to its own compounds', async () => {
      const res = await api('POST', '/api/plans', { name: '二号', areaId: TINY.community2 })
      const { body } = await api('GET', `/api/plans/${res.body.id}/context`)
      expect(body.compounds.map((c: { code: string }) => c.code).sort()).toEqual(['H', 'Q'])
      expect(body.adjacency).toEqual([])
      expect(body.coverageBefore).toEqual({
        oldCompounds: 2,
        organised: 1,
        organisationCoverage: 0.5,
      })
    })
  })

  describe('change batches', () => {
    it('applies every kind of change, bumps the version and writes one audit entry', async () => {
      const plan = await newPlan('编辑')
      const polygon = {
        type: 'Polygon',
        coordinates: [
          [
            [104, 30.002],
            [104.004, 30.002],
            [104.004, 30.003],
            [104, 30.003],
            [104, 30.002],
          ],
        ],
      }
      const { status, body } = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [
          { op: 'upsertBranch', branch: branch('b1', [ids.P1!, ids.P2!]) },
          {
            op: 'upsertBranch',
            branch: branch('b2', [ids.E!], {
              kind: 'standalone',
              locked: true,
              reason: '人员将迁入',
            }),
          },
          { op: 'upsertBranch', branch: branch('b3', [ids.F!]) },
          { op: 'deleteBranch', key: 'b3' },
          {
            op: 'upsertBranch',
            branch: branch('b1', [ids.P1!, ids.P2!, ids.P3!], { boundary: polygon }),
          },
          { op: 'upsertStation', station: { key: 's1', name: '新站', lng: 104.001, lat: 30.0025 } },
          { op: 'rename', name: '编辑后' },
        ],
      })
      expect(status).toBe(200)
      expect(body).toMatchObject({ name: '编辑后', version: 2, updatedBy: '规划员' })
      expect(body.branches).toEqual([
        {
          ...branch('b1', [ids.P1!, ids.P2!, ids.P3!]),
          boundary: polygon,
          orgId: null,
        },
        {
          ...branch('b2', [ids.E!], { kind: 'standalone', locked: true, reason: '人员将迁入' }),
          orgId: null,
        },
      ])
      expect(body.stations).toEqual([
        { key: 's1', name: '新站', lng: 104.001, lat: 30.0025, stationId: null },
      ])
      expect(await auditCount(plan.id)).toBe(2)

      // A second batch: keys keep their place, a deleted branch frees its compounds.
      const next = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 2,
        changes: [
          { op: 'deleteBranch', key: 'b1' },
          { op: 'upsertBranch', branch: branch('b4', [ids.P1!]) },
          { op: 'upsertBranch', branch: branch('b2', [ids.E!, ids.F!]) },
          { op: 'deleteStation', key: 's1' },
        ],
      })
      expect(next.status).toBe(200)
      expect(next.body.version).toBe(3)
      expect(next.body.branches.map((b: { key: string }) => b.key)).toEqual(['b2', 'b4'])
      expect(next.body.stations).toEqual([])
    })

    it('lets only one of two batches on the same version win; the other gets 409 with the current plan', async () => {
      const plan = await newPlan('并发')
      const results = await Promise.all([
        api(
          'POST',
          `/api/plans/${plan.id}/changes`,
          {
            version: 1,
            changes: [{ op: 'upsertBranch', branch: branch('x', [ids.P1!]) }],
          },
          '甲',
        ),
        api(
          'POST',
          `/api/plans/${plan.id}/changes`,
          {
            version: 1,
            changes: [{ op: 'upsertBranch', branch: branch('y', [ids.P2!]) }],
          },
          '乙',
        ),
      ])
      expect(results.map((r) => r.status).sort()).toEqual([200, 409])
      const won = results.find((r) => r.status === 200)!
      const lost = results.find((r) => r.status === 409)!
      expect(lost.body.error.code).toBe('CONFLICT')
      expect(lost.body.error.message).toContain('已被他人修改')
      expect(lost.body.error.details.current).toEqual(won.body)
      const now = (await api('GET', `/api/plans/${plan.id}`)).body
      expect(now).toEqual(won.body)
      expect(now.version).toBe(2)
      expect(now.branches).toHaveLength(1)
    })

    it('answers a stale version with 409 and the current plan, changing nothing', async () => {
      const plan = await newPlan('过期')
      await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [{ op: 'rename', name: '新名' }],
      })
      const stale = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [{ op: 'rename', name: '旧版本的名' }],
      })
      expect(stale.status).toBe(409)
      expect(stale.body.error.details.current).toMatchObject({ name: '新名', version: 2 })
      expect((await api('GET', `/api/plans/${plan.id}`)).body.name).toBe('新名')
    })

    it('refuses a whole batch when one change is bad, leaving the plan unchanged', async () => {
      const plan = await newPlan('全有或全无')
      await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [{ op: 'upsertBranch', branch: branch('a', [ids.P1!, ids.P2!]) }],
      })
      const before = (await api('GET', `/api/plans/${plan.id}`)).body
      const audits = await auditCount(plan.id)
      const res = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 2,
        changes: [
          { op: 'rename', name: '不应生效' },
          { op: 'deleteBranch', key: 'a' },
          { op: 'upsertBranch', branch: branch('b', [ids.P3!, 99_999]) },
        ],
      })
      expect(res.status).toBe(400)
      expect(res.body.error.details.issues).toEqual([
        { field: 'changes.2.branch.compoundIds', message: expect.stringContaining('99999') },
      ])
      expect((await api('GET', `/api/plans/${plan.id}`)).body).toEqual(before)
      expect(await auditCount(plan.id)).toBe(audits)
    })

    it('refuses a compound in two branches of the plan, naming the change', async () => {
      const plan = await newPlan('重复')
      await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [{ op: 'upsertBranch', branch: branch('a', [ids.P1!, ids.P2!]) }],
      })
      const res = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 2,
        changes: [
          { op: 'upsertBranch', branch: branch('b', [ids.P3!]) },
          { op: 'upsertBranch', branch: branch('c', [ids.P4!, ids.P2!]) },
        ],
      })
      expect(res.status).toBe(400)
      expect(res.body.error.details.issues).toEqual([
        { field: 'changes.1.branch.compoundIds', message: expect.stringContaining('支部a') },
      ])
      // Moving a compound in one batch (take it out of a, put it in c) is fine.
      const moved = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 2,
        changes: [
          { op: 'upsertBranch', branch: branch('c', [ids.P4!, ids.P2!]) },
          { op: 'upsertBranch', branch: branch('a', [ids.P1!]) },
        ],
      })
      expect(moved.status).toBe(200)
    })

    it('refuses a compound outside the area and a branch listing a compound twice', async () => {
      const res = await api('POST', '/api/plans', { name: '社区二', areaId: TINY.community2 })
      const out = await api('POST', `/api/plans/${res.body.id}/changes`, {
        version: 1,
        changes: [{ op: 'upsertBranch', branch: branch('a', [ids.Q!, ids.P5!]) }],
      })
      expect(out.status).toBe(400)
      expect(out.body.error.details.issues).toEqual([
        {
          field: 'changes.0.branch.compoundIds',
          message: expect.stringContaining('不在方案所属区域'),
        },
      ])
      const twice = await api('POST', `/api/plans/${res.body.id}/changes`, {
        version: 1,
        changes: [{ op: 'upsertBranch', branch: branch('a', [ids.Q!, ids.Q!]) }],
      })
      expect(twice.status).toBe(400)
      expect(twice.body.error.details.issues[0].field).toBe('changes.0.branch.compoundIds')
    })

    it('names the change and field of shape errors and of an invalid outline', async () => {
      const plan = await newPlan('形状')
      const kind = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [
          { op: 'rename', name: 'ok' },
          { op: 'upsertBranch', branch: branch('a', [ids.P1!], { kind: 'big' }) },
        ],
      })
      expect(kind.status).toBe(400)
      expect(kind.body.error.details.issues[0].field).toBe('changes.1.branch.kind')
      const op = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [{ op: 'paint' }],
      })
      expect(op.status).toBe(400)
      expect(op.body.error.details.issues[0].field).toBe('changes.0.op')
      const open = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [
          {
            op: 'upsertBranch',
            branch: branch('a', [], {
              boundary: {
                type: 'Polygon',
                coordinates: [
                  [
                    [104, 30],
                    [104.1, 30],
                    [104.1, 30.1],
                    [104, 30.1],
                  ],
                ],
              },
            }),
          },
        ],
      })
      expect(open.status).toBe(400)
      expect(open.body.error.details.issues[0].field).toBe(
        'changes.0.branch.boundary.coordinates.0',
      )
      const bowTie = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [
          {
            op: 'upsertBranch',
            branch: branch('a', [], {
              boundary: {
                type: 'Polygon',
                coordinates: [
                  [
                    [104, 30],
                    [104.1, 30.1],
                    [104.1, 30],
                    [104, 30.1],
                    [104, 30],
                  ],
                ],
              },
            }),
          },
        ],
      })
      expect(bowTie.status).toBe(400)
      expect(bowTie.body.error.details.issues[0].field).toBe('changes.0.branch.boundary')
      expect(bowTie.body.error.details.issues[0].message).toContain('边界无效')
      const gone = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [{ op: 'deleteBranch', key: 'nope' }],
      })
      expect(gone.status).toBe(400)
      expect(gone.body.error.details.issues[0].field).toBe('changes.0.key')
      const none = await api('POST', `/api/plans/${plan.id}/changes`, { version: 1, changes: [] })
      expect(none.status).toBe(400)
      expect((await api('GET', `/api/plans/${plan.id}`)).body.version).toBe(1)
    })

    it('answers 404 for changes to a missing plan', async () => {
      const res = await api('POST', '/api/plans/999999/changes', {
        version: 1,
        changes: [{ op: 'rename', name: 'x' }],
      })
      expect(res.status).toBe(404)
    })
  })

  describe('copy and archive', () => {
    it('copies branches and stations into a new draft that remembers its source', async () => {
      const plan = await newPlan('原方案')
      await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 1,
        changes: [
          { op: 'upsertBranch', branch: branch('a', [ids.P1!, ids.P2!], { reason: '理由' }) },
          { op: 'upsertStation', station: { key: 's', name: '站', lng: 104.001, lat: 30.0025 } },
        ],
      })
      const source = (await api('GET', `/api/plans/${plan.id}`)).body
      const res = await api('POST', `/api/plans/${plan.id}/copy`, { name: '副本' }, '另一人')
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({
        name: '副本',
        version: 1,
        status: 'draft',
        copiedFrom: plan.id,
        createdBy: '另一人',
        area: source.area,
      })
      expect(res.body.id).not.toBe(plan.id)
      expect(res.body.branches).toEqual(source.branches)
      expect(res.body.stations).toEqual(source.stations)
      // The copy is independent of its source.
      await api('POST', `/api/plans/${res.body.id}/changes`, {
        version: 1,
        changes: [{ op: 'deleteBranch', key: 'a' }],
      })
      expect((await api('GET', `/api/plans/${plan.id}`)).body.branches).toHaveLength(1)
      const viaCreate = await api('POST', '/api/plans', {
        name: '又一个副本',
        areaId: TINY.street,
        copyOf: plan.id,
      })
      expect(viaCreate.status).toBe(201)
      expect(viaCreate.body).toMatchObject({ copiedFrom: plan.id, branches: source.branches })
      const elsewhere = await api('POST', '/api/plans', {
        name: 'x',
        areaId: TINY.community1,
        copyOf: plan.id,
      })
      expect(elsewhere.status).toBe(400)
      expect(elsewhere.body.error.details.issues[0].field).toBe('copyOf')
      expect((await api('POST', '/api/plans/999999/copy', { name: 'x' })).status).toBe(404)
      expect((await api('POST', `/api/plans/${plan.id}/copy`, {})).status).toBe(400)
    })

    it('archives at a version, refuses a stale one, and freezes the plan', async () => {
      const plan = await newPlan('归档')
      const stale = await api('DELETE', `/api/plans/${plan.id}?version=7`)
      expect(stale.status).toBe(409)
      expect(stale.body.error.details.current).toMatchObject({ id: plan.id, version: 1 })
      const res = await api('DELETE', `/api/plans/${plan.id}?version=1`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ status: 'archived', version: 2 })
      const edit = await api('POST', `/api/plans/${plan.id}/changes`, {
        version: 2,
        changes: [{ op: 'rename', name: 'x' }],
      })
      expect(edit.status).toBe(409)
      expect(edit.body.error.message).toContain('已归档')
      expect(edit.body.error.details.current.status).toBe('archived')
      expect((await api('DELETE', `/api/plans/${plan.id}`)).status).toBe(400)
      expect((await api('DELETE', '/api/plans/999999?version=1')).status).toBe(404)
    })
  })
})
