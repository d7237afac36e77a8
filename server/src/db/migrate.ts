import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Db } from './db.ts'
import { sql } from './sql.ts'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

/** Applies every migration in migrations/NNNN_name.sql not yet recorded, in order, each in its own transaction. */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`)
  const done = new Set(
    (await db.query<{ name: string }>(sql`SELECT name FROM schema_migration`)).map((r) => r.name),
  )
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort()
  const applied: string[] = []
  for (const file of files) {
    if (done.has(file)) continue
    const script = await readFile(MIGRATIONS_DIR + file, 'utf8')
    await db.tx(async (t) => {
      await t.exec(script)
      await t.query(sql`INSERT INTO schema_migration (name) VALUES (${file})`)
    })
    applied.push(file)
  }
  return applied
}
