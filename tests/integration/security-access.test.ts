// Roles and jurisdictions on every route of the policy: a planner of street A cannot write street B,
// a leader cannot write, a viewer never receives secretaries, phones or member counts, CSRF-less
// writes are refused.
import { VectorTile } from '@mapbox/vector-tile'
import { gunzipSync } from 'node:zlib'
import { PbfReader } from 'pbf'
import { beforeAll, expect, it } from 'vitest'
import { POLICY } from '../../server/src/features/auth/policy.ts'
import { TINY } from '../fixtures/tiny-city.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import {
  call,
  ledgerFingerprint,
  loadWorld,
  requiredApp,
  SECRET_NAME,
  SECRET_PHONE,
  signIn,
  type RequiredApp,
  type Session,
  type World,
} from './security-fixture.ts'
import { sample } from './security-sample.ts'

const keys = Object.keys(POLICY)
const isWrite = (k: string) => !k.startsWith('GET ')
const protectedKeys = keys.filter((k) => !('public' in POLICY[k]!))
const ownSession = (k: string) => k.includes('/api/auth/')
/** Write routes aimed at one area's records (not shared configuration or one's own session). */
const areaWrites = protectedKeys.filter((k) => {
  const r = POLICY[k]!
  return isWrite(k) && 'roles' in r && r.roles.includes('planner') && r.scope !== 'none'
})

describeEachDb('security: roles and jurisdictions', (getDb) => {
  let app: RequiredApp
  let world: World
  const s: Record<string, Session> = {}
  beforeAll(async () => {
    world = await loadWorld(getDb())
    app = requiredApp(getDb())
    for (const u of ['admin', 'plannerA', 'leader', 'viewer', 'viewerA'])
      s[u] = await signIn(app, u)
  })

  it('gives a planner of street A 403 on every write route aimed at street B, changing nothing', async () => {
    expect(areaWrites.length).toBeGreaterThanOrEqual(10)
    const before = await ledgerFingerprint(getDb())
    const wrong: string[] = []
    for (const k of areaWrites) {
      const q = sample(k, world, 'B')
      const res = await call(app, s.plannerA!, q.method, q.path, q.body)
      if (res.status !== 403 || (res.json?.error as { code: string }).code !== 'FORBIDDEN')
        wrong.push(`${k} → ${res.status} ${res.text.slice(0, 120)}`)
    }
    expect(wrong).toEqual([])
    expect(await ledgerFingerprint(getDb())).toBe(before)
  })

  it('lets the same planner past the policy on street A (the route itself then answers)', async () => {
    const refused: string[] = []
    for (const k of areaWrites) {
      const q = sample(k, world, 'A')
      const res = await call(app, s.plannerA!, q.method, q.path, q.body)
      if (res.status === 401 || res.status === 403) refused.push(`${k} → ${res.status}`)
    }
    expect(refused).toEqual([])
  })

  it('refuses every write route to a leader, inside their own district', async () => {
    const writes = protectedKeys.filter(
      (k) => isWrite(k) && !ownSession(k) && !k.includes('/api/analysis/'),
    )
    const wrong: string[] = []
    for (const k of writes) {
      const q = sample(k, world, 'A')
      const res = await call(app, s.leader!, q.method, q.path, q.body)
      if (res.status !== 403) wrong.push(`${k} → ${res.status}`)
    }
    expect(wrong).toEqual([])
  })

  it('never sends a viewer a secretary, a phone number or a member count, on any route it may read', async () => {
    const leaks: string[] = []
    let read = 0
    for (const k of protectedKeys.filter((k) => !isWrite(k))) {
      for (const side of ['A', 'B'] as const) {
        const q = sample(k, world, side)
        const res = await call(app, s.viewer!, q.method, q.path, q.body)
        const r = POLICY[k]!
        const allowed = 'roles' in r && r.roles.includes('viewer')
        if (!allowed) {
          if (res.status !== 403) leaks.push(`${k} answered ${res.status} to a viewer`)
          continue
        }
        read++
        let text = res.text
        if ((res.headers.get('content-type') ?? '').includes('vector-tile')) {
          const bytes = new Uint8Array(
            await (
              await app.request(q.path, {
                headers: { cookie: s.viewer!.cookie },
              })
            ).arrayBuffer(),
          )
          const vt = new VectorTile(new PbfReader(bytes))
          const props = Object.values(vt.layers).flatMap((l) =>
            Array.from({ length: l.length }, (_, i) => l.feature(i).properties),
          )
          text = JSON.stringify(props)
          if (side === 'A') expect(props.length).toBeGreaterThan(0)
        }
        for (const secret of [SECRET_PHONE, SECRET_NAME, '13800001234', '王芳', '****'])
          if (text.includes(secret)) leaks.push(`${k} (${side}) sent ${secret}`)
        if (/"members|"secretary/i.test(text))
          leaks.push(`${k} (${side}) sent a member or secretary field`)
      }
    }
    expect(leaks).toEqual([])
    expect(read).toBeGreaterThanOrEqual(8)
  })

  it('masks phone numbers for a leader and shows them to the planner of the area and admins', async () => {
    const path = `/api/compounds/${world.compounds.A}`
    const phone = async (who: string) => {
      const res = await call(app, s[who]!, 'GET', path)
      return (res.json!.organisations as { secretaryPhone: string }[])[0]!.secretaryPhone
    }
    expect(await phone('leader')).toBe('138****1234')
    expect(await phone('plannerA')).toBe('13800001234')
    expect(await phone('admin')).toBe('13800001234')
    // The viewer gets the compound without secretaries and member counts.
    const viewer = await call(app, s.viewerA!, 'GET', path)
    expect(viewer.status).toBe(200)
    expect(viewer.json!.members).toBeUndefined()
    expect(JSON.stringify(viewer.json)).not.toMatch(/secretary|13800001234/)
    // History of an organisation's phone: masked for the leader too.
    const org = await call(app, s.admin!, 'GET', `/api/orgs/${world.orgA}`)
    const record = org.json as { version: number; name: string; status: string }
    const saved = await call(app, s.admin!, 'PATCH', `/api/orgs/${world.orgA}`, {
      version: record.version,
      changes: { name: record.name, status: record.status, secretary_phone: '13711112222' },
    })
    expect(saved.status).toBe(200)
    const history = await call(app, s.leader!, 'GET', `/api/orgs/${world.orgA}/history`)
    expect(history.text).toContain('137****2222')
    expect(history.text).not.toContain('13711112222')
  })

  it('puts the jurisdiction in place of a missing area and keeps other streets out of lists', async () => {
    const stats = await call(app, s.plannerA!, 'GET', '/api/stats')
    expect((stats.json!.area as { id: string }).id).toBe(TINY.street)
    const map = await call(app, s.plannerA!, 'GET', '/api/compounds')
    const ids = (map.json!.features as { id: number }[]).map((f) => f.id)
    expect(ids).toContain(world.compounds.A)
    expect(ids).not.toContain(world.compounds.Z)
    const rows = await call(app, s.plannerA!, 'GET', '/api/ledger/rows')
    if (rows.status === 200) {
      expect(rows.json!.id).toContain(world.compounds.A)
      expect(rows.json!.id).not.toContain(world.compounds.Z)
    }
    const district = await call(app, s.plannerA!, 'GET', `/api/stats?area=${TINY.district}`)
    expect(district.status).toBe(403)
  })

  it('drops compounds outside the jurisdiction from vector tiles', async () => {
    const q = sample('GET /api/tiles/:layer/:z/:x/:y', world, 'B')
    const count = async (who: string) => {
      const res = await app.request(q.path, { headers: { cookie: s[who]!.cookie } })
      if (res.status === 204) return 0
      let bytes = new Uint8Array(await res.arrayBuffer())
      if (res.headers.get('content-encoding') === 'gzip') bytes = gunzipSync(bytes)
      const layer = new VectorTile(new PbfReader(bytes)).layers.compounds
      const ids = Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i).id)
      return ids.filter((id) => id === world.compounds.Z).length
    }
    expect(await count('admin')).toBeGreaterThan(0)
    expect(await count('plannerA')).toBe(0)
  })

  it('refuses every write without the CSRF token, or with a wrong one, before anything happens', async () => {
    const before = await ledgerFingerprint(getDb())
    const wrong: string[] = []
    const writes = protectedKeys.filter(isWrite)
    for (const k of writes) {
      const q = sample(k, world, 'A')
      for (const headers of [{}, { 'x-csrf-token': 'forged' }] as Record<string, string>[]) {
        const res = await call(app, s.admin!, q.method, q.path, q.body, { csrf: false, headers })
        if (res.status !== 403 || (res.json?.error as { code: string }).code !== 'CSRF')
          wrong.push(`${k} → ${res.status}`)
      }
    }
    expect(wrong).toEqual([])
    expect(writes.length).toBeGreaterThanOrEqual(15)
    expect(await ledgerFingerprint(getDb())).toBe(before)
  })
})
