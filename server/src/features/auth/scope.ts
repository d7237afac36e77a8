import type { Db } from '../../db/db.ts'
import { sql, type Sql } from '../../db/sql.ts'
import type { ScopedEntity } from './policy.ts'

const int = (v: string | undefined) =>
  v !== undefined && /^\d{1,10}$/.test(v) && Number(v) <= 2_147_483_647 ? Number(v) : undefined

// The community (or, for plans, the area) each record lies in. A station without a compound lies
// in the community whose outline holds it.
const AREA_OF: Record<ScopedEntity, (id: number) => Sql> = {
  compound: (id) => sql`SELECT community_id AS area FROM compound WHERE id = ${id}`,
  org: (id) => sql`SELECT community_id AS area FROM party_org WHERE id = ${id}`,
  funding: (id) => sql`SELECT o.community_id AS area FROM funding f
    JOIN party_org o ON o.id = f.org_id WHERE f.id = ${id}`,
  station: (id) => sql`SELECT coalesce(c.community_id, (SELECT a.id FROM area a
      WHERE a.level = 'community' AND ST_Covers(a.geom, s.location) ORDER BY a.id LIMIT 1)) AS area
    FROM station s LEFT JOIN compound c ON c.id = s.compound_id WHERE s.id = ${id}`,
  // Both where a row puts a compound and where the matched compound lies now (a row may move it).
  import: (id) => sql`SELECT r.community_id AS area FROM ledger_import_row r
      WHERE r.import_id = ${id} AND r.community_id IS NOT NULL
    UNION SELECT c.community_id FROM ledger_import_row r JOIN compound c ON c.id = r.compound_id
      WHERE r.import_id = ${id}`,
  plan: (id) => sql`SELECT area_id AS area FROM plan WHERE id = ${id}`,
}

/**
 * The areas the record named by a path id touches; undefined when the id is malformed or names no
 * record (the route then answers 400 or 404 itself). A station outside every community yields null.
 */
export async function areasOfRecord(
  db: Db,
  entity: ScopedEntity,
  rawId: string | undefined,
): Promise<(string | null)[] | undefined> {
  const id = int(rawId)
  if (id === undefined) return undefined
  if (entity === 'import') {
    const [exists] = await db.query(sql`SELECT 1 FROM ledger_import WHERE id = ${id}`)
    if (!exists) return undefined
  }
  const rows = await db.query<{ area: string | null }>(AREA_OF[entity](id))
  if (rows.length === 0 && entity !== 'import') return undefined
  return rows.map((r) => r.area)
}

/**
 * The subset of `areaIds` that do NOT lie inside `jurisdiction` (the area itself or one of its
 * descendants). Unknown ids and nulls count as outside.
 */
export async function outsideJurisdiction(
  db: Db,
  jurisdiction: string,
  areaIds: (string | null)[],
): Promise<string[]> {
  const ids = [...new Set(areaIds.map((a) => a ?? '(none)'))]
  if (ids.length === 0) return []
  const rows = await db.query<{ id: string }>(sql`
    WITH RECURSIVE up AS (
      SELECT a.id AS start, a.id, a.parent_id FROM area a WHERE a.id = ANY(${ids}::text[])
      UNION ALL
      SELECT up.start, p.id, p.parent_id FROM up JOIN area p ON p.id = up.parent_id
    )
    SELECT s AS id FROM unnest(${ids}::text[]) s
    WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.start = s AND up.id = ${jurisdiction})`)
  return rows.map((r) => r.id)
}
