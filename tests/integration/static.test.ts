import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import { memoryLogger } from '../../server/src/lib/log.ts'

const env = {
  BASEMAP: 'pmtiles' as const,
  TIANDITU_KEY: undefined,
  PMTILES_URL: '/basemap.pmtiles',
}
// Static serving never reaches the database; a Db that refuses every call proves it.
const noDb: Db = {
  driver: 'pglite',
  query: () => Promise.reject(new Error('no database in this test')),
  tx: () => Promise.reject(new Error('no database in this test')),
  exec: () => Promise.reject(new Error('no database in this test')),
  close: async () => {},
}

describe('files the server serves beside the API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuanluo-static-'))
  const archive = join(dir, 'city.pmtiles')
  writeFileSync(archive, Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251)))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>院落</title>')
  const app = createApp(
    { db: noDb, env, log: memoryLogger() },
    { webDist: dir, pmtilesFile: archive },
  )

  it('serves byte ranges of the PMTiles archive uncompressed', async () => {
    const res = await app.request('/basemap.pmtiles', {
      headers: { range: 'bytes=10-19', 'accept-encoding': 'gzip' },
    })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ])
  })

  it('tells the page where the basemap is and how large an upload may be', async () => {
    // Public, so nothing of the data: the compound count is /api/config/compounds (config.test.ts).
    const res = await createApp({ db: noDb, env, log: memoryLogger() }).request('/api/config')
    expect(await res.json()).toEqual({
      basemap: { kind: 'pmtiles', pmtilesUrl: '/basemap.pmtiles' },
      uploadLimitMb: 200,
      pageFeatureLimit: 60000,
      sso: false,
    })
  })

  it('answers a client-side route with the page and an unknown API path with JSON 404', async () => {
    const page = await app.request('/plans/42')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('院落')
    const api = await app.request('/api/nothing/42')
    expect(api.status).toBe(404)
    expect((await api.json()).error.code).toBe('NOT_FOUND')
  })
})
