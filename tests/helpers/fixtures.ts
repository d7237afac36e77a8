import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'

/** A coordinate pair, always [lng, lat] in EPSG:4326. */
export type LngLat = [number, number]
export type AreaLevel = 'city' | 'district' | 'street' | 'community'
export type OrgKind = 'standalone' | 'joint' | 'temporary' | 'instructor'

const M_PER_DEG_LAT = 111_320

/** A closed square ring centred on `center`, `sideM` metres a side (equirectangular, fine below a few km). */
export function squareRing([lng, lat]: LngLat, sideM: number): LngLat[] {
  const dLat = sideM / 2 / M_PER_DEG_LAT
  const dLng = sideM / 2 / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180))
  return [
    [lng - dLng, lat - dLat],
    [lng + dLng, lat - dLat],
    [lng + dLng, lat + dLat],
    [lng - dLng, lat + dLat],
    [lng - dLng, lat - dLat],
  ]
}

/** The point `eastM` metres east and `northM` metres north of `origin` (same approximation). */
export function offsetM([lng, lat]: LngLat, eastM: number, northM: number): LngLat {
  const dLng = eastM / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180))
  return [lng + dLng, lat + northM / M_PER_DEG_LAT]
}

const multiPolygon = (ring: LngLat[] | undefined) =>
  ring ? JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring]] }) : null

// NULL GeoJSON gives a NULL geometry, so one statement serves areas and compounds with or without shapes.
const geomFrom = (json: string | null) =>
  sql`ST_SetSRID(ST_Multi(ST_GeomFromGeoJSON(${json}::text)), 4326)`

/** Inserts one area; `ring` is its outline. Returns the id. */
export async function insertArea(
  db: Db,
  a: { id: string; level: AreaLevel; parentId?: string; name?: string; ring?: LngLat[] },
): Promise<string> {
  await db.query(sql`INSERT INTO area (id, level, name, parent_id, geom)
    VALUES (${a.id}, ${a.level}, ${a.name ?? `${a.level} ${a.id}`}, ${a.parentId ?? null},
      ${geomFrom(multiPolygon(a.ring))})`)
  return a.id
}

/** The ids of one administrative chain, city down to community. */
export interface AreaChain {
  city: string
  district: string
  street: string
  community: string
}

/** Inserts city > district > street > community with statistical-style codes (Chengdu, Jinjiang). */
export async function insertAreaChain(db: Db): Promise<AreaChain> {
  const chain = {
    city: '510100',
    district: '510104',
    street: '510104001',
    community: '510104001001',
  }
  await insertArea(db, { id: chain.city, level: 'city', name: '成都市' })
  await insertArea(db, {
    id: chain.district,
    level: 'district',
    parentId: chain.city,
    name: '锦江区',
  })
  await insertArea(db, {
    id: chain.street,
    level: 'street',
    parentId: chain.district,
    name: '一号街道',
  })
  await insertArea(db, {
    id: chain.community,
    level: 'community',
    parentId: chain.street,
    name: '一号社区',
  })
  return chain
}

/** What a test says about a compound; everything not given takes a plain default. */
export interface CompoundSpec {
  communityId: string
  ring?: LngLat[]
  location?: LngLat
  membersFull?: number
  yearBuilt?: number
  households?: number
  code?: string
  name?: string
}

let codes = 0

/** Inserts a compound; location defaults to the ring's point on surface, is_old to built before 2004. */
export async function insertCompound(db: Db, c: CompoundSpec): Promise<number> {
  if (!c.ring && !c.location) throw new Error('a compound needs a ring or a location')
  const code = c.code ?? `T${++codes}`
  const year = c.yearBuilt ?? 1995
  const [lng, lat] = c.location ?? [null, null]
  const [row] = await db.query<{ id: number }>(sql`
    INSERT INTO compound (code, name, community_id, year_built, is_old, households, members_full,
      boundary, location)
    SELECT ${code}::text, ${c.name ?? `小区 ${code}`}::text, ${c.communityId}::text, ${year}::int,
      ${year < 2004}::boolean,
      ${c.households ?? 100}::int, ${c.membersFull ?? 0}::int, g.b,
      coalesce(ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326), ST_PointOnSurface(g.b))
    FROM (SELECT ${geomFrom(multiPolygon(c.ring))} AS b) g
    RETURNING id`)
  return (row as { id: number }).id
}

/** Inserts an organisation covering `compoundIds` (one transaction); returns its id. */
export async function insertOrg(
  db: Db,
  o: {
    kind: OrgKind
    communityId: string
    compoundIds: number[]
    status?: 'active' | 'dissolved'
    name?: string
  },
): Promise<number> {
  const status = o.status ?? 'active'
  return db.tx(async (t) => {
    const [row] = await t.query<{ id: number }>(sql`
      INSERT INTO party_org (kind, status, name, community_id)
      VALUES (${o.kind}, ${status}, ${o.name ?? `${o.kind} branch`}, ${o.communityId}) RETURNING id`)
    const id = (row as { id: number }).id
    for (const compoundId of o.compoundIds) {
      await t.query(sql`INSERT INTO org_compound (org_id, org_kind, org_status, compound_id)
        VALUES (${id}, ${o.kind}, ${status}, ${compoundId})`)
    }
    return id
  })
}

/** Dissolves an organisation; the composite foreign key carries the status into org_compound. */
export async function dissolveOrg(db: Db, orgId: number): Promise<void> {
  await db.query(sql`UPDATE party_org SET status = 'dissolved' WHERE id = ${orgId}`)
}

/** Inserts a party-service station at `location`, optionally inside a compound; returns its id. */
export async function insertStation(
  db: Db,
  s: { location: LngLat; compoundId?: number; name?: string },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(sql`
    INSERT INTO station (name, compound_id, location)
    VALUES (${s.name ?? '党群服务站'}, ${s.compoundId ?? null},
      ST_SetSRID(ST_MakePoint(${s.location[0]}::float8, ${s.location[1]}::float8), 4326))
    RETURNING id`)
  return (row as { id: number }).id
}
