import { createServer, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import { openPg } from '../../server/src/db/pg-db.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'
import { openTestPglite } from '../helpers/each-db.ts'

const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }
const request = async (db: Db, path: string) => {
  const res = await createApp({ db, env, log: memoryLogger() }).request(path)
  return { status: res.status, body: await res.json() }
}

describe('a database that is down', () => {
  let silent: Server
  let silentPort = 0
  const sockets = new Set<Socket>()

  beforeAll(async () => {
    // Accepts TCP connections and never answers: the shape of a hung database server.
    silent = createServer((socket) => {
      sockets.add(socket)
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    silentPort = (silent.address() as { port: number }).port
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => silent.close(() => resolve()))
  })

  it('gets 503 from health when nothing listens on the server port', async () => {
    const db = openPg('postgres://postgres@127.0.0.1:1/yuanluo')
    const { status, body } = await request(db, '/api/health')
    expect(status).toBe(503)
    expect(body.error.code).toBe('DB_UNAVAILABLE')
    await db.close()
  })

  it('gets 503 from health, not a hang, when the server never answers', async () => {
    const db = openPg(`postgres://postgres@127.0.0.1:${silentPort}/yuanluo`)
    const started = Date.now()
    const { status, body } = await request(db, '/api/health')
    expect(status).toBe(503)
    expect(body.error.code).toBe('DB_UNAVAILABLE')
    expect(Date.now() - started).toBeLessThan(10_000) // a hang would hit the test timeout instead
    await db.close()
  })

  it('gets 503 from health once the database is gone, though its counts were computed before', async () => {
    const db = await openTestPglite()
    const app = createApp({ db, env, log: memoryLogger() })
    expect((await app.request('/api/health')).status).toBe(200)
    await db.close()
    // Same data version in memory, counts cached: the call must still ask the database.
    const res = await app.request('/api/health')
    expect(res.status).toBe(503)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DB_UNAVAILABLE')
  })

  it('gets 503 on data routes when the embedded database has been closed', async () => {
    const db = await openTestPglite()
    await db.close()
    expect((await request(db, '/api/health')).status).toBe(503)
    const { status, body } = await request(db, '/api/compounds/1')
    expect(status).toBe(503)
    expect(body.error).toEqual({
      code: 'DB_UNAVAILABLE',
      message: 'database unavailable, try again shortly',
    })
  })
})
