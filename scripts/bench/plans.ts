/**
 * Plans (issue 5): on the demo city (seed 20041, scale 1) in PGlite (on disk, as `npm start` runs
 * it) and in a throw-away PostgreSQL + PostGIS, through the API in process (`app.request`, no HTTP):
 * the street with most small old compounds; a plan from its joint-branch candidates; the page's
 * context request; saving a 100-branch plan as one change batch (candidates, topped up with
 * should-build compounds as standalone branches); an autosave of one branch in that plan; and
 * adopting it (each adoption undone afterwards so the next run starts from the same ledger).
 * `npm run bench -- --only=plans`, or `npx tsx scripts/bench/plans.ts` alone.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../server/src/app.ts'
import type { Db } from '../../server/src/db/db.ts'
import { migrate } from '../../server/src/db/migrate.ts'
import { openPg } from '../../server/src/db/pg-db.ts'
import { openPglite } from '../../server/src/db/pglite-db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import { loadDemoCity } from '../../server/src/demo/load.ts'
import { createLogger } from '../../server/src/lib/log.ts'
import { findPostgres, startPgServer } from '../../tests/helpers/pg-server.ts'

type Record_ = (what: string, value: string) => void
type Branch = { key: string; name: string; kind: string; compoundIds: number[] }

const BRANCHES = 100
const RUNS = 5
const env = { BASEMAP: 'plain' as const, TIANDITU_KEY: undefined, PMTILES_URL: undefined }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (x: number) => `${Math.round(x)} ms`

async function figures(db: Db, driver: string, record: Record_) {
  const app = createApp({ db, env, log: createLogger('warn') })
  const call = async (method: string, path: string, body?: unknown) => {
    const t0 = performance.now()
    const res = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-yuanluo-user': 'bench' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json = (await res.json()) as Record<string, unknown> & { id: number; version: number }
    const took = performance.now() - t0
    if (!res.ok)
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`)
    return { took, json }
  }

  const [street] = await db.query<{ id: string; n: number }>(sql`
    SELECT a.parent_id AS id, count(*)::int AS n
    FROM compound c JOIN area a ON a.id = c.community_id
    JOIN compound_coverage cov ON cov.compound_id = c.id
    WHERE c.is_old AND cov.status IN ('few_members', 'no_members', 'instructor')
    GROUP BY a.parent_id ORDER BY n DESC, a.parent_id LIMIT 1`)
  const areaId = street!.id

  const fromCandidates = await call('POST', '/api/plans', {
    name: '候选',
    areaId,
    from: 'candidates',
  })
  const candidates = (fromCandidates.json.branches as Branch[]).slice(0, BRANCHES)
  record(
    `plans, street ${areaId}, ${driver}: new plan from candidates (analysis included)`,
    `${ms(fromCandidates.took)}; ${street!.n} small old compounds, ${(fromCandidates.json.branches as Branch[]).length} candidate branches`,
  )
  const context = []
  for (let i = 0; i < RUNS; i++)
    context.push(await call('GET', `/api/plans/${fromCandidates.json.id}/context`))
  const ctx = context[0]!.json as unknown as { compounds: unknown[]; adjacency: unknown[] }
  record(
    `plans, street ${areaId}, ${driver}: GET context (median of ${RUNS})`,
    `${ms(median(context.map((c) => c.took)))}; ${ctx.compounds.length} compounds, ${ctx.adjacency.length} adjacent pairs`,
  )

  // Top up to 100 branches with should-build compounds (3–50 members) as standalone branches.
  const extra = await db.query<{ id: number }>(sql`
    SELECT c.id FROM compound c JOIN area a ON a.id = c.community_id
    JOIN compound_coverage cov ON cov.compound_id = c.id
    WHERE a.parent_id = ${areaId} AND cov.status = 'should_build' AND c.members_full <= 50
    ORDER BY c.id LIMIT ${Math.max(0, BRANCHES - candidates.length)}`)
  const branches: Branch[] = [
    ...candidates,
    ...extra.map((c, i) => ({
      key: `s${i + 1}`,
      name: `单独组建 ${i + 1}`,
      kind: 'standalone',
      compoundIds: [c.id],
    })),
  ]
  const batch = branches.map((b) => ({
    op: 'upsertBranch',
    branch: { ...b, boundary: null, locked: false, reason: null },
  }))
  const compounds = branches.reduce((s, b) => s + b.compoundIds.length, 0)

  const saves: number[] = []
  const oneBranch: number[] = []
  const adopts: number[] = []
  let adoptCoverage = ''
  for (let i = 0; i < RUNS; i++) {
    const plan = (await call('POST', '/api/plans', { name: `百支部 ${i}`, areaId })).json
    const saved = await call('POST', `/api/plans/${plan.id}/changes`, {
      version: 1,
      changes: batch,
    })
    saves.push(saved.took)
    const b0 = branches[0]!
    const resaved = await call('POST', `/api/plans/${plan.id}/changes`, {
      version: 2,
      changes: [{ op: 'upsertBranch', branch: { ...batch[0]!.branch, name: `${b0.name}(改)` } }],
    })
    oneBranch.push(resaved.took)
    const adopted = await call('POST', `/api/plans/${plan.id}/adopt`, { version: 3 })
    adopts.push(adopted.took)
    const a = adopted.json as unknown as {
      plan: { branches: { orgId: number }[] }
      coverageBefore: { organisationCoverage: number }
      coverageAfter: { organisationCoverage: number }
    }
    adoptCoverage = `coverage ${(a.coverageBefore.organisationCoverage * 100).toFixed(1)}% → ${(a.coverageAfter.organisationCoverage * 100).toFixed(1)}%`
    // Undo the adoption so the next run adopts into the same ledger.
    await db.query(
      sql`DELETE FROM party_org WHERE id = ANY(${a.plan.branches.map((x) => x.orgId)}::int[])`,
    )
  }
  record(
    `plans, street ${areaId}, ${driver}: save a ${branches.length}-branch plan as one batch (median of ${RUNS})`,
    `${ms(median(saves))} (${compounds} compounds; min ${ms(Math.min(...saves))}, max ${ms(Math.max(...saves))})`,
  )
  record(
    `plans, street ${areaId}, ${driver}: autosave of one branch in that plan (median of ${RUNS})`,
    ms(median(oneBranch)),
  )
  record(
    `plans, street ${areaId}, ${driver}: adopt the ${branches.length}-branch plan (median of ${RUNS})`,
    `${ms(median(adopts))} (min ${ms(Math.min(...adopts))}, max ${ms(Math.max(...adopts))}); ${adoptCoverage}`,
  )
}

/** Measures both databases; figures go to `record`. */
export async function planFigures(record: Record_): Promise<void> {
  const city = generateDemoCity({ seed: 20041, scale: 1 })
  const scratch = mkdtempSync(join(tmpdir(), 'yuanluo-bench-plans-'))
  try {
    const lite = await openPglite(join(scratch, 'pglite'))
    try {
      await migrate(lite)
      await loadDemoCity(lite, city)
      await figures(lite, 'PGlite', record)
    } finally {
      await lite.close()
    }
    const install = findPostgres()
    if ('reason' in install) record('plans, PostGIS', `not measured: ${install.reason}`)
    else {
      const server = await startPgServer(install.binDir)
      const db = openPg(server.adminUrl)
      try {
        await migrate(db)
        await loadDemoCity(db, city)
        await figures(db, 'PostGIS', record)
      } finally {
        await db.close()
        await server.stop()
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows: [string, string][] = []
  await planFigures((what, value) => {
    rows.push([what, value])
    process.stderr.write(`${what}: ${value}\n`)
  })
  console.log('| measure | figure |\n|---|---|')
  for (const [what, value] of rows) console.log(`| ${what} | ${value} |`)
  process.exit(0)
}
