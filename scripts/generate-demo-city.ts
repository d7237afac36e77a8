/**
 * `npm run demo-city -- --seed 1 --scale 1 [--geojson out.geojson] [--database-url URL | --data-dir DIR]`
 * Generates the demo city, prints timing and calibration figures, then writes compounds as GeoJSON and/or
 * loads everything into a migrated, empty database (PostgreSQL by URL or PGlite in a directory).
 * `--cities N` (with a database) loads a nation for benchmarks instead: N cities of ~20,000
 * compounds each at their own place and codes, one transaction per city (server/src/demo/nation.ts).
 */
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { Db } from '../server/src/db/db.ts'
import { migrate } from '../server/src/db/migrate.ts'
import { openPg } from '../server/src/db/pg-db.ts'
import { openPglite } from '../server/src/db/pglite-db.ts'
import { sql } from '../server/src/db/sql.ts'
import { generateDemoCity } from '../server/src/demo/generate.ts'
import { loadDemoCity } from '../server/src/demo/load.ts'
import { loadNation } from '../server/src/demo/nation.ts'
import type { DemoCity } from '../server/src/demo/types.ts'

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: '1' },
    cities: { type: 'string' },
    geojson: { type: 'string' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help) {
  process.stdout.write(
    'usage: npm run demo-city -- [--seed N] [--scale S] [--cities N] [--geojson FILE] [--database-url URL | --data-dir DIR]\n',
  )
  process.exit(0)
}
if (values['database-url'] && values['data-dir'])
  fail('give either --database-url or --data-dir, not both')

const seed = Number(values.seed)
const scale = Number(values.scale)
if (!Number.isInteger(seed)) fail(`--seed must be an integer, got "${values.seed}"`)
if (!(scale > 0 && scale <= 2)) fail(`--scale must be a number in (0, 2], got "${values.scale}"`)

function fail(message: string): never {
  process.stderr.write(`demo-city: ${message}\n`)
  process.exit(1)
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`

/** Prints the generator's calibration figures beside DOMAIN.md's published ones. */
function report(city: DemoCity): void {
  const s = city.stats
  const rows: [string, string | number, string][] = [
    [
      'districts / streets / communities',
      `${s.districts} / ${s.streets} / ${s.communities}`,
      '20 / 261 / ~3,000',
    ],
    ['compounds (old)', `${s.compounds} (${s.oldCompounds})`, '~20,000 (~11,000)'],
    ['old compounds per community with old', s.oldPerCommunityWithOld, '12'],
    ['old with >= 3 full members', s.oldBranchClass, '2,242 built alone + those organised before'],
    ['old small, clustered (joint feasible)', s.oldClustered, '4,515'],
    ['old small, scattered', s.oldScattered, '511'],
    ['old should-build (>= 3, no branch)', s.oldShouldBuild, 'the gap to plan'],
    ['organisation coverage of old', pct(s.orgCoverageOld), 'before ~55-60%, after 87%'],
    ['station coverage of old (300 m)', pct(s.stationCoverageOld), 'before 15%, after 35%'],
    [
      'orgs standalone / joint / temporary / instructor',
      `${s.orgs.standalone} / ${s.orgs.joint} / ${s.orgs.temporary} / ${s.orgs.instructor}`,
      'after: 2,242 / 1,276 / 66 / 511',
    ],
    [
      'old in standalone / joint / temporary / instructor',
      `${s.oldStandalone} / ${s.oldInJoint} / ${s.oldInTemporary} / ${s.oldWithInstructor}`,
      '',
    ],
    ['stations', s.stations, 'after: +1,321'],
    [
      'old households mean, site area mean (ha)',
      `${s.oldHouseholdsMean}, ${s.oldSiteAreaHaMean}`,
      '~500',
    ],
    [
      'members in old: registered / in-service / floating',
      `${s.membersRegisteredOld} / ${s.membersInServiceOld} / ${s.membersFloatingOld}`,
      '89,000 / 18,000 / 3,816',
    ],
    [
      'vanguard teams / self-governance bodies (old)',
      `${s.vanguardTeamsOld} / ${s.selfGovernanceBodiesOld}`,
      'after: 2,673 / 6,582',
    ],
    [
      'consultations / problems closed (old)',
      `${s.consultationsOld} / ${s.problemsClosedOld}`,
      '9,921 / 8,338',
    ],
    ['households / residents (all)', `${s.households} / ${s.residents}`, ''],
  ]
  for (const [label, value, published] of rows) {
    process.stdout.write(`  ${label.padEnd(52)} ${String(value).padEnd(26)} ${published}\n`)
  }
}

/** Loads into an empty database after migrating it; refuses a database that already holds areas. */
async function load(db: Db, city: DemoCity): Promise<void> {
  await migrate(db)
  const [row] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM area`)
  if ((row?.n ?? 0) > 0) {
    fail(
      `the database already holds ${row?.n} areas; load the demo city only into an empty database`,
    )
  }
  const summary = await loadDemoCity(db, city)
  process.stdout.write(
    `loaded in ${summary.ms} ms: ${JSON.stringify({ ...summary, ms: undefined })}\n`,
  )
  const [cov] = await db.query<{ org: number; station: number }>(sql`
    SELECT avg((cc.status IN ('standalone', 'joint', 'temporary', 'instructor'))::int)::float8 AS org,
      avg((EXISTS (SELECT 1 FROM station s
        WHERE ST_DWithin(s.location::geography, c.boundary::geography, 300)))::int)::float8 AS station
    FROM compound c JOIN compound_coverage cc ON cc.compound_id = c.id WHERE c.is_old`)
  process.stdout.write(
    `measured in the database: organisation coverage ${pct(cov?.org ?? 0)}, station coverage ${pct(cov?.station ?? 0)}\n`,
  )
}

if (values.cities !== undefined) {
  const cities = Number(values.cities)
  if (!(Number.isInteger(cities) && cities >= 1 && cities <= 300))
    fail(`--cities must be an integer in 1..300, got "${values.cities}"`)
  const url = values['database-url']
  if (!url && !values['data-dir']) fail('--cities needs --database-url or --data-dir')
  const db = url ? openPg(url) : await openPglite(values['data-dir'])
  try {
    await migrate(db)
    const [row] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM area`)
    if ((row?.n ?? 0) > 0) fail(`the database already holds ${row?.n} areas; use an empty one`)
    const done = await loadNation(db, { cities, seed, scale }, (i, s) =>
      process.stdout.write(`city ${i + 1}/${cities}: ${s.compounds} compounds in ${s.ms} ms\n`),
    )
    process.stdout.write(
      `nation of ${cities} cities, ${done.compounds} compounds in ${done.ms} ms\n`,
    )
  } finally {
    await db.close()
  }
  process.exit(0)
}

const t0 = performance.now()
const city = generateDemoCity({ seed, scale })
process.stdout.write(
  `generated seed ${seed} scale ${scale} in ${Math.round(performance.now() - t0)} ms\n`,
)
report(city)

if (values.geojson) {
  const features = city.compounds.map(({ boundary, ...properties }) => ({
    type: 'Feature',
    geometry: boundary,
    properties,
  }))
  await writeFile(values.geojson, JSON.stringify({ type: 'FeatureCollection', features }))
  process.stdout.write(`wrote ${features.length} compounds to ${values.geojson}\n`)
}

const url = values['database-url']
const dir = values['data-dir']
if (url || dir) {
  const t1 = performance.now()
  const db = url ? openPg(url) : await openPglite(dir)
  try {
    await load(db, city)
  } finally {
    await db.close()
  }
  process.stdout.write(
    `database work (open, migrate, load, measure) took ${Math.round(performance.now() - t1)} ms\n`,
  )
}
