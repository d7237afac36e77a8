// Two real server processes (node + tsx running server/src/main.ts) on one PostGIS database: an
// edit made through one is visible through the other's API and tiles on the very next request,
// because caches key on the data version each request reads from the database.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { openPg } from '../../server/src/db/pg-db.ts'
import { describeOnPostgis } from '../helpers/each-db.ts'
import { createDatabaseFrom, dropDatabase } from '../helpers/pg-databases.ts'
import { freePort } from '../helpers/pg-server.ts'
import { decode, tileAt } from '../helpers/tiles.ts'
import { loadTinyCity } from '../fixtures/tiny-city.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

interface Server {
  child: ChildProcess
  url: string
  output: () => string
  /** Session cookie and CSRF token when the server requires sign-in. */
  headers: Record<string, string>
}

/** Creates an admin account through `npm run user` and returns the password it printed once. */
const addAdmin = (databaseUrl: string) =>
  userCli(databaseUrl, ['add', 'two-proc', '--role', 'admin'])

/** Runs `npm run user -- <args>` (a third process) and returns the password it printed. */
function userCli(databaseUrl: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/user.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout!.on('data', (d) => (out += d))
    child.stderr!.on('data', (d) => (out += d))
    child.once('exit', (code) => {
      const password = /password[^:\n]*:\s*(\S+)/.exec(out)?.[1]
      if (code === 0 && password) resolve(password)
      else reject(new Error(out))
    })
  })
}

/** A new session of two-proc through `s`: its cookie and CSRF token. */
async function newSession(s: Server, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${s.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'two-proc', password }),
  })
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { cookie, 'x-csrf-token': csrfToken }
}

/** Signs in when the server asks for it (401 from /api/auth/me); no-op on a server without accounts. */
async function signIn(s: Server, password: string): Promise<void> {
  const me = await fetch(`${s.url}/api/auth/me`)
  await me.arrayBuffer()
  if (me.status !== 401) return
  s.headers = await newSession(s, password)
}

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', "import('./server/src/main.ts').then((m) => m.main())"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO_CITY: '0',
        WEB_DIST: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${out}`)
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) return { child, url, output: () => out, headers: {} }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`server on ${url} did not become healthy: ${out}`)
}

const stopServer = (s: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!s || s.child.exitCode !== null) return resolve()
    s.child.once('exit', () => resolve())
    s.child.kill('SIGTERM')
  })

describeOnPostgis('two server processes on one database', () => {
  const target = inject('pg')
  const name = `${target.available ? target.dbPrefix : ''}two_${process.pid}`
  let a: Server | undefined
  let b: Server | undefined
  let ids: Record<string, number>
  let url = ''
  let password = ''

  beforeAll(async () => {
    if (!target.available) throw new Error(target.reason)
    url = await createDatabaseFrom(target.adminUrl, target.template, name)
    const db = openPg(url)
    ids = await loadTinyCity(db)
    await db.close()
    ;[a, b] = await Promise.all([startServer(url), startServer(url)])
    const me = await fetch(`${a.url}/api/auth/me`)
    await me.arrayBuffer()
    // A server that requires sign-in answers /api/auth/me with 401: give the test an account.
    if (me.status === 401) {
      password = await addAdmin(url)
      await Promise.all([signIn(a, password), signIn(b, password)])
    }
  }, 120_000)

  afterAll(async () => {
    await Promise.all([stopServer(a), stopServer(b)])
    if (target.available) await dropDatabase(target.adminUrl, name)
  })

  const t = tileAt(104.0105, 30.0005, 12)
  const tilePath = `/api/tiles/compounds/${t.z}/${t.x}/${t.y}.mvt`
  const tile = async (s: Server, etag?: string) => {
    const res = await fetch(s.url + tilePath, {
      headers: { ...s.headers, ...(etag ? { 'if-none-match': etag } : {}) },
    })
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
  }
  const householdsIn = (bytes: Uint8Array, id: number) =>
    decode(bytes).compounds!.find((f) => f.id === id)!.properties.households

  it('shows an edit made through one process in the other’s API and tiles on the next request', async () => {
    // Both processes cache the tile first, so a stale cache would show.
    const beforeA = await tile(a!)
    const beforeB = await tile(b!)
    expect(householdsIn(beforeB.bytes, ids.D!)).toBe(100)
    expect((await tile(b!)).res.headers.get('x-tile-cache')).toBe('hit')
    const etag = beforeB.res.headers.get('etag')!
    expect(beforeA.res.headers.get('etag')).toBe(etag)

    const record = (await (
      await fetch(`${a!.url}/api/compounds/${ids.D}`, { headers: a!.headers })
    ).json()) as {
      version: number
    }
    const saved = await fetch(`${a!.url}/api/compounds/${ids.D}`, {
      method: 'PATCH',
      headers: { ...a!.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ version: record.version, changes: { households: 777 } }),
    })
    expect(saved.status, await saved.clone().text()).toBe(200)

    const viaB = (await (
      await fetch(`${b!.url}/api/compounds/${ids.D}`, { headers: b!.headers })
    ).json()) as {
      households: number
      version: number
    }
    expect(viaB).toMatchObject({ households: 777, version: record.version + 1 })

    const afterB = await tile(b!, etag)
    expect(afterB.res.status).toBe(200)
    expect(afterB.res.headers.get('etag')).not.toBe(etag)
    expect(householdsIn(afterB.bytes, ids.D!)).toBe(777)
    // And the writer's own process, whose cache also held the old tile.
    expect(householdsIn((await tile(a!)).bytes, ids.D!)).toBe(777)
  })

  it('answers a stale save through the other process with 409 and the current record', async () => {
    const current = (await (
      await fetch(`${b!.url}/api/compounds/${ids.E}`, { headers: b!.headers })
    ).json()) as {
      version: number
    }
    const save = (s: Server, households: number) =>
      fetch(`${s.url}/api/compounds/${ids.E}`, {
        method: 'PATCH',
        headers: { ...s.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ version: current.version, changes: { households } }),
      })
    expect((await save(a!, 150)).status).toBe(200)
    const stale = await save(b!, 160)
    expect(stale.status).toBe(409)
    const body = (await stale.json()) as { error: { details: { current: { households: number } } } }
    expect(body.error.details.current.households).toBe(150)
  })

  const me = async (s: Server, headers: Record<string, string>) => {
    const res = await fetch(`${s.url}/api/auth/me`, { headers })
    await res.arrayBuffer()
    return res.status
  }

  it('refuses a session signed out through one process on the next request through the other', async () => {
    const session = await newSession(a!, password)
    // Both processes have the session cached (and B the tile).
    expect(await me(a!, session)).toBe(200)
    expect(await me(b!, session)).toBe(200)
    await tile(b!)
    const out = await fetch(`${a!.url}/api/auth/logout`, { method: 'POST', headers: session })
    expect(out.status).toBe(200)
    expect(await me(b!, session)).toBe(401)
    expect((await fetch(b!.url + tilePath, { headers: session })).status).toBe(401)
    // Other sessions go on, and a sign-out leaves the tile cache alone.
    expect(await me(b!, b!.headers)).toBe(200)
    expect((await tile(b!)).res.headers.get('x-tile-cache')).toBe('hit')
  })

  it('ends every session of the account in both processes when passwd runs in a third', async () => {
    expect(await me(a!, a!.headers)).toBe(200)
    expect(await me(b!, b!.headers)).toBe(200)
    const fresh = await userCli(url, ['passwd', 'two-proc'])
    expect(await me(a!, a!.headers)).toBe(401)
    expect(await me(b!, b!.headers)).toBe(401)
    expect(await me(b!, await newSession(a!, fresh))).toBe(200)
  })
})
