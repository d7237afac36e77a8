import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, expect, it } from 'vitest'
import { migrate } from '../../server/src/db/migrate.ts'
import { sql } from '../../server/src/db/sql.ts'
import { describeEachDb } from '../helpers/each-db.ts'
import {
  dissolveOrg,
  insertAreaChain,
  insertCompound,
  insertOrg,
  offsetM,
  squareRing,
  type AreaChain,
  type LngLat,
  type OrgKind,
} from '../helpers/fixtures.ts'

const MIGRATIONS = fileURLToPath(new URL('../../server/src/db/migrations/', import.meta.url))
const ORIGIN: LngLat = [104.06, 30.66]
const UNIQUE_VIOLATION = { code: '23505' }

let spot = 0
// Every compound gets its own 80 m square so tests never share a footprint.
const nextRing = () => squareRing(offsetM(ORIGIN, 100 * ++spot, 0), 80)

describeEachDb('the Db seam', (getDb) => {
  let chain: AreaChain
  beforeAll(async () => {
    chain = await insertAreaChain(getDb())
  })

  const compound = (membersFull = 0) =>
    insertCompound(getDb(), { communityId: chain.community, ring: nextRing(), membersFull })
  const org = (kind: OrgKind, compoundIds: number[], name?: string) =>
    insertOrg(getDb(), { kind, communityId: chain.community, compoundIds, name })
  const areaNamed = async (id: string) =>
    (await getDb().query<{ name: string }>(sql`SELECT name FROM area WHERE id = ${id}`))[0]?.name

  it('stores an injection string as plain data', async () => {
    const evil = "x'); DROP TABLE area; --"
    await getDb().query(sql`INSERT INTO area (id, level, name, parent_id)
      VALUES ('510104001901', 'community', ${evil}, ${chain.street})`)
    expect(await areaNamed('510104001901')).toBe(evil)
  })

  it('answers nested fragments and joined lists with the right parameters', async () => {
    const q = sql`SELECT ${'tag'}::text AS tag, x FROM unnest(ARRAY[${sql.join([3, 5, 8])}]::int[]) AS x
      WHERE ${sql`x > ${4}::int`} ORDER BY x`
    expect(q.values).toEqual(['tag', 3, 5, 8, 4])
    expect(await getDb().query(q)).toEqual([
      { tag: 'tag', x: 5 },
      { tag: 'tag', x: 8 },
    ])
  })

  it('commits a transaction whose function resolves and returns its value', async () => {
    const result = await getDb().tx(async (t) => {
      await t.query(sql`INSERT INTO area (id, level, name, parent_id)
        VALUES ('510104001902', 'community', 'committed', ${chain.street})`)
      return 42
    })
    expect(result).toBe(42)
    expect(await areaNamed('510104001902')).toBe('committed')
  })

  it('rolls back a transaction whose function throws, and rethrows', async () => {
    const attempt = getDb().tx(async (t) => {
      await t.query(sql`INSERT INTO area (id, level, name, parent_id)
        VALUES ('510104001903', 'community', 'doomed', ${chain.street})`)
      throw new Error('changed my mind')
    })
    await expect(attempt).rejects.toThrow('changed my mind')
    expect(await areaNamed('510104001903')).toBeUndefined()
  })

  it('rolls back earlier statements when a later one fails inside a transaction', async () => {
    const id = await compound()
    await org('joint', [id])
    await expect(org('joint', [id], 'rolled back org')).rejects.toMatchObject(UNIQUE_VIOLATION)
    const rows = await getDb().query(sql`SELECT id FROM party_org WHERE name = 'rolled back org'`)
    expect(rows).toEqual([])
  })

  it('records every migration and applies none on a second run', async () => {
    const files = readdirSync(MIGRATIONS)
      .filter((f) => f.endsWith('.sql'))
      .sort()
    const rows = await getDb().query<{ name: string }>(
      sql`SELECT name FROM schema_migration ORDER BY name`,
    )
    expect(rows.map((r) => r.name)).toEqual(files)
    expect(await migrate(getDb())).toEqual([])
  })

  it('reports a PostGIS 3 version', async () => {
    const [row] = await getDb().query<{ v: string }>(sql`SELECT postgis_lib_version() AS v`)
    expect(row?.v).toMatch(/^3\./)
  })

  it('measures geography distance in metres on the spheroid', async () => {
    // One degree of the meridian from the equator is 110 574.4 m on WGS 84.
    const [row] = await getDb().query<{ m: number }>(sql`SELECT ST_Distance(
      ST_MakePoint(0, 0)::geography, ST_MakePoint(0, ${1}::float8)::geography) AS m`)
    expect(row?.m).toBeCloseTo(110_574.4, 0)
  })

  it('refuses a second live joint branch on the same compound', async () => {
    const id = await compound(3)
    await org('joint', [id, await compound(1)])
    await expect(org('joint', [id])).rejects.toMatchObject(UNIQUE_VIOLATION)
  })

  it('refuses a standalone branch on a compound a joint branch covers', async () => {
    const id = await compound(3)
    await org('joint', [id])
    await expect(org('standalone', [id])).rejects.toMatchObject(UNIQUE_VIOLATION)
  })

  it('accepts a new joint branch once the first is dissolved, cascading the status', async () => {
    const id = await compound(3)
    const first = await org('joint', [id])
    await dissolveOrg(getDb(), first)
    const links = await getDb().query(
      sql`SELECT org_status FROM org_compound WHERE org_id = ${first}`,
    )
    expect(links).toEqual([{ org_status: 'dissolved' }])
    await expect(org('joint', [id])).resolves.toBeGreaterThan(first)
  })

  it('lets an instructor cover a compound that already has a branch', async () => {
    const id = await compound(3)
    await org('standalone', [id])
    await expect(org('instructor', [id])).resolves.toBeGreaterThan(0)
  })
})

// Each case builds its own compound and says which status the view must derive.
interface CoverageCase {
  label: string
  status: string
  members: number
  orgs: OrgKind[]
  dissolved?: boolean
}
const COVERAGE_CASES: CoverageCase[] = [
  { label: 'a live standalone branch', status: 'standalone', members: 5, orgs: ['standalone'] },
  { label: 'a live joint branch', status: 'joint', members: 1, orgs: ['joint'] },
  { label: 'a temporary project branch', status: 'temporary', members: 0, orgs: ['temporary'] },
  { label: 'only an instructor', status: 'instructor', members: 2, orgs: ['instructor'] },
  {
    label: 'an instructor and a branch',
    status: 'standalone',
    members: 4,
    orgs: ['instructor', 'standalone'],
  },
  { label: '3 full members and no organisation', status: 'should_build', members: 3, orgs: [] },
  {
    label: '4 full members and a dissolved branch',
    status: 'should_build',
    members: 4,
    orgs: ['standalone'],
    dissolved: true,
  },
  { label: '2 full members', status: 'few_members', members: 2, orgs: [] },
  { label: 'no members', status: 'no_members', members: 0, orgs: [] },
]

describeEachDb('compound_coverage', (getDb) => {
  let chain: AreaChain
  beforeAll(async () => {
    chain = await insertAreaChain(getDb())
  })

  it.each(COVERAGE_CASES)(
    'derives $status from $label',
    async ({ status, members, orgs, dissolved }) => {
      const db = getDb()
      const id = await insertCompound(db, {
        communityId: chain.community,
        ring: nextRing(),
        membersFull: members,
      })
      for (const kind of orgs) {
        const orgId = await insertOrg(db, { kind, communityId: chain.community, compoundIds: [id] })
        if (dissolved) await dissolveOrg(db, orgId)
      }
      const rows = await db.query(
        sql`SELECT status FROM compound_coverage WHERE compound_id = ${id}`,
      )
      expect(rows).toEqual([{ status }])
    },
  )

  it('names the live branch that covers a compound', async () => {
    const db = getDb()
    const id = await insertCompound(db, {
      communityId: chain.community,
      ring: nextRing(),
      membersFull: 5,
    })
    const branch = await insertOrg(db, {
      kind: 'standalone',
      communityId: chain.community,
      compoundIds: [id],
    })
    const rows = await db.query(
      sql`SELECT branch_org_id FROM compound_coverage WHERE compound_id = ${id}`,
    )
    expect(rows).toEqual([{ branch_org_id: branch }])
  })
})
