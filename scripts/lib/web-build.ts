import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/** The page's own sources and build configuration, relative to the repository root. */
const WEB_INPUTS = [
  'web/src',
  'web/index.html',
  'web/public',
  'vite.config.ts',
  'package-lock.json',
]
const WEB_SRC = 'web/src'
const BUILT_PAGE = 'web/dist/index.html'
const SOURCE = /\.(ts|tsx|js|mjs)$/
const TEST = /\.test\.tsx?$/
// Relative specifiers of `import … from`, `export … from`, `import('…')` and bare `import '…'`.
const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g

/** Every file below a directory (the directory itself when it is a file); none when absent. */
function filesBelow(path: string): string[] {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).flatMap((name) => filesBelow(join(path, name)))
}

/** The file a relative specifier names from `from`, or undefined (a missing file Vite reports). */
function resolveSpecifier(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec.replace(/[?#].*$/, ''))
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  return undefined
}

/**
 * The files outside web/src that the page imports, directly or through each other (today
 * server/src/domain/branch-rules.ts, the ledger's edit schemas, the import core's compound schema
 * and what they import), relative to `root`. Found by following relative import specifiers from every source file of web/src, so
 * a new import from ../server is watched without a list to keep up to date.
 */
export function pageImportsOutsideWeb(root = '.'): string[] {
  const webSrc = resolve(root, WEB_SRC)
  // Tests beside the page's code are not bundled: what only they import does not make it stale.
  const queue = filesBelow(webSrc).filter((f) => SOURCE.test(f) && !TEST.test(f))
  const seen = new Set(queue)
  const outside = new Set<string>()
  while (queue.length > 0) {
    const file = queue.pop()!
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = resolveSpecifier(file, spec!)
      if (!target || seen.has(target)) continue
      seen.add(target)
      if (relative(webSrc, target).startsWith('..')) outside.add(relative(resolve(root), target))
      if (SOURCE.test(target)) queue.push(target)
    }
  }
  return [...outside].sort()
}

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

/** True when web/dist is missing or older than any of the page's sources, wherever they live. */
export function webBuildIsStale(root = '.'): boolean {
  const page = join(root, BUILT_PAGE)
  if (!existsSync(page)) return true
  const built = statSync(page).mtimeMs
  return [...WEB_INPUTS, ...pageImportsOutsideWeb(root)].some(
    (p) => newestMtimeMs(join(root, p)) > built,
  )
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
