import { spawn, type ChildProcess } from 'node:child_process'
import { gzipSync } from 'node:zlib'

/** Milliseconds since `t0` (a performance.now() reading), rounded. */
export const since = (t0: number) => Math.round(performance.now() - t0)

/** Polls `url` every 100 ms until it answers 200, or throws after `timeoutMs`. */
export async function waitFor200(
  url: string,
  timeoutMs: number,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await fetch(url)
      await res.arrayBuffer()
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
}

/**
 * Runs `npm start`'s script in a child process with the given environment; returns it, the ms until
 * the page is served and what it printed (the first start prints the demo accounts' passwords).
 */
export async function timedStart(env: Record<string, string>, port: number) {
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  let stdout = ''
  child.stderr!.on('data', (d) => (stderr += d))
  child.stdout!.on('data', (d) => (stdout += d))
  try {
    await waitFor200(`http://127.0.0.1:${port}/`, 600_000, child)
  } catch (err) {
    child.kill()
    throw new Error(`${(err as Error).message}\n${stderr.slice(-2000)}`, { cause: err })
  }
  return { child, ms: since(t0), stdout: () => stdout }
}

/** The password of demo account `username` in what the first `npm start` printed. */
export function demoPassword(printed: string, username: string): string {
  const m = new RegExp(`^\\s+${username}\\s+(\\S+)\\s`, 'm').exec(printed)
  if (!m) throw new Error(`no password for demo account ${username} in the start output`)
  return m[1]!
}

/** Signs in at `base`; the headers every later request sends (session cookie, CSRF token). */
export async function signInHeaders(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!res.ok) throw new Error(`sign-in as ${username} answered ${res.status}`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  return { cookie, 'x-csrf-token': csrfToken }
}

/** Headers sent by timeGet (and the bench's POSTs): a signed-in session once `signInHeaders` ran. */
export const benchHeaders: Record<string, string> = {}

/** Stops a child server and waits for it to exit. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Fetches `url` `runs` times; the median ms and the body size raw and gzipped (by us, for the figure). */
export async function timeGet(url: string, runs = 5, encoding: 'identity' | 'gzip' = 'identity') {
  const times: number[] = []
  let bytes = 0
  let body = new Uint8Array()
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const res = await fetch(url, { headers: { ...benchHeaders, 'accept-encoding': encoding } })
    body = new Uint8Array(await res.arrayBuffer())
    times.push(performance.now() - t0)
    if (!res.ok) throw new Error(`${url} answered ${res.status}`)
    bytes = body.byteLength
  }
  times.sort((a, b) => a - b)
  return {
    medianMs: Math.round(times[Math.floor(times.length / 2)]!),
    minMs: Math.round(times[0]!),
    bytes,
    gzipBytes: gzipSync(body).byteLength,
  }
}
