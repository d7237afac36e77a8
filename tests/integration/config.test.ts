// GET /api/config is public (the sign-in page reads it) and tells nothing of the data; the compound
// count the page picks its map mode by is GET /api/config/compounds, for signed-in users (and the
// tests' header seam), computed once per data version and never stale.
import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import { sql } from '../../server/src/db/sql.ts'
import { readEnv } from '../../server/src/env.ts'
import { compoundCount } from '../../server/src/features/config/config.queries.ts'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { insertAreaChain, insertCompound, squareRing } from '../helpers/fixtures.ts'
import { call, requiredApp, signIn } from './security-fixture.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }
const PASSWORD = 'a long enough password'

describeEachDb('GET /api/config and /api/config/compounds', (getDb) => {
  let community = ''
  let placed = 0
  const addCompound = () =>
    insertCompound(getDb(), {
      communityId: community,
      ring: squareRing([104.07 + ++placed * 0.002, 30.65], 50),
    })
  /** The header seam (createApp's default): a request without a session acts as an admin. */
  const seam = (limit?: number) =>
    createApp({
      db: getDb(),
      env: limit === undefined ? env : { ...env, PAGE_FEATURE_LIMIT: limit },
      log: memoryLogger(),
    })
  const count = async (app = seam()) => {
    const res = await app.request('/api/config/compounds')
    expect(res.status).toBe(200)
    return ((await res.json()) as { compounds: number }).compounds
  }

  beforeAll(async () => {
    community = (await insertAreaChain(getDb())).community
    await insertUser(getDb(), {
      username: 'looker',
      displayName: '只读用户',
      role: 'viewer',
      passwordHash: await hashPassword(PASSWORD),
      jurisdictionAreaId: null,
    })
  })

  it('tells anyone the configuration but not how many compounds the database holds', async () => {
    await addCompound()
    const app = requiredApp(getDb())
    const res = await call(app, null, 'GET', '/api/config')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      basemap: { kind: 'plain' },
      uploadLimitMb: 200,
      sso: false,
      pageFeatureLimit: 60000,
    })
    const refused = await call(app, null, 'GET', '/api/config/compounds')
    expect(refused.status).toBe(401)
    expect(refused.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    expect(refused.text).not.toMatch(/compounds/)
  })

  it('gives the count to a signed-in user of any role, and through the header seam', async () => {
    const app = requiredApp(getDb())
    const session = await signIn(app, 'looker', PASSWORD)
    const res = await call(app, session, 'GET', '/api/config/compounds')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ compounds: placed })
    expect(await count()).toBe(placed)
  })

  it('shows a compound written through another path on the very next request, counting once per version', async () => {
    const app = seam()
    const before = await count(app)
    const computed = compoundCount(getDb()).computations
    // Nothing written: every request, concurrent or not, is answered from the same computation.
    expect(await Promise.all([count(app), count(app), count(app), count(app)])).toEqual([
      before,
      before,
      before,
      before,
    ])
    expect(await count(seam())).toBe(before)
    expect(compoundCount(getDb()).computations).toBe(computed)

    const id = await addCompound() // plain SQL through the same Db, not the API
    expect(await count(app)).toBe(before + 1)
    expect(await Promise.all([count(app), count(seam())])).toEqual([before + 1, before + 1])
    expect(compoundCount(getDb()).computations).toBe(computed + 1)

    await getDb().query(sql`DELETE FROM compound WHERE id = ${id}`)
    expect(await count(app)).toBe(before)
    const [row] = await getDb().query<{ n: number }>(sql`SELECT count(*)::int AS n FROM compound`)
    expect(await count(app)).toBe(row!.n)
  })

  it('publishes PAGE_FEATURE_LIMIT', async () => {
    const res = await seam(2).request('/api/config')
    expect(((await res.json()) as { pageFeatureLimit: number }).pageFeatureLimit).toBe(2)
  })
})

it('reads PAGE_FEATURE_LIMIT as a whole number, 60000 when unset, and names it when bad', () => {
  expect(readEnv({}).PAGE_FEATURE_LIMIT).toBe(60000)
  expect(readEnv({ PAGE_FEATURE_LIMIT: '100' }).PAGE_FEATURE_LIMIT).toBe(100)
  expect(() => readEnv({ PAGE_FEATURE_LIMIT: 'many' })).toThrow(/PAGE_FEATURE_LIMIT/)
  expect(() => readEnv({ PAGE_FEATURE_LIMIT: '-1' })).toThrow(/PAGE_FEATURE_LIMIT/)
})
