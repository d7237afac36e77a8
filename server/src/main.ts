import { serve } from '@hono/node-server'
import { existsSync } from 'node:fs'
import { createApp } from './app.ts'
import { migrate } from './db/migrate.ts'
import { openDb } from './db/open.ts'
import { ensureDemoCity } from './demo/load.ts'
import { startMonthlySnapshots } from './features/scorecard/snapshots.ts'
import { demoAccountsNotice, ensureDemoAccounts } from './features/auth/demo-accounts.ts'
import { countUsers } from './features/auth/users.queries.ts'
import { readEnv } from './env.ts'
import { createLogger } from './lib/log.ts'

/** Entry point: read configuration, open and migrate the database, load the demo city if empty, serve. */
export async function main() {
  const started = performance.now()
  const env = readEnv()
  const log = createLogger(env.LOG_LEVEL)
  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR })
  log.info('database open', { driver: db.driver, ms: Math.round(performance.now() - started) })

  const applied = await migrate(db)
  if (applied.length > 0) log.info('migrations applied', { applied })

  if (env.DEMO_CITY) {
    const t = performance.now()
    const loaded = await ensureDemoCity(db, { seed: env.DEMO_SEED, scale: env.DEMO_SCALE })
    if (loaded) log.info('demo city loaded', { ms: Math.round(performance.now() - t) })
    // Demo accounts on the embedded default only: their passwords go to the console once, never to the log.
    if (!env.DATABASE_URL) {
      const accounts = await ensureDemoAccounts(db)
      if (accounts.length > 0) process.stdout.write(demoAccountsNotice(accounts) + '\n')
    }
  }
  if ((await countUsers(db)) === 0)
    log.warn('no accounts yet: create one with `npm run user -- add <username> --role admin`')

  // The scorecard's monthly snapshot: now if this month has none, then checked once a day.
  startMonthlySnapshots(db, log)

  const webDist = env.WEB_DIST && existsSync(env.WEB_DIST) ? env.WEB_DIST : undefined
  if (!webDist) log.warn('web app not built: serving the API only', { webDist: env.WEB_DIST })
  // Always 'required': the header seam of createApp exists for tests only (features/auth/README.md).
  const app = createApp(
    { db, env, log },
    { webDist, pmtilesFile: env.PMTILES_FILE, auth: env.AUTH, trustProxy: env.TRUST_PROXY },
  )

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    log.info(`Yuanluo 院落 ready on http://localhost:${info.port}`, {
      ms: Math.round(performance.now() - started),
    })
  })

  const shutdown = () => {
    server.close()
    void db.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}
