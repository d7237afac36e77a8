// When the page counts as stale: its own sources, and every file it imports from outside web/
// (the server's pure modules it shares), followed through their own imports.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pageImportsOutsideWeb, webBuildIsStale } from '../../scripts/lib/web-build.ts'

const BUILT = new Date('2026-01-02T00:00:00Z')
const OLDER = new Date('2026-01-01T00:00:00Z')
const NEWER = new Date('2026-01-03T00:00:00Z')

let root = ''

/** A repository in a temp dir: files written with `OLDER` times, the page built at `BUILT`. */
function repo(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'yuanluo-web-build-'))
  for (const [path, text] of Object.entries({ ...files, 'web/dist/index.html': '<html>' })) {
    const file = join(root, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
  }
  for (const path of Object.keys(files)) {
    utimesSync(join(root, path), OLDER, OLDER)
    for (let dir = dirname(path); dir !== '.'; dir = dirname(dir))
      utimesSync(join(root, dir), OLDER, OLDER)
  }
  utimesSync(join(root, 'web/dist/index.html'), BUILT, BUILT)
  return root
}
const touch = (path: string) => utimesSync(join(root, path), NEWER, NEWER)

const CITY = {
  'web/src/main.tsx': "import { App } from './App.tsx'\nimport './app.css'\n",
  'web/src/app.css': 'body {}',
  'web/src/App.tsx': [
    "import { checkBranch } from '../../server/src/domain/branch-rules.ts'",
    "export { schema } from '../../server/src/features/edit/edit-schemas.ts'",
    "const lazy = () => import('../../server/src/lazy.ts')",
  ].join('\n'),
  'web/src/App.test.ts': "import { readAll } from '../../server/src/import/index.ts'",
  'server/src/domain/branch-rules.ts': "import { radius } from '../analysis/geometry.ts'",
  'server/src/analysis/geometry.ts': 'export const radius = 1',
  'server/src/analysis/worker.ts': 'export {}',
  'server/src/features/edit/edit-schemas.ts': "import { s } from '../../import/compound-schema.ts'",
  'server/src/import/compound-schema.ts': 'export const s = 1',
  'server/src/import/index.ts': 'export {}',
  'server/src/lazy.ts': 'export {}',
  'server/src/main.ts': 'export {}',
}

describe('web build staleness', () => {
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('follows the page’s imports out of web/src, through each other, skipping tests', () => {
    expect(pageImportsOutsideWeb(repo(CITY))).toEqual([
      'server/src/analysis/geometry.ts',
      'server/src/domain/branch-rules.ts',
      'server/src/features/edit/edit-schemas.ts',
      'server/src/import/compound-schema.ts',
      'server/src/lazy.ts',
    ])
  })

  it('is fresh when nothing changed since the build', () => {
    expect(webBuildIsStale(repo(CITY))).toBe(false)
  })

  for (const path of [
    'web/src/App.tsx',
    'server/src/domain/branch-rules.ts',
    'server/src/analysis/geometry.ts',
    'server/src/import/compound-schema.ts',
    'server/src/lazy.ts',
  ])
    it(`is stale after a change to ${path}`, () => {
      repo(CITY)
      touch(path)
      expect(webBuildIsStale(root)).toBe(true)
    })

  for (const path of [
    'server/src/main.ts',
    'server/src/analysis/worker.ts',
    'server/src/import/index.ts',
  ])
    it(`stays fresh after a change to ${path}, which the page does not import`, () => {
      repo(CITY)
      touch(path)
      expect(webBuildIsStale(root)).toBe(false)
    })

  it('is stale without a built page', () => {
    repo(CITY)
    rmSync(join(root, 'web/dist'), { recursive: true })
    expect(webBuildIsStale(root)).toBe(true)
  })

  it('finds the real page’s shared server modules', () => {
    const outside = pageImportsOutsideWeb()
    for (const path of [
      'server/src/domain/branch-rules.ts',
      'server/src/features/ledger/edit/edit-schemas.ts',
      'server/src/import/compound-schema.ts',
    ])
      expect(outside).toContain(path)
    expect(outside.every((p) => p.startsWith('server/src/'))).toBe(true)
  })
})
