import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from '../../server/src/db/db.ts'
import { migrate } from '../../server/src/db/migrate.ts'
import { openPglite } from '../../server/src/db/pglite-db.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MIGRATIONS = join(ROOT, 'server/src/db/migrations')
const CACHE = join(ROOT, 'node_modules/.cache/yuanluo')

/** Where per-describe copies go: RAM-backed when the machine has /dev/shm, since PGlite writes through. */
export const PGLITE_SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()

// The template is valid as long as the migrations and the PGlite builds are unchanged.
async function templateKey(): Promise<string> {
  const hash = createHash('sha256')
  for (const pkg of ['@electric-sql/pglite', '@electric-sql/pglite-postgis']) {
    hash.update(
      JSON.parse(await readFile(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version,
    )
  }
  for (const file of (await readdir(MIGRATIONS)).sort()) {
    hash.update(file).update(await readFile(join(MIGRATIONS, file)))
  }
  return hash.digest('hex').slice(0, 16)
}

const DAY_MS = 24 * 3600 * 1000

// Each migration edit leaves a 60 MB template behind; one unused for a day belongs to no running
// suite (a cache hit refreshes the date), so it can go.
async function pruneStaleTemplates(keep: string) {
  for (const name of await readdir(CACHE)) {
    const path = join(CACHE, name)
    if (path === keep || !/^pglite-[0-9a-f]+$/.test(name)) continue
    if (Date.now() - (await stat(path)).mtimeMs > DAY_MS)
      await rm(path, { recursive: true, force: true })
  }
}

/** Builds (once, cached under node_modules/.cache) a migrated PGlite data directory; returns its path. */
export async function buildPgliteTemplate(): Promise<{ dir: string; built: boolean }> {
  const dir = join(CACHE, `pglite-${await templateKey()}`)
  if (existsSync(join(dir, 'PG_VERSION'))) {
    const now = new Date()
    await utimes(dir, now, now)
    return { dir, built: false }
  }
  await mkdir(CACHE, { recursive: true })
  const work = `${dir}.tmp-${process.pid}`
  await rm(work, { recursive: true, force: true })
  const db = await openPglite(work)
  await migrate(db)
  await db.exec('CHECKPOINT')
  await db.close()
  try {
    await rename(work, dir)
  } catch (err) {
    // A concurrent run finished first: its copy is as good as ours.
    if (!existsSync(join(dir, 'PG_VERSION'))) throw err
    await rm(work, { recursive: true, force: true })
  }
  await pruneStaleTemplates(dir)
  return { dir, built: true }
}

let copies = 0

/** Opens a private copy of a migrated PGlite data directory; closing it deletes the copy. */
export async function openPgliteFrom(
  templateDir: string,
  scratchPrefix = 'yuanluo-pglite',
): Promise<Db> {
  const dir = join(PGLITE_SCRATCH, `${scratchPrefix}-${process.pid}-${++copies}`)
  await rm(dir, { recursive: true, force: true })
  await cp(templateDir, dir, { recursive: true })
  try {
    const db = await openPglite(dir)
    return {
      ...db,
      async close() {
        await db.close()
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true })
    throw err
  }
}
