import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const WEB_INPUTS = [
  'web/src',
  'web/index.html',
  'web/public',
  'vite.config.ts',
  'package-lock.json',
]
const BUILT_PAGE = 'web/dist/index.html'

/** Newest modification time (ms) of a file or of any file below a directory; 0 when absent. */
function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newestMtimeMs(join(path, name))),
    stat.mtimeMs,
  )
}

/** True when web/dist is missing or older than any of the page's sources. */
export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT_PAGE)) return true
  const built = statSync(BUILT_PAGE).mtimeMs
  return WEB_INPUTS.some((p) => newestMtimeMs(p) > built)
}

/** Builds the page with Vite when stale (run from the repository root); returns the ms spent, 0 if fresh. */
export async function buildWebIfStale(log: (line: string) => void = () => {}): Promise<number> {
  if (!webBuildIsStale()) return 0
  const t = performance.now()
  log('building the web app (first start or changed sources)…')
  const { build } = await import('vite')
  await build({ logLevel: 'warn' })
  const ms = Math.round(performance.now() - t)
  log(`web app built in ${ms} ms`)
  return ms
}
