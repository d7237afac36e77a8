// Who a plan is recorded as written by: with a session, always the signed-in account (a typed
// x-yuanluo-user name is ignored); only the tests' header mode without a session takes the header.
import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import { sql } from '../../server/src/db/sql.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { TINY } from '../fixtures/tiny-city.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { call, env, loadWorld, requiredApp, signIn, type RequiredApp } from './security-fixture.ts'

const FORGED = { 'x-yuanluo-user': encodeURIComponent('冒名者') }

describeEachDb('plans: the author of a plan', (getDb) => {
  let required: RequiredApp
  let headerApp: RequiredApp

  beforeAll(async () => {
    await loadWorld(getDb())
    required = requiredApp(getDb())
    headerApp = Object.assign(createApp({ db: getDb(), env, log: memoryLogger() }), {
      log: memoryLogger(),
    })
  })

  const auditActors = async (planId: number) =>
    (
      await getDb().query<{ actor: string }>(sql`
        SELECT actor FROM audit_log WHERE entity = 'plan' AND entity_id = ${String(planId)}
        ORDER BY id`)
    ).map((r) => r.actor)

  it('records the signed-in account as author and editor, whatever name the request carries', async () => {
    const session = await signIn(required, 'plannerA')
    const created = await call(
      required,
      session,
      'POST',
      '/api/plans',
      { name: '会话方案', areaId: TINY.street },
      { headers: FORGED },
    )
    expect(created.status).toBe(201)
    const plan = created.json as { id: number; version: number; createdBy: string }
    expect(plan.createdBy).toBe('plannerA')
    const renamed = await call(
      required,
      session,
      'POST',
      `/api/plans/${plan.id}/changes`,
      { version: plan.version, changes: [{ op: 'rename', name: '改名' }] },
      { headers: FORGED },
    )
    expect(renamed.status).toBe(200)
    expect(renamed.json).toMatchObject({ createdBy: 'plannerA', updatedBy: 'plannerA' })
    expect(await auditActors(plan.id)).toEqual(['plannerA', 'plannerA'])
  })

  it('in header mode takes the session’s account over the header when a session exists', async () => {
    const session = await signIn(required, 'admin')
    const created = await call(
      headerApp,
      session,
      'POST',
      '/api/plans',
      { name: '头部模式会话', areaId: TINY.street },
      { headers: FORGED },
    )
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ createdBy: 'admin', updatedBy: 'admin' })
  })

  it('in header mode without a session records the typed name, as before', async () => {
    const created = await call(
      headerApp,
      null,
      'POST',
      '/api/plans',
      { name: '头部模式', areaId: TINY.street },
      { headers: FORGED },
    )
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ createdBy: '冒名者', updatedBy: '冒名者' })
  })
})
