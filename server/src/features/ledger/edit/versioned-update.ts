// One optimistic update for every edited record: the version check and the write are one
// statement (UPDATE … WHERE id AND version), so two saves from the same version never both win.
import type { Db } from '../../../db/db.ts'
import { sql, type Sql } from '../../../db/sql.ts'

export type EditedTable = 'compound' | 'party_org' | 'station' | 'funding'
const TABLES: readonly EditedTable[] = ['compound', 'party_org', 'station', 'funding']
const GEOMETRY: Record<EditedTable, string[]> = {
  compound: ['boundary', 'location'],
  party_org: [],
  station: ['location'],
  funding: [],
}

export type Values = Record<string, unknown>

// A row as JSON with its geometry as GeoJSON (the default cast would give hex EWKB).
const rowJson = (table: EditedTable, alias: 'b' | 'u') => {
  const a = sql.ident(alias, ['b', 'u'])
  const geoms = GEOMETRY[table]
  if (geoms.length === 0) return sql`to_jsonb(${a})`
  const drop = sql.join(
    geoms.map((g) => sql`- ${g}::text`),
    ' ',
  )
  const add = sql.join(
    geoms.map((g) => sql`${g}::text, ST_AsGeoJSON(${a}.${sql.ident(g, geoms)})::jsonb`),
  )
  return sql`(to_jsonb(${a}) ${drop}) || jsonb_build_object(${add})`
}

/**
 * Sets `sets` on row `id` of `table` if its version is still `version` (then version + 1,
 * updated_at now); `from` adds FROM items the sets refer to. Returns the row before and after,
 * or undefined when no row has that id and version.
 */
export async function versionedUpdate(
  db: Db,
  o: { table: EditedTable; id: number; version: number; sets: Sql[]; from?: Sql },
): Promise<{ before: Values; after: Values } | undefined> {
  const t = sql.ident(o.table, TABLES)
  const [row] = await db.query<{ before: Values; after: Values }>(sql`
    WITH b AS (SELECT * FROM ${t} WHERE id = ${o.id} AND version = ${o.version}),
    u AS (
      UPDATE ${t} AS t SET ${sql.join([...o.sets, sql`version = t.version + 1`, sql`updated_at = now()`])}
      FROM b ${o.from ? sql`, ${o.from}` : sql.empty}
      WHERE t.id = b.id AND t.version = ${o.version}
      RETURNING t.*)
    SELECT ${rowJson(o.table, 'b')} AS before, ${rowJson(o.table, 'u')} AS after
    FROM b JOIN u ON u.id = b.id`)
  return row
}

/** The keys whose values differ between two rows, with their before and after values. */
export function diff(before: Values, after: Values, ignore: readonly string[] = []) {
  const keys = Object.keys(after).filter(
    (k) =>
      !['version', 'updated_at', ...ignore].includes(k) &&
      JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  )
  return {
    fields: keys,
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  }
}

/** Writes one audit entry. */
export async function audit(
  db: Db,
  e: { actor: string; action: string; entity: string; entityId: number; detail: unknown },
): Promise<void> {
  await db.query(sql`
    INSERT INTO audit_log (actor, action, entity, entity_id, detail)
    VALUES (${e.actor}, ${e.action}, ${e.entity}, ${String(e.entityId)}, ${JSON.stringify(e.detail)}::jsonb)`)
}

/** True when a row with this id exists in the table. */
export async function exists(db: Db, table: EditedTable, id: number): Promise<boolean> {
  const [row] = await db.query<{ ok: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM ${sql.ident(table, TABLES)} WHERE id = ${id}) AS ok`,
  )
  return row!.ok
}
