// The database's data version (migrations 0006 and 0009): every write to a table that tiles or
// cached reads depend on bumps it in the writing transaction, and announces it (NOTIFY
// data_version). Caches key on it. The guarantee: a request sees every write that committed before
// the request arrived, whichever process made it.
//
// - PostgreSQL (any number of processes): the version is read from the database for each request,
//   on a connection of its own (never queued behind the pool's tile queries or analyses), and
//   concurrent requests share one read that started after they arrived. A notification alone could
//   not keep the guarantee: it reaches another process shortly after the commit, not before that
//   process's next request.
// - PGlite (one process, one session): every write goes through this process, and PGlite delivers
//   the notification before the writing call returns, so the version kept in memory is exact and
//   requests read nothing. Without the notifying trigger (an older schema) it reads per request.
//
// The same row carries the auth version (migration 0010): bumped when a live session ends or its
// account changes, never by data writes (and data writes never bump it), so one read answers both:
// tile caches key on the data version, the session cache (features/auth/session-cache.ts) on the
// auth version. Within one request both are read once (`requestVersions`).
import type { Context } from 'hono'
import type { Db, DbSession } from '../db/db.ts'
import { sql } from '../db/sql.ts'

/** `epoch.version`: changes with every committed write; `epoch` differs per database. */
export type DataVersion = string
/** `epoch.auth_version`: changes whenever a live session ends or an account's access changes. */
export type AuthVersion = string

export interface Versions {
  data: DataVersion
  auth: AuthVersion
}

const CHANNEL = 'data_version'
/** After a failed attempt to open the dedicated connection, use the pool for this long. */
const RETRY_MS = 1000

/** One row: `v` the data version, `a` the auth version. */
export const VERSIONS_QUERY = sql`SELECT epoch || '.' || version::text AS v,
  epoch || '.' || auth_version::text AS a FROM data_version`

const read = async (db: Pick<Db, 'query'>): Promise<Versions> => {
  const [row] = await db.query<{ v: string; a: string }>(VERSIONS_QUERY)
  if (!row) throw new Error('data_version has no row: is migration 0006 applied?')
  return { data: row.v, auth: row.a }
}

/** The payload of a notification (`epoch.version.auth_version`, migration 0010). */
export function parseNotification(payload: string): Versions | undefined {
  const m = /^([^.]+)\.(\d+)\.(\d+)$/.exec(payload)
  return m ? { data: `${m[1]}.${m[2]}`, auth: `${m[1]}.${m[3]}` } : undefined
}

/** The later of two versions (same epoch: the greater number; another epoch: `b`). */
export function laterVersion(a: DataVersion | undefined, b: DataVersion): DataVersion {
  if (a === undefined) return b
  const [ea, va] = a.split('.')
  const [eb, vb] = b.split('.')
  return ea === eb && Number(va) > Number(vb) ? a : b
}

/** Each of the two versions the later one. */
export const laterVersions = (a: Versions | undefined, b: Versions): Versions =>
  a === undefined ? b : { data: laterVersion(a.data, b.data), auth: laterVersion(a.auth, b.auth) }

/**
 * Coalesces concurrent calls of `read` without ever answering one from a read that started before
 * it arrived: while a read is in flight, new callers wait for the next read, which starts when the
 * current one ends and serves them all. Under load: one query per round trip, not per request.
 */
export function coalesced<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined
  let next: Promise<T> | undefined
  const start = (): Promise<T> => {
    const p = read().finally(() => {
      if (inFlight === p) inFlight = undefined
    })
    inFlight = p
    return p
  }
  return () => {
    if (!inFlight) return start()
    next ??= inFlight
      .catch(() => undefined)
      .then(() => {
        next = undefined
        return start()
      })
    return next
  }
}

/** Whether bump_data_version() announces each bump (migration 0009 applied). */
const notifies = async (db: Db) => {
  const [row] = await db.query<{ ok: boolean }>(sql`
    SELECT coalesce(bool_or(prosrc LIKE '%pg_notify%'), false) AS ok
    FROM pg_proc WHERE proname = 'bump_data_version'`)
  return row?.ok ?? false
}

/** PGlite: the versions in memory, kept by notifications; falls back to reading per request. */
function inProcessVersion(db: Db & Required<Pick<Db, 'session'>>): () => Promise<Versions> {
  let known: Versions | undefined
  let fallback: (() => Promise<Versions>) | undefined
  let ready: Promise<void> | undefined
  const start = async () => {
    if (!(await notifies(db))) {
      fallback = coalesced(() => read(db))
      return
    }
    await db.session({
      listen: {
        channel: CHANNEL,
        onNotify: (payload) => {
          const v = parseNotification(payload)
          // Unparseable: forget, so the next request reads (never a stale answer).
          known = v ? laterVersions(known, v) : undefined
        },
      },
    })
    // After LISTEN: a later commit notifies, an earlier one is in this read.
    known = laterVersions(known, await read(db))
  }
  return async () => {
    if (known !== undefined) return known
    await (ready ??= start().catch((err: unknown) => {
      ready = undefined
      throw err
    }))
    return known ?? (fallback ?? coalesced(() => read(db)))()
  }
}

/** PostgreSQL: a coalesced read per request on a dedicated connection (the pool while it is down). */
function serverVersion(db: Db): () => Promise<Versions> {
  let session: Promise<DbSession> | undefined
  let retryAt = 0
  const open = () => {
    const p = db.session!({
      onEnd: () => {
        if (session === p) session = undefined
      },
    })
    session = p
    p.catch(() => {
      if (session === p) session = undefined
      retryAt = Date.now() + RETRY_MS
    })
  }
  return coalesced(async () => {
    if (!session && db.session && Date.now() >= retryAt) open()
    const s = await session?.catch(() => undefined)
    if (s) {
      try {
        return await read(s)
      } catch {
        // The connection broke mid-read (onEnd drops it): the pool answers this time.
      }
    }
    return read(db)
  })
}

const readers = new WeakMap<Db, () => Promise<Versions>>()

/**
 * A function answering the current data and auth versions: every write committed before the call
 * is included, whichever process made it (see the top of this file for how, per driver). One
 * reader per Db, shared by every caller.
 */
export function versionsReader(db: Db): () => Promise<Versions> {
  let reader = readers.get(db)
  if (!reader) {
    reader =
      db.driver === 'pglite' && db.session
        ? inProcessVersion(db as Db & Required<Pick<Db, 'session'>>)
        : serverVersion(db)
    readers.set(db, reader)
  }
  return reader
}

const KEY = 'yuanluo.versions'

/** The versions for this request: read once, shared by the auth middleware and the route. */
export function requestVersions(c: Context, db: Db): Promise<Versions> {
  let p = c.get(KEY as never) as Promise<Versions> | undefined
  if (!p) {
    p = versionsReader(db)()
    c.set(KEY as never, p as never)
  }
  return p
}

/**
 * Gives this request its versions from a statement that already read them (a tile rendered with
 * its versions in one statement, features/tiles/early-render.ts), instead of a read of its own. The
 * statement must have started after the request arrived, as a read of its own would. No effect once
 * the request has its versions.
 */
export function provideRequestVersions(c: Context, versions: Promise<Versions>): void {
  if (!c.get(KEY as never)) c.set(KEY as never, versions as never)
}

/** Reads the data version once (tests, scripts). */
export const readDataVersion = async (db: Pick<Db, 'query'>) => (await read(db)).data

/** Reads both versions once (tests). */
export const readVersions = read
