/**
 * `npm start`: builds the web app when its sources are newer than the last build, then starts the
 * server. A second start with nothing changed skips the build, which keeps it to a few seconds.
 */
import { main } from '../server/src/main.ts'
import { buildWebIfStale } from './lib/web-build.ts'

if (process.env.WEB_DIST !== '') await buildWebIfStale((line) => process.stderr.write(line + '\n'))
await main()
