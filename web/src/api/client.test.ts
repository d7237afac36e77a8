import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ApiError, getJson, isAbort, postJson } from './client.ts'

// A real HTTP server (Node's fetch, as in the browser): /slow sends half a JSON body and waits,
// /truncated sends half a body and ends, /invalid sends text that is not JSON.
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    if (req.url === '/slow') {
      res.write('{"features": [1, 2,')
      return // never ends: the client cancels
    }
    if (req.url === '/truncated') return res.end('{"features": [1, 2,')
    res.end('<html>not json</html>')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(() => {
  vi.unstubAllGlobals()
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

/** Rejection of `p`, which must reject. */
const rejection = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected a rejection')
}

describe('getJson / postJson', () => {
  for (const [name, send] of [
    ['getJson', (url: string, s: AbortSignal) => getJson(url, s)],
    ['postJson', (url: string, s: AbortSignal) => postJson(url, {}, s)],
  ] as const) {
    it(`${name}: a request cancelled while its body arrives rejects as an abort`, async () => {
      // The real fetch, noting when the response (status and headers) has arrived: the abort then
      // lands while the body is being read, not before the response.
      const realFetch = globalThis.fetch
      let responded: () => void = () => {}
      const arrived = new Promise<void>((done) => (responded = done))
      vi.stubGlobal('fetch', async (...args: Parameters<typeof fetch>) => {
        const res = await realFetch(...args)
        responded()
        return res
      })
      const controller = new AbortController()
      const answer = send(`${base}/slow`, controller.signal)
      await arrived
      controller.abort()
      const e = await rejection(answer)
      expect(e).toBeInstanceOf(ApiError)
      expect((e as ApiError).code).toBe('aborted')
      expect(isAbort(e)).toBe(true)
    })
  }

  it('a truncated body is still a broken answer, not an abort', async () => {
    const e = await rejection(getJson(`${base}/truncated`, new AbortController().signal))
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).code).toBe('bad_response')
    expect((e as ApiError).status).toBe(200)
    expect(isAbort(e)).toBe(false)
  })

  it('a body that is not JSON is a broken answer', async () => {
    const e = await rejection(getJson(`${base}/invalid`))
    expect((e as ApiError).code).toBe('bad_response')
    expect(isAbort(e)).toBe(false)
  })
})
