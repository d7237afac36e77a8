// Test-only: the tiny city (tests/fixtures/tiny-city.ts) plus a row of small compounds north of it,
// so plans have something to group, and JSON requests through app.request().
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { loadTinyCity, TINY } from '../../../../tests/fixtures/tiny-city.ts'
import { call, ledgerApp, type Answer } from '../ledger/test-fixtures.ts'

/**
 * The tiny city and, 0.002° (~222 m) north of its row, P1..P5 in community 1 (1, 1, 1, 2, 1 full
 * members) and Q in community 2 (2 members), squares of 0.001° side 0.0012° apart (~19 m gaps, under
 * the 30 m tolerance). Adjacent pairs of the street: A-B, B-C, P1-P2, P2-P3, P3-P4, P4-P5, P5-Q.
 * Old compounds: the tiny city's 7 + P1..P5 + Q = 13; organised: A, B, C, H = 4.
 * The joint-branch analysis of the street groups exactly {P1, P2, P3} and {P4, P5}.
 */
export async function loadPlanCity(db: Db): Promise<Record<string, number>> {
  const ids = await loadTinyCity(db)
  const extra = [
    { code: 'P1', x: 0, members: 1, community: TINY.community1 },
    { code: 'P2', x: 0.0012, members: 1, community: TINY.community1 },
    { code: 'P3', x: 0.0024, members: 1, community: TINY.community1 },
    { code: 'P4', x: 0.0036, members: 2, community: TINY.community1 },
    { code: 'P5', x: 0.0048, members: 1, community: TINY.community1 },
    { code: 'Q', x: 0.006, members: 2, community: TINY.community2 },
  ]
  for (const c of extra) {
    const x0 = 104 + c.x
    const y0 = 30.002
    const wkt = `MULTIPOLYGON(((${x0} ${y0}, ${x0 + 0.001} ${y0}, ${x0 + 0.001} ${y0 + 0.001}, ${x0} ${y0 + 0.001}, ${x0} ${y0})))`
    const [row] = await db.query<{ id: number }>(sql`
      INSERT INTO compound (code, name, community_id, year_built, is_old, households, residents,
        members_full, boundary, location)
      VALUES (${c.code}, ${'小区' + c.code}, ${c.community}, 1990, true, 100, 250, ${c.members},
        ST_GeomFromText(${wkt}, 4326), ST_PointOnSurface(ST_GeomFromText(${wkt}, 4326)))
      RETURNING id`)
    ids[c.code] = row!.id
  }
  return ids
}

export type PlanApp = ReturnType<typeof ledgerApp>

/** JSON request helper bound to an app, acting as `user`. */
export const planCaller =
  (app: () => PlanApp) =>
  (method: string, path: string, body?: unknown, user = '规划员'): Promise<Answer> =>
    call(app(), method, path, body, user)

/** A branch as the page sends it. */
export const branch = (key: string, compoundIds: number[], more: Record<string, unknown> = {}) => ({
  key,
  name: `支部${key}`,
  kind: 'joint',
  compoundIds,
  boundary: null,
  locked: false,
  reason: null,
  ...more,
})

export { TINY }
