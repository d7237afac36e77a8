import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './client.ts'
import { fetchConfig } from './endpoints.ts'

/** A fetch answering each path with a status and JSON body; records the paths asked. */
function stubFetch(answers: Record<string, [number, unknown]>) {
  const asked: string[] = []
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url)
    const [status, body] = answers[url] ?? [404, { error: { code: 'NOT_FOUND', message: url } }]
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })
  })
  return asked
}

const config = { basemap: { kind: 'plain' }, uploadLimitMb: 200, sso: false, pageFeatureLimit: 5 }

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('fetchConfig: the public configuration with the signed-in compound count', () => {
  it('adds the count of /api/config/compounds to /api/config', async () => {
    const asked = stubFetch({
      '/api/config': [200, config],
      '/api/config/compounds': [200, { compounds: 7 }],
    })
    expect(await fetchConfig()).toEqual({ ...config, compounds: 7 })
    expect(asked.sort()).toEqual(['/api/config', '/api/config/compounds'])
  })

  it('fails without a session rather than guess the map mode without a count', async () => {
    stubFetch({
      '/api/config': [200, config],
      '/api/config/compounds': [401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }],
    })
    const e = await fetchConfig().then(
      () => undefined,
      (err: unknown) => err,
    )
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(401)
  })

  it('keeps what an older server says: its count in /api/config, or nothing at all', async () => {
    stubFetch({ '/api/config': [200, { ...config, compounds: 3 }] })
    expect(await fetchConfig()).toEqual({ ...config, compounds: 3 })
    stubFetch({})
    expect(await fetchConfig()).toEqual({ basemap: { kind: 'plain' } })
  })
})
