import { expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import { insertArea, insertAreaChain, insertCompound, squareRing } from '../helpers/fixtures.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }

// Tile mode lists one area; its ledger table asks for that area's columns only.
describeEachDb('GET /api/ledger/rows?area=', (getDb) => {
  const ids: Record<string, number[]> = { one: [], two: [] }
  const get = (path: string) => createApp({ db: getDb(), env, log: memoryLogger() }).request(path)

  it('answers the compounds of the area, all of them without one, 400/404 for a bad area', async () => {
    const chain = await insertAreaChain(getDb())
    const other = '510104001002'
    await insertArea(getDb(), {
      id: other,
      level: 'community',
      parentId: chain.street,
      name: '二号社区',
    })
    for (let i = 0; i < 3; i++)
      ids.one!.push(
        await insertCompound(getDb(), {
          communityId: chain.community,
          ring: squareRing([104.07 + i * 0.002, 30.65], 50),
        }),
      )
    for (let i = 0; i < 2; i++)
      ids.two!.push(
        await insertCompound(getDb(), {
          communityId: other,
          ring: squareRing([104.07 + i * 0.002, 30.66], 50),
        }),
      )
    const rows = async (q: string) =>
      (await (await get(`/api/ledger/rows${q}`)).json()) as { id: number[]; community: string[] }
    expect((await rows(`?area=${other}`)).id).toEqual(ids.two)
    expect((await rows(`?area=${other}`)).community).toEqual(['二号社区', '二号社区'])
    expect((await rows(`?area=${chain.community}`)).id).toEqual(ids.one)
    expect((await rows(`?area=${chain.street}`)).id).toEqual([...ids.one!, ...ids.two!])
    expect((await rows('')).id).toEqual([...ids.one!, ...ids.two!])
    expect((await get('/api/ledger/rows?area=999999999999')).status).toBe(404)
    const bad = await get('/api/ledger/rows?area=x;drop')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/area/)
  })
})
