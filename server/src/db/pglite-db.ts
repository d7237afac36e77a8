import { PGlite, type Transaction } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import type { Db } from './db.ts'
import type { SqlQuery } from './sql.ts'

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction

function wrap(q: Queryable, root: PGlite, inTx: boolean): Db {
  const db: Db = {
    driver: 'pglite',
    async query<R>(query: SqlQuery) {
      const res = await q.query<R>(query.text, query.values as unknown[])
      return res.rows
    },
    async tx(fn) {
      // PGlite has one connection: a nested transaction simply joins the outer one.
      if (inTx) return fn(db)
      return root.transaction((t) => fn(wrap(t, root, true)))
    },
    async exec(script) {
      await q.exec(script)
    },
    async close() {
      if (!inTx) await root.close()
    },
    async session(opts) {
      // One session only: the "dedicated" session is the database itself.
      const listen = opts?.listen
      const unlisten = listen ? await root.listen(listen.channel, listen.onNotify) : undefined
      const base = wrap(root, root, false)
      return { query: (q) => base.query(q), close: async () => unlisten?.() }
    },
  }
  return db
}

/** Opens the embedded database; `dataDir` undefined keeps it in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create({ dataDir, extensions: { postgis } })
  return wrap(pg, pg, false)
}
