import pg from 'pg'
import type { Db } from './db.ts'
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
      await pool.end()
    },
  }
}
