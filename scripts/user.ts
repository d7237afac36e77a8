/** `npm run user -- add|passwd|disable|enable|list …` (see server/src/features/auth/user-cli.ts). */
import { createInterface } from 'node:readline'
import { migrate } from '../server/src/db/migrate.ts'
import { openDb } from '../server/src/db/open.ts'
import { readEnv } from '../server/src/env.ts'
import { runUserCommand } from '../server/src/features/auth/user-cli.ts'

const env = readEnv()
const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR })
let code: number
try {
  await migrate(db)
  code = await runUserCommand(db, process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    readPassword: () =>
      new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin })
        rl.once('line', (line) => {
          rl.close()
          resolve(line)
        })
        rl.once('close', () => resolve(''))
      }),
  })
} finally {
  await db.close()
}
process.exit(code)
