import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process'
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Where PostgreSQL's programs live, or why no usable PostgreSQL + PostGIS was found. */
export type PgInstall = { binDir: string } | { reason: string }

/** A throw-away server: connect as `postgres` through `adminUrl`; `stop` removes every trace. */
export interface PgServer {
  readonly adminUrl: string
  readonly dir: string
  stop(): Promise<void>
}

const tryExec = (file: string, args: string[]) => {
  try {
    return execFileSync(file, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return undefined
  }
}

// Debian keeps one bin directory per major version; elsewhere pg_config on PATH names it.
function candidateBinDirs(): string[] {
  const root = '/usr/lib/postgresql'
  const debian = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(root, v, 'bin'))
    : []
  const fromPath = tryExec('pg_config', ['--bindir'])
  return [...debian, ...(fromPath ? [fromPath] : [])]
}

function hasPostgis(binDir: string): boolean {
  const shareDir = tryExec(join(binDir, 'pg_config'), ['--sharedir'])
  const version = binDir.match(/postgresql\/(\d+)\/bin/)?.[1]
  const dirs = [shareDir, version && `/usr/share/postgresql/${version}`].filter(Boolean)
  return dirs.some((d) => existsSync(join(d as string, 'extension', 'postgis.control')))
}

/** Finds the newest installed PostgreSQL whose share directory has the postgis extension. */
export function findPostgres(): PgInstall {
  const dirs = candidateBinDirs().filter((d) =>
    ['initdb', 'pg_ctl', 'postgres'].every((p) => existsSync(join(d, p))),
  )
  if (dirs.length === 0) return { reason: 'no PostgreSQL server binaries (initdb) found' }
  const withPostgis = dirs.find(hasPostgis)
  if (!withPostgis)
    return { reason: `PostgreSQL found in ${dirs[0]} but not the postgis extension` }
  return { binDir: withPostgis }
}

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

// PostgreSQL refuses to run as root, so root runs it as the `postgres` system user.
function serverUser(): { prefix: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { prefix: [] }
  const uid = tryExec('id', ['-u', 'postgres'])
  const gid = tryExec('id', ['-g', 'postgres'])
  if (!uid || !gid) throw new Error('running as root needs a `postgres` system user to run initdb')
  return { prefix: ['runuser', '-u', 'postgres', '--'], uid: Number(uid), gid: Number(gid) }
}

const asUser = (prefix: string[], file: string, args: string[]) =>
  prefix.length
    ? { file: prefix[0] as string, args: [...prefix.slice(1), file, ...args] }
    : { file, args }

// Durability is worthless for a database deleted after the run; speed is what matters.
const SERVER_CONF = [
  "listen_addresses = '127.0.0.1'",
  'fsync = off',
  'synchronous_commit = off',
  'full_page_writes = off',
  'max_connections = 200',
  "log_min_messages = 'warning'",
  // Segments under /dev/shm would outlive a killed server; mmap keeps them inside the temp dir.
  'dynamic_shared_memory_type = mmap',
]

const INITDB_ARGS = ['-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']

/** Starts a private PostgreSQL in a temp dir on a free port (127.0.0.1, trust auth, fsync off). */
export async function startPgServer(binDir: string): Promise<PgServer> {
  const user = serverUser()
  const dir = mkdtempSync(join(tmpdir(), 'yuanluo-pg-'))
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid as number)
  const data = join(dir, 'data')
  const stopArgs = (mode: 'fast' | 'immediate') => ['-D', data, '-m', mode, '-w', 'stop']
  const pg = (file: string, args: string[]) => {
    const cmd = asUser(user.prefix, join(binDir, file), args)
    return run(cmd.file, cmd.args, { cwd: dir })
  }
  // An exit handler may only do synchronous work, so this path stops the server hard.
  const stopNow = () => {
    const cmd = asUser(user.prefix, join(binDir, 'pg_ctl'), stopArgs('immediate'))
    spawnSync(cmd.file, cmd.args, { stdio: 'ignore', cwd: '/' })
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await pg('initdb', ['-D', data, ...INITDB_ARGS])
    const conf = [...SERVER_CONF, `unix_socket_directories = '${dir}'`, '']
    appendFileSync(join(data, 'postgresql.conf'), conf.join('\n'))
    const port = await startOnFreePort(pg, data, join(dir, 'server.log'))
    const watchdog = startWatchdog(dir, data)
    process.once('exit', stopNow)
    return {
      adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      dir,
      async stop() {
        process.off('exit', stopNow)
        killGroup(watchdog.pid)
        await pg('pg_ctl', stopArgs('fast')).catch(stopNow)
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    stopNow()
    throw err
  }
}

const killGroup = (pid: number | undefined) => {
  try {
    if (pid) process.kill(-pid) // the watchdog leads its own group: take its `sleep` too
  } catch {
    // already gone
  }
}

// Another process may grab the port between freePort() and the bind, so retry a few times.
async function startOnFreePort(
  pg: (file: string, args: string[]) => Promise<unknown>,
  data: string,
  log: string,
): Promise<number> {
  let lastError: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    try {
      await pg('pg_ctl', ['-D', data, '-l', log, '-o', `-p ${port}`, '-w', '-t', '60', 'start'])
      return port
    } catch (err) {
      lastError = err
    }
  }
  throw new Error(`PostgreSQL did not start; see its log: ${String(lastError)}`)
}

// A killed test runner cannot clean up after itself: this detached shell outlives it, notices, and
// shuts the server down (SIGQUIT = immediate shutdown) and removes the directory.
function startWatchdog(dir: string, data: string) {
  const script = `
    while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done
    if [ -f '${data}/postmaster.pid' ]; then kill -QUIT "$(head -1 '${data}/postmaster.pid')" 2>/dev/null; sleep 2; fi
    rm -rf '${dir}'`
  const child = spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' })
  child.unref()
  return child
}
