import { afterAll, beforeAll, describe, inject } from 'vitest'
import type { Db } from '../../server/src/db/db.ts'
import { openPg } from '../../server/src/db/pg-db.ts'
import { createDatabaseFrom, dropDatabase } from './pg-databases.ts'
import { openPgliteFrom } from './pglite-template.ts'
import { missingSuite } from './requirements.ts'

/** Opens a private, migrated PGlite (a copy of the run's template); closing deletes it. */
export function openTestPglite(): Promise<Db> {
  return openPgliteFrom(inject('pgliteTemplateDir'), `yuanluo-pglite-${inject('runId')}`)
}

let created = 0

/** Creates a migrated database on the run's PostGIS server (from its template); closing drops it. */
export async function openTestPg(): Promise<Db> {
  const target = inject('pg')
  if (!target.available) throw new Error(`no PostGIS server for tests: ${target.reason}`)
  const name = `${target.dbPrefix}${process.pid}_${++created}`
  const db = openPg(await createDatabaseFrom(target.adminUrl, target.template, name))
  return {
    ...db,
    async close() {
      await db.close()
      await dropDatabase(target.adminUrl, name)
    },
  }
}

function dbBlock(title: string, open: () => Promise<Db>, body: (getDb: () => Db) => void) {
  describe(title, () => {
    let db: Db | undefined
    beforeAll(async () => {
      db = await open()
    })
    afterAll(async () => {
      await db?.close()
    })
    body(() => {
      if (!db) throw new Error('the database is not open yet: call getDb() inside a test or hook')
      return db
    })
  })
}

/** Runs the PostGIS half only, for SQL that PGlite cannot answer; same placeholder rules. */
export function describeOnPostgis(name: string, body: (getDb: () => Db) => void): void {
  const target = inject('pg')
  if (!target.available) return missingSuite(`${name} [postgis]`, target.reason, 'REQUIRE_POSTGIS')
  dbBlock(`${name} [postgis]`, openTestPg, body)
}

/**
 * Registers the same tests twice: `name [pglite]` on a private PGlite and `name [postgis]` on a fresh
 * database of the real server, each migrated and opened once per block (beforeAll), closed after.
 * Without a server the PostGIS half is one placeholder test (skipped, or failed if REQUIRE_POSTGIS=1).
 */
export function describeEachDb(name: string, body: (getDb: () => Db) => void): void {
  dbBlock(`${name} [pglite]`, openTestPglite, body)
  describeOnPostgis(name, body)
}
