// A small city for the scorecard tests whose every answer follows from its own description: 40
// compounds 2 km apart (so a station only ever reaches the compound it was placed for), in 8
// communities of 2 districts, with organisations, funding, stations, members and mechanisms drawn
// from a seeded generator. `expectedIndicators` and `expectedSums` compute the answers from the
// description alone, never from the database.
import type { Db } from '../../server/src/db/db.ts'
import { sql } from '../../server/src/db/sql.ts'
import { insertArea, offsetM, squareRing, type LngLat } from '../helpers/fixtures.ts'

export const THIS_YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()

export type StationSpec = 'own' | 'inside' | 'near' | 'ring2' | 'far' | 'none'
export type OrgKind = 'standalone' | 'joint' | 'temporary' | 'instructor'

export interface OrgSpec {
  key: string
  kind: OrgKind
  community: string
  status: 'active' | 'dissolved'
  /** Funding rows this year (yuan) and last year (ignored by the indicator). */
  thisYear: number[]
  lastYear: number[]
}

export interface CompoundSpec {
  code: string
  community: string
  street: string
  district: string
  centre: LngLat
  old: boolean
  households: number
  residents: number
  elderlyShare: number
  membersFull: number
  inService: number
  vanguard: boolean
  bodies: string[]
  consultations: number
  problemsClosed: number
  orgs: string[]
  station: StationSpec
}

export interface ScorecardCity {
  city: string
  districts: string[]
  streets: string[]
  communities: string[]
  compounds: CompoundSpec[]
  orgs: OrgSpec[]
}

function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SIDE_M = 100
const ORIGIN: LngLat = [104.0, 30.55]

/** Describes the city (pure). */
export function describeCity(seed = 6): ScorecardCity {
  const next = rng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!
  const city = '510100'
  const districts = ['510104', '510105']
  const streets = districts.flatMap((d) => [`${d}001`, `${d}002`])
  const communities = streets.flatMap((s) => [`${s}001`, `${s}002`])
  const compounds: CompoundSpec[] = []
  const orgs: OrgSpec[] = []
  const funding = [[], [400], [600, 500], [1000], [999.99], [2500]] as const
  const stations: StationSpec[] = ['own', 'inside', 'near', 'ring2', 'far', 'none', 'none']
  let i = 0
  for (const community of communities) {
    let jointKey: string | undefined
    for (let k = 0; k < 5; k++, i++) {
      const code = `SC${String(i).padStart(3, '0')}`
      const centre = offsetM(ORIGIN, 2000 * (i % 8), 2000 * Math.floor(i / 8))
      const r = next()
      const compoundOrgs: string[] = []
      const newOrg = (kind: OrgKind, status: 'active' | 'dissolved' = 'active') => {
        const key = `${kind}-${code}`
        orgs.push({
          key,
          kind,
          community,
          status,
          thisYear: [...pick(funding)],
          lastYear: next() < 0.5 ? [5000] : [],
        })
        return key
      }
      if (r < 0.3) compoundOrgs.push(newOrg('standalone'))
      else if (r < 0.5) {
        // Joint branches of two or three neighbours in the community.
        if (!jointKey || next() < 0.3) jointKey = newOrg('joint')
        compoundOrgs.push(jointKey)
      } else if (r < 0.6) compoundOrgs.push(newOrg('temporary'))
      else if (r < 0.7) compoundOrgs.push(newOrg('instructor'))
      else if (r < 0.78) compoundOrgs.push(newOrg('standalone', 'dissolved'))
      const households = 50 + Math.floor(next() * 900)
      compounds.push({
        code,
        community,
        street: community.slice(0, 9),
        district: community.slice(0, 6),
        centre,
        old: next() < 0.8,
        households,
        residents: Math.round(households * (2 + next())),
        elderlyShare: Math.round(next() * 40) / 100,
        membersFull: pick([0, 1, 2, 3, 6]),
        inService: next() < 0.35 ? 1 + Math.floor(next() * 3) : 0,
        vanguard: next() < 0.3,
        bodies: next() < 0.5 ? [pick(['residents_committee', 'owners_committee', 'council'])] : [],
        consultations: next() < 0.6 ? Math.floor(next() * 5) : 0,
        problemsClosed: Math.floor(next() * 4),
        orgs: compoundOrgs,
        station: pick(stations),
      })
    }
  }
  return { city, districts, streets, communities, compounds, orgs }
}

/** Where a compound's station goes: metres north of its centre (the square's edge is 50 m away). */
const STATION_NORTH_M: Record<Exclude<StationSpec, 'none'>, number> = {
  own: 0,
  inside: 20,
  near: 50 + 150,
  ring2: 50 + 400,
  far: 50 + 800,
}

/** Loads the described city into an empty, migrated database; returns compound ids by code. */
export async function loadCity(db: Db, c: ScorecardCity): Promise<Record<string, number>> {
  await insertArea(db, { id: c.city, level: 'city', name: '成都市' })
  for (const d of c.districts)
    await insertArea(db, { id: d, level: 'district', parentId: c.city, name: `区${d}` })
  for (const s of c.streets)
    await insertArea(db, { id: s, level: 'street', parentId: s.slice(0, 6), name: `街道${s}` })
  for (const m of c.communities)
    await insertArea(db, { id: m, level: 'community', parentId: m.slice(0, 9), name: `社区${m}` })

  const ids: Record<string, number> = {}
  for (const s of c.compounds) {
    const ring = JSON.stringify({
      type: 'MultiPolygon',
      coordinates: [[squareRing(s.centre, SIDE_M)]],
    })
    const [row] = await db.query<{ id: number }>(sql`
      INSERT INTO compound (code, name, community_id, year_built, is_old, households, residents,
        elderly_share, members_full, members_in_service, vanguard_team, vanguard_size,
        self_governance, consultations, problems_closed, boundary, location)
      VALUES (${s.code}, ${'小区' + s.code}, ${s.community}, ${s.old ? 1990 : 2010}, ${s.old},
        ${s.households}, ${s.residents}, ${s.elderlyShare}, ${s.membersFull}, ${s.inService},
        ${s.vanguard ? `${s.code}先锋队` : null}, ${s.vanguard ? 5 : 0}, ${s.bodies}::text[],
        ${s.consultations}, ${s.problemsClosed},
        ST_SetSRID(ST_GeomFromGeoJSON(${ring}::text), 4326),
        ST_SetSRID(ST_MakePoint(${s.centre[0]}::float8, ${s.centre[1]}::float8), 4326))
      RETURNING id`)
    ids[s.code] = row!.id
  }
  const orgIds: Record<string, number> = {}
  for (const o of c.orgs) {
    const [row] = await db.query<{ id: number }>(sql`
      INSERT INTO party_org (kind, status, name, community_id)
      VALUES (${o.kind}, ${o.status}, ${o.key}, ${o.community}) RETURNING id`)
    orgIds[o.key] = row!.id
    for (const [year, amounts] of [
      [THIS_YEAR, o.thisYear],
      [THIS_YEAR - 1, o.lastYear],
    ] as const)
      for (const [k, amount] of amounts.entries())
        await db.query(sql`INSERT INTO funding (org_id, year, source, amount_yuan)
          VALUES (${row!.id}, ${year}, ${k === 0 ? 'org_dept' : 'community_fund'}, ${amount})`)
  }
  for (const s of c.compounds) {
    for (const key of s.orgs) {
      const o = c.orgs.find((x) => x.key === key)!
      await db.query(sql`INSERT INTO org_compound (org_id, org_kind, org_status, compound_id)
        VALUES (${orgIds[key]}, ${o.kind}, ${o.status}, ${ids[s.code]})`)
    }
    if (s.station === 'none') continue
    const [lng, lat] = offsetM(s.centre, 0, STATION_NORTH_M[s.station])
    await db.query(sql`INSERT INTO station (name, compound_id, location)
      VALUES (${'站' + s.code}, ${s.station === 'own' ? ids[s.code]! : null},
        ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326))`)
  }
  return ids
}

export interface Expected {
  organisation: { pass: boolean; reason: string }
  example: { pass: boolean; reason: string }
  station: { pass: boolean; reason: string }
  station2: boolean
  funding: { pass: boolean; reason: string; yuan: number }
  mechanisms: { pass: boolean; reason: string }
  passed: number
  elderly: number
}

/** The scorecard of a compound from its description and DOMAIN.md's rules (300 m, 500 m, 1000 yuan). */
export function expectedIndicators(c: ScorecardCity, s: CompoundSpec): Expected {
  const live = s.orgs
    .map((k) => c.orgs.find((o) => o.key === k)!)
    .filter((o) => o.status === 'active')
  const kinds = live.map((o) => o.kind)
  const status =
    (['standalone', 'joint', 'temporary', 'instructor'] as const).find((k) => kinds.includes(k)) ??
    (s.membersFull >= 3 ? 'should_build' : s.membersFull > 0 ? 'few_members' : 'no_members')
  const organised = live.length > 0
  const sums = live.map((o) => o.thisYear.reduce((a, b) => a + b, 0))
  const best = Math.max(0, ...sums)
  const hasFunding = live.some((o) => o.thisYear.length > 0)
  const station = {
    own: { pass: true, reason: 'own_station' },
    inside: { pass: true, reason: 'within_walk' },
    near: { pass: true, reason: 'within_walk' },
    ring2: { pass: false, reason: 'second_ring' },
    far: { pass: false, reason: 'out_of_reach' },
    none: { pass: false, reason: 'out_of_reach' },
  }[s.station]
  const e = {
    organisation: { pass: organised, reason: status },
    example: {
      pass: s.vanguard || s.inService > 0,
      reason: s.vanguard
        ? 'vanguard_team'
        : s.inService > 0
          ? 'in_service_reported'
          : 'no_vanguard_no_in_service',
    },
    station,
    station2: station.pass || s.station === 'ring2',
    funding: {
      pass: best >= 1000,
      reason: !organised
        ? 'no_organisation'
        : !hasFunding
          ? 'no_funding'
          : best >= 1000
            ? 'met'
            : 'below_threshold',
      yuan: hasFunding ? best : 0,
    },
    mechanisms: {
      pass: s.bodies.length > 0 && s.consultations > 0,
      reason:
        s.bodies.length > 0 && s.consultations > 0
          ? 'met'
          : s.bodies.length === 0 && s.consultations === 0
            ? 'neither'
            : s.bodies.length === 0
              ? 'no_self_governance'
              : 'no_consultations',
    },
  }
  const passed = [e.organisation, e.example, e.station, e.funding, e.mechanisms].filter(
    (x) => x.pass,
  ).length
  return { ...e, passed, elderly: Math.round(s.residents * s.elderlyShare) }
}

export type WeightName = 'compounds' | 'households' | 'residents'

/** Counts and weighted rates of a set of compounds, summed here from the description. */
export function expectedSums(c: ScorecardCity, set: CompoundSpec[], weight: WeightName) {
  const old = set.filter((s) => s.old)
  const w = (s: CompoundSpec) =>
    weight === 'compounds' ? 1 : weight === 'households' ? s.households : s.residents
  const total = old.reduce((a, s) => a + w(s), 0)
  const rate = (test: (e: Expected) => boolean) =>
    total === 0
      ? null
      : old.reduce((a, s) => a + (test(expectedIndicators(c, s)) ? w(s) : 0), 0) / total
  const communities = new Set(set.map((s) => s.community))
  const liveOrgs = c.orgs.filter((o) => o.status === 'active' && communities.has(o.community))
  return {
    compounds: set.length,
    oldCompounds: old.length,
    households: old.reduce((a, s) => a + s.households, 0),
    residents: old.reduce((a, s) => a + s.residents, 0),
    elderly: old.reduce((a, s) => a + Math.round(s.residents * s.elderlyShare), 0),
    organised: old.filter((s) => expectedIndicators(c, s).organisation.pass).length,
    organisationCoverage: rate((e) => e.organisation.pass),
    stationCoverage: rate((e) => e.station.pass),
    stationCoverage2: rate((e) => e.station2),
    indicators: {
      organisation: rate((e) => e.organisation.pass),
      example: rate((e) => e.example.pass),
      station: rate((e) => e.station.pass),
      funding: rate((e) => e.funding.pass),
      mechanisms: rate((e) => e.mechanisms.pass),
    },
    allFive: rate((e) => e.passed === 5),
    meanPassed:
      total === 0
        ? null
        : old.reduce((a, s) => a + w(s) * expectedIndicators(c, s).passed, 0) / total,
    jointBranches: liveOrgs.filter((o) => o.kind === 'joint').length,
    standaloneBranches: liveOrgs.filter((o) => o.kind === 'standalone').length,
    temporaryBranches: liveOrgs.filter((o) => o.kind === 'temporary').length,
    instructors: liveOrgs.filter((o) => o.kind === 'instructor').length,
    vanguardTeams: old.filter((s) => s.vanguard).length,
    fundingYuan: liveOrgs.reduce((a, o) => a + o.thisYear.reduce((x, y) => x + y, 0), 0),
    consultations: old.reduce((a, s) => a + s.consultations, 0),
    problemsSolved: old.reduce((a, s) => a + s.problemsClosed, 0),
  }
}
