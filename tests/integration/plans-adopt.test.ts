// Adopting a plan: every rule re-checked on live data, covered compounds refused, all or nothing,
// and the area's coverage figures move by exactly the compounds the plan organises.
import { beforeAll, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { ledgerApp } from '../../server/src/features/ledger/test-fixtures.ts'
import {
  branch,
  loadPlanCity,
  planCaller,
  TINY,
} from '../../server/src/features/plans/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'

/** What adoption may change, to compare before and after a refused one. */
async function ledgerSnapshot(db: Db) {
  const [row] = await db.query<{ orgs: unknown; links: unknown; stations: number; audits: number }>(
    sql`SELECT
      (SELECT coalesce(json_agg(o ORDER BY o.id), '[]') FROM party_org o) AS orgs,
      (SELECT coalesce(json_agg(oc ORDER BY oc.org_id, oc.compound_id), '[]') FROM org_compound oc) AS links,
      (SELECT count(*)::int FROM station) AS stations,
      (SELECT count(*)::int FROM audit_log WHERE entity <> 'plan' OR action = 'adopt') AS audits`,
  )
  return row!
}

describeEachDb('plans adoption', (getDb) => {
  let ids: Record<string, number>
  const api = planCaller(() => ledgerApp(getDb()))
  /** A street (or other area) plan holding `branches`, saved at version 2. */
  const planWith = async (
    branches: ReturnType<typeof branch>[],
    areaId: string = TINY.street,
    stations: { key: string; name: string; lng: number; lat: number }[] = [],
  ) => {
    const created = await api('POST', '/api/plans', { name: '待采纳', areaId })
    expect(created.status).toBe(201)
    const res = await api('POST', `/api/plans/${created.body.id}/changes`, {
      version: 1,
      changes: [
        ...branches.map((b) => ({ op: 'upsertBranch', branch: b })),
        ...stations.map((s) => ({ op: 'upsertStation', station: s })),
      ],
    })
    expect(res.status).toBe(200)
    return res.body as { id: number; version: number }
  }

  beforeAll(async () => {
    ids = await loadPlanCity(getDb())
  })

  it('refuses a branch failing a hard rule, naming the branch and rule, and changes nothing', async () => {
    const plan = await planWith([branch('ef', [ids.E!, ids.F!], { name: '东西支部' })])
    const before = await ledgerSnapshot(getDb())
    const res = await api('POST', `/api/plans/${plan.id}/adopt`, { version: plan.version })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('东西支部')
    expect(res.body.error.message).toContain('正式党员不少于3人')
    expect(res.body.error.details.failures).toEqual([
      expect.objectContaining({ key: 'ef', rule: 'members_min', value: 1, limit: 3, hard: true }),
      expect.objectContaining({ key: 'ef', rule: 'contiguous', value: 2, limit: 1, hard: false }),
    ])
    expect(await ledgerSnapshot(getDb())).toEqual(before)
    const now = (await api('GET', `/api/plans/${plan.id}`)).body
    expect(now).toMatchObject({ status: 'draft', version: plan.version })
  })

  it('refuses a warning failure without a reason and accepts the same branch with one', async () => {
    const plan = await planWith([branch('qh', [ids.Q!, ids.H!])], TINY.community2)
    const res = await api('POST', `/api/plans/${plan.id}/adopt`, { version: plan.version })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('保留理由')
    expect(res.body.error.details.failures.map((f: { rule: string }) => f.rule)).toEqual([
      'contiguous',
      'radius',
    ])
    expect(res.body.error.details.failures[1].value).toBeGreaterThan(500)
    // With a written reason the planner may keep it: a fresh copy, so this test changes no ledger.
    const reasoned = await planWith(
      [branch('qh', [ids.Q!, ids.H!], { reason: '两小区同一物业,居民往来密切' })],
      TINY.community2,
    )
    const [{ n }] = (await getDb().query(sql`SELECT count(*)::int AS n FROM party_org`)) as [
      { n: number },
    ]
    const ok = await api('POST', `/api/plans/${reasoned.id}/adopt`, { version: reasoned.version })
    expect(ok.status).toBe(200)
    expect(ok.body.coverageBefore).toEqual({
      oldCompounds: 2,
      organised: 1,
      organisationCoverage: 0.5,
    })
    expect(ok.body.coverageAfter).toEqual({
      oldCompounds: 2,
      organised: 2,
      organisationCoverage: 1,
    })
    const [{ m }] = (await getDb().query(sql`SELECT count(*)::int AS m FROM party_org`)) as [
      { m: number },
    ]
    expect(m).toBe(n + 1)
    // Undo in the ledger so the other tests see the fixture as described.
    await getDb().query(sql`DELETE FROM party_org WHERE id = ${ok.body.plan.branches[0].orgId}`)
  })

  it('refuses compounds a live branch already covers, naming them', async () => {
    const plan = await planWith([branch('a', [ids.A!, ids.B!], { kind: 'joint' })])
    const before = await ledgerSnapshot(getDb())
    const res = await api('POST', `/api/plans/${plan.id}/adopt`, { version: plan.version })
    expect(res.status).toBe(409)
    expect(res.body.error.message).toContain('小区A')
    expect(res.body.error.details.covered.map((c: { compoundId: number }) => c.compoundId)).toEqual(
      [ids.A, ids.B],
    )
    expect(await ledgerSnapshot(getDb())).toEqual(before)
  })

  it('leaves the ledger unchanged when one compound was covered meanwhile', async () => {
    const plan = await planWith([
      branch('p', [ids.P1!, ids.P2!, ids.P3!]),
      branch('qh', [ids.Q!, ids.H!], { reason: '同一物业' }),
    ])
    const [org] = await getDb().query<{ id: number }>(sql`
      INSERT INTO party_org (kind, name, community_id) VALUES ('joint', '别人的支部', ${TINY.community2})
      RETURNING id`)
    await getDb().query(sql`INSERT INTO org_compound (org_id, org_kind, org_status, compound_id)
      VALUES (${org!.id}, 'joint', 'active', ${ids.Q})`)
    try {
      const before = await ledgerSnapshot(getDb())
      const res = await api('POST', `/api/plans/${plan.id}/adopt`, { version: plan.version })
      expect(res.status).toBe(409)
      expect(res.body.error.details.covered).toEqual([
        { compoundId: ids.Q, name: '小区Q', orgId: org!.id },
      ])
      expect(await ledgerSnapshot(getDb())).toEqual(before)
      expect((await api('GET', `/api/plans/${plan.id}`)).body).toMatchObject({
        status: 'draft',
        version: plan.version,
      })
    } finally {
      await getDb().query(sql`DELETE FROM party_org WHERE id = ${org!.id}`)
    }
  })

  it('refuses a compound the ledger moved out of the area since it was planned', async () => {
    const plan = await planWith(
      [branch('qh', [ids.Q!, ids.H!], { reason: '同一物业' })],
      TINY.community2,
    )
    await getDb().query(
      sql`UPDATE compound SET community_id = ${TINY.community1} WHERE id = ${ids.Q}`,
    )
    try {
      const before = await ledgerSnapshot(getDb())
      const res = await api('POST', `/api/plans/${plan.id}/adopt`, { version: plan.version })
      expect(res.status).toBe(409)
      expect(res.body.error.message).toContain('小区Q')
      expect(res.body.error.details).toEqual({ gone: [], outside: [ids.Q] })
      expect(await ledgerSnapshot(getDb())).toEqual(before)
    } finally {
      await getDb().query(
        sql`UPDATE compound SET community_id = ${TINY.community2} WHERE id = ${ids.Q}`,
      )
    }
  })

  it('refuses a standalone branch of two compounds, an empty plan and a stale version', async () => {
    const two = await planWith([branch('s', [ids.E!, ids.F!], { kind: 'standalone' })])
    const res = await api('POST', `/api/plans/${two.id}/adopt`, { version: two.version })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('单独组建')
    const empty = await api('POST', '/api/plans', { name: '空', areaId: TINY.street })
    const e = await api('POST', `/api/plans/${empty.body.id}/adopt`, { version: 1 })
    expect(e.status).toBe(400)
    const stale = await api('POST', `/api/plans/${two.id}/adopt`, { version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.details.current).toMatchObject({ id: two.id, version: two.version })
    expect((await api('POST', '/api/plans/999999/adopt', { version: 1 })).status).toBe(404)
    expect((await api('POST', `/api/plans/${two.id}/adopt`, {})).status).toBe(400)
  })

  it('adopts one of two competing plans; the organisations, stations, audit and coverage follow', async () => {
    const branches = [
      branch('p123', [ids.P1!, ids.P2!, ids.P3!], { name: '北排联合党支部' }),
      branch('p45', [ids.P4!, ids.P5!], { name: 'P4-P5联合党支部' }),
      branch('d', [ids.D!], { kind: 'standalone', name: '小区D党支部' }),
    ]
    const station = { key: 's1', name: '北排服务站', lng: 104.0015, lat: 30.0025 }
    const a = await planWith(branches, TINY.street, [station])
    const b = await planWith(branches, TINY.street, [station])
    const statsBefore = (await api('GET', `/api/stats?area=${TINY.street}`)).body
    const stationsBefore = statsBefore.stations as number

    const results = await Promise.all([
      api('POST', `/api/plans/${a.id}/adopt`, { version: a.version }, '书记甲'),
      api('POST', `/api/plans/${b.id}/adopt`, { version: b.version }, '书记乙'),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const won = results.find((r) => r.status === 200)!.body
    const wonId = won.plan.id as number
    const lost = results.find((r) => r.status === 409)!.body
    expect(lost.error.code).toBe('CONFLICT')

    // Independently from the fixture: 13 old compounds, A B C H organised; the plan adds P1..P5 and D.
    expect(won.coverageBefore).toEqual({
      oldCompounds: 13,
      organised: 4,
      organisationCoverage: 4 / 13,
    })
    expect(won.coverageAfter).toEqual({
      oldCompounds: 13,
      organised: 10,
      organisationCoverage: 10 / 13,
    })
    expect(won.plan).toMatchObject({ status: 'adopted', version: a.version + 1 })
    expect(won.plan.adoptedBy).toBe(wonId === a.id ? '书记甲' : '书记乙')
    expect(won.plan.adoptedAt).toMatch(/^\d{4}-/)

    const stats = (await api('GET', `/api/stats?area=${TINY.street}`)).body
    expect(stats.organisationCoverage).toBeCloseTo(10 / 13, 12)
    expect(stats.byStatus).toMatchObject({
      standalone: 2,
      joint: 7,
      should_build: 0,
      instructor: 1,
    })
    expect(stats.organisations).toMatchObject({ standalone: 2, joint: 3, instructor: 1 })

    const orgs = await getDb().query<{
      id: number
      kind: string
      status: string
      name: string
      community_id: string
      compounds: number[]
    }>(sql`
      SELECT o.id, o.kind, o.status, o.name, o.community_id,
        array_agg(oc.compound_id ORDER BY oc.compound_id) AS compounds
      FROM party_org o JOIN org_compound oc ON oc.org_id = o.id
      WHERE o.id = ANY(${won.plan.branches.map((x: { orgId: number }) => x.orgId)}::int[])
      GROUP BY o.id ORDER BY o.id`)
    const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y)
    expect(orgs.map((o) => [o.kind, o.status, o.name, o.community_id, o.compounds])).toEqual([
      ['joint', 'active', '北排联合党支部', TINY.community1, sorted([ids.P1!, ids.P2!, ids.P3!])],
      ['joint', 'active', 'P4-P5联合党支部', TINY.community1, sorted([ids.P4!, ids.P5!])],
      ['standalone', 'active', '小区D党支部', TINY.community1, [ids.D]],
    ])
    const audits = await getDb().query<{ action: string; entity: string }>(sql`
      SELECT action, entity FROM audit_log
      WHERE detail->>'plan' = ${String(wonId)} OR (entity = 'plan' AND entity_id = ${String(wonId)})
      ORDER BY id`)
    const count = (entity: string, action: string) =>
      audits.filter((x) => x.entity === entity && x.action === action).length
    expect(count('party_org', 'create')).toBe(3)
    expect(count('plan', 'adopt')).toBe(1)
    expect(count('station', 'create')).toBe(1)
    expect(stats.stations).toBe(stationsBefore + 1)
    const [st] = await getDb().query<{ name: string; compound_id: number }>(
      sql`SELECT name, compound_id FROM station WHERE id = ${won.plan.stations[0].stationId}`,
    )
    expect(st).toEqual({ name: '北排服务站', compound_id: ids.P2 })

    // An adopted plan is frozen; its copy is a new draft.
    const edit = await api('POST', `/api/plans/${wonId}/changes`, {
      version: won.plan.version,
      changes: [{ op: 'rename', name: 'x' }],
    })
    expect(edit.status).toBe(409)
    expect(edit.body.error.message).toContain('已采纳')
    const again = await api('POST', `/api/plans/${wonId}/adopt`, { version: won.plan.version })
    expect(again.status).toBe(409)
    const copy = await api('POST', `/api/plans/${wonId}/copy`, { name: '再来' })
    expect(copy.body).toMatchObject({ status: 'draft', copiedFrom: wonId })
    expect(copy.body.branches.every((x: { orgId: unknown }) => x.orgId === null)).toBe(true)
  })
})
