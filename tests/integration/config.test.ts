import { expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import { readEnv } from '../../server/src/env.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { insertAreaChain, insertCompound, squareRing } from '../helpers/fixtures.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

describeEachDb('GET /api/config: compound count and the page feature limit', (getDb) => {
  const config = async (limit?: number) => {
    const app = createApp({
      db: getDb(),
      env: limit === undefined ? env : { ...env, PAGE_FEATURE_LIMIT: limit },
      log: memoryLogger(),
    })
    const res = await app.request('/api/config')
    expect(res.status).toBe(200)
    return (await res.json()) as { compounds: number; pageFeatureLimit: number }
  }

  it('counts the compounds in the database, every time it is asked', async () => {
    expect((await config()).compounds).toBe(0)
    const { community } = await insertAreaChain(getDb())
    for (let i = 0; i < 3; i++)
      await insertCompound(getDb(), {
        communityId: community,
        ring: squareRing([104.07 + i * 0.002, 30.65], 50),
      })
    expect(await config()).toMatchObject({ compounds: 3, pageFeatureLimit: 60000 })
  })

  it('publishes PAGE_FEATURE_LIMIT', async () => {
    expect((await config(2)).pageFeatureLimit).toBe(2)
  })
})

it('reads PAGE_FEATURE_LIMIT as a whole number, 60000 when unset, and names it when bad', () => {
  expect(readEnv({}).PAGE_FEATURE_LIMIT).toBe(60000)
  expect(readEnv({ PAGE_FEATURE_LIMIT: '100' }).PAGE_FEATURE_LIMIT).toBe(100)
  expect(() => readEnv({ PAGE_FEATURE_LIMIT: 'many' })).toThrow(/PAGE_FEATURE_LIMIT/)
  expect(() => readEnv({ PAGE_FEATURE_LIMIT: '-1' })).toThrow(/PAGE_FEATURE_LIMIT/)
})
