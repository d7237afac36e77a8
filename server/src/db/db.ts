import type { SqlQuery } from './sql.ts'

/** Which driver answers: the embedded PGlite or a PostgreSQL server through node-postgres. */
export type DriverName = 'pglite' | 'pg'

/**
 * The one seam between the application and its database. Both drivers answer the same SQL text;
 * numeric results that could exceed 2^53 are cast in SQL (::int, ::float8) so both return numbers.
 */
export interface Db {
  readonly driver: DriverName
  /** Runs one parameterised statement and returns its rows. */
  query<R = Record<string, unknown>>(q: SqlQuery): Promise<R[]>
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>
  /** Runs a script of several statements without parameters (migrations, seeding). */
  exec(script: string): Promise<void>
  close(): Promise<void>
  /**
   * A session of its own: on PostgreSQL a dedicated connection outside the pool (its statements
   * never wait behind the pool's), on PGlite its one session. With `listen`, it LISTENs on the
   * channel: `onNotify` gets each payload once the notifying transaction commits, on PGlite before
   * that write's own promise resolves. `onEnd` is called once if the connection is lost.
   */
  session?(opts?: SessionOptions): Promise<DbSession>
}

export interface SessionOptions {
  listen?: { channel: string; onNotify: (payload: string) => void }
  onEnd?: (err: Error) => void
}

export interface DbSession {
  query<R = Record<string, unknown>>(q: SqlQuery): Promise<R[]>
  close(): Promise<void>
}
