import pg from 'pg'
import type { Db, DbSession, SessionOptions } from './db.ts'
import type { SqlQuery } from './sql.ts'

// Keep int8 and numeric as strings (the default): queries cast to int/float8 where a number is meant.

function wrapClient(client: pg.PoolClient): Db {
  const db: Db = {
    driver: 'pg',
    async query<R>(q: SqlQuery) {
      const res = await client.query(q.text, q.values as unknown[])
      return res.rows as R[]
    },
    async tx(fn) {
      return fn(db) // already inside the outer transaction
    },
    async exec(script) {
      await client.query(script)
    },
    async close() {},
  }
  return db
}

/** Connects a pool to a PostgreSQL + PostGIS server; fails fast (2 s) when the server is down. */
export function openPg(connectionString: string): Db {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 2000,
    statement_timeout: 60_000,
  })
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {})
  const sessions = new Set<DbSession>()
  return {
    driver: 'pg',
    async query<R>(q: SqlQuery) {
      const res = await pool.query(q.text, q.values as unknown[])
      return res.rows as R[]
    },
    async tx(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(wrapClient(client))
        await client.query('COMMIT')
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {})
        throw err
      } finally {
        client.release()
      }
    },
    async exec(script) {
      await pool.query(script)
    },
    async close() {
      await Promise.all([...sessions].map((s) => s.close().catch(() => {})))
      await pool.end()
    },
    async session(opts) {
      const s: DbSession = await openSession(connectionString, {
        ...opts,
        onEnd: (err) => (sessions.delete(s), opts?.onEnd?.(err)),
      })
      sessions.add(s)
      return { query: (q) => s.query(q), close: () => (sessions.delete(s), s.close()) }
    },
  }
}

/** A dedicated connection (see Db.session), optionally LISTENing on a channel. */
async function openSession(
  connectionString: string,
  opts: SessionOptions = {},
): Promise<DbSession> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 })
  let ended = false
  const end = (err: Error) => {
    if (ended) return
    ended = true
    client.end().catch(() => {})
    opts.onEnd?.(err)
  }
  client.on('error', end)
  client.on('end', () => end(new Error('connection closed')))
  const { listen } = opts
  if (listen)
    client.on('notification', (n) => {
      if (n.channel === listen.channel) listen.onNotify(n.payload ?? '')
    })
  try {
    await client.connect()
    if (listen) await client.query(`LISTEN ${client.escapeIdentifier(listen.channel)}`)
  } catch (err) {
    ended = true
    await client.end().catch(() => {})
    throw err
  }
  return {
    async query<R>(q: SqlQuery) {
      const res = await client.query(q.text, q.values as unknown[])
      return res.rows as R[]
    },
    async close() {
      if (ended) return
      ended = true
      await client.end()
    },
  }
}
