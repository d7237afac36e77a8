import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { findChromium } from './find-chromium.ts'
import { banner } from './requirements.ts'
import { createTemplate, dropDatabasesLike } from './pg-databases.ts'
import { findPostgres, startPgServer } from './pg-server.ts'
import { buildPgliteTemplate, PGLITE_SCRATCH } from './pglite-template.ts'
import type { PgTarget } from './provided.ts'

interface Prepared {
  target: PgTarget
  teardown: () => Promise<void>
}

const nothing = async () => {}
const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

// An external server is shared with others: everything this run creates carries its prefix.
async function useDatabaseUrl(url: string, runId: string): Promise<Prepared> {
  const dbPrefix = `yt_${runId}_`
  const template = `${dbPrefix}tmpl`
  try {
    await createTemplate(url, template)
  } catch (err) {
    await dropDatabasesLike(url, dbPrefix).catch(() => {})
    return {
      target: { available: false, reason: `DATABASE_URL is set but unusable: ${message(err)}` },
      teardown: nothing,
    }
  }
  return {
    target: { available: true, adminUrl: url, template, dbPrefix, source: 'DATABASE_URL' },
    teardown: () => dropDatabasesLike(url, dbPrefix),
  }
}

async function useLocalServer(runId: string): Promise<Prepared> {
  // Lets a developer (and the harness's own checks) see exactly what a machine without PostGIS sees.
  if (process.env.YUANLUO_NO_POSTGIS === '1') {
    return {
      target: { available: false, reason: 'disabled by YUANLUO_NO_POSTGIS=1' },
      teardown: nothing,
    }
  }
  const install = findPostgres()
  if ('reason' in install)
    return { target: { available: false, reason: install.reason }, teardown: nothing }
  let server
  try {
    server = await startPgServer(install.binDir)
    await createTemplate(server.adminUrl, 'yuanluo_template')
  } catch (err) {
    await server?.stop()
    return {
      target: { available: false, reason: `local PostgreSQL failed to start: ${message(err)}` },
      teardown: nothing,
    }
  }
  const { adminUrl } = server
  return {
    target: {
      available: true,
      adminUrl,
      template: 'yuanluo_template',
      dbPrefix: `yt_${runId}_`,
      source: 'local',
    },
    teardown: () => server.stop(),
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

// Copies are named yuanluo-pglite-<run>-<worker pid>-<n>: remove this run's, and any whose worker
// died without closing (a killed run leaves them in RAM-backed /dev/shm).
async function removeScratch(runId?: string) {
  const names = await readdir(PGLITE_SCRATCH).catch(() => [] as string[])
  const doomed = names.filter((n) => {
    const m = /^yuanluo-pglite-([a-z0-9]+)-(\d+)-\d+$/.exec(n)
    return m && (m[1] === runId || !isAlive(Number(m[2])))
  })
  await Promise.all(
    doomed.map((n) => rm(join(PGLITE_SCRATCH, n), { recursive: true, force: true })),
  )
}

/** Vitest globalSetup: a migrated PGlite template and a PostGIS server (or the reason there is none). */
export default async function setup(project: TestProject) {
  const runId = `${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}`
  const t0 = performance.now()
  await removeScratch()
  const url = process.env.DATABASE_URL
  const [pglite, pg] = await Promise.all([
    buildPgliteTemplate(),
    url ? useDatabaseUrl(url, runId) : useLocalServer(runId),
  ])
  project.provide('pg', pg.target)
  project.provide('pgliteTemplateDir', pglite.dir)
  project.provide('runId', runId)

  const source = pg.target.available ? `PostGIS via ${pg.target.source}` : 'no PostGIS'
  const template = pglite.built ? 'built' : 'cached'
  console.log(
    `[harness] ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: PGlite template ${template}, ${source}`,
  )
  if (!pg.target.available)
    console.warn(banner('PostGIS suites', pg.target.reason, 'REQUIRE_POSTGIS'))
  if (!findChromium())
    console.warn(banner('browser suites', 'no Chromium executable found', 'REQUIRE_BROWSER'))

  return async () => {
    await pg.teardown()
    await removeScratch(runId)
  }
}
