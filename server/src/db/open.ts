import { mkdir } from 'node:fs/promises'
import type { Db } from './db.ts'
import { openPg } from './pg-db.ts'
import { openPglite } from './pglite-db.ts'

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite under dataDir. */
export async function openDb(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  if (opts.databaseUrl) return openPg(opts.databaseUrl)
  await mkdir(opts.dataDir, { recursive: true })
  return openPglite(opts.dataDir)
}
