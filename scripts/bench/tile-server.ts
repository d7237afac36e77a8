/**
 * A bench server in its own process (one Node thread = one core): the app of createApp on a
 * PostgreSQL database, API only, with accounts required as `npm start` runs it (session cookie, CSRF,
 * policy). `node --import tsx scripts/bench/tile-server.ts <databaseUrl> <port> [cacheMb]`.
 * Prints "ready" on stdout when listening.
 */
import { serve } from '@hono/node-server'
import { createApp } from '../../server/src/app.ts'
import { openPg } from '../../server/src/db/pg-db.ts'
import { createLogger } from '../../server/src/lib/log.ts'

const [url, port, cacheMb] = process.argv.slice(2)
if (!url || !port) throw new Error('usage: tile-server.ts <databaseUrl> <port> [cacheMb]')
const db = openPg(url)
const env = {
  BASEMAP: 'plain' as const,
  TIANDITU_KEY: undefined,
  PMTILES_URL: undefined,
  TILE_CACHE_MB: cacheMb === undefined ? 256 : Number(cacheMb),
}
serve(
  {
    fetch: createApp({ db, env, log: createLogger('warn') }, { auth: 'required' }).fetch,
    port: Number(port),
    hostname: '127.0.0.1',
  },
  () => process.stdout.write('ready\n'),
)
process.once('SIGTERM', () => void db.close().finally(() => process.exit(0)))
