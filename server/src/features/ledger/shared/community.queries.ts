// Which community a ledger names: a 12-digit code, or a name (with or without 社区) narrowed by the
// street and district names given beside it. One set of rules for imports (matched in memory
// against the whole directory) and single edits (against the few candidates of one name).
import type { Db } from '../../../db/db.ts'
import { sql, type Sql } from '../../../db/sql.ts'

export interface CommunityEntry {
  id: string
  name: string
  street: string | null
  district: string | null
}

const same = (given: string | null, actual: string | null, suffix: string) =>
  given === null || actual === given || actual === given + suffix

/** Community entries indexed for matching by code and by name. */
export class CommunityIndex {
  private readonly byId = new Map<string, CommunityEntry>()
  private readonly byName = new Map<string, CommunityEntry[]>()

  constructor(entries: CommunityEntry[]) {
    for (const e of entries) {
      this.byId.set(e.id, e)
      this.byName.set(e.name, [...(this.byName.get(e.name) ?? []), e])
    }
  }

  /** The ids a text names; more than one means the name is ambiguous. */
  match(text: string, street: string | null = null, district: string | null = null): string[] {
    if (this.byId.has(text)) return [text]
    const named = [...(this.byName.get(text) ?? []), ...(this.byName.get(`${text}社区`) ?? [])]
    return named
      .filter((e) => same(street, e.street, '街道') && same(district, e.district, '区'))
      .map((e) => e.id)
  }
}

const entries = (db: Db, where: Sql) =>
  db.query<CommunityEntry>(sql`
    SELECT a.id, a.name, st.name AS street, di.name AS district
    FROM area a
    LEFT JOIN area st ON st.id = a.parent_id
    LEFT JOIN area di ON di.id = st.parent_id
    WHERE a.level = 'community' AND ${where}`)

/** Every community with its street and district names (a city has a few thousand). */
export const communityDirectory = async (db: Db) => new CommunityIndex(await entries(db, sql`TRUE`))

/** The communities one text names (see CommunityIndex.match). */
export async function findCommunities(
  db: Db,
  text: string,
  street: string | null = null,
  district: string | null = null,
): Promise<string[]> {
  const candidates = await entries(
    db,
    sql`(a.id = ${text} OR a.name = ${text} OR a.name = ${text} || '社区')`,
  )
  return new CommunityIndex(candidates).match(text, street, district)
}
