import { centroid, pointRingDistance } from './geometry.ts'
import type { Ring, Xy } from './geometry.ts'
import { toLngLat } from './frame.ts'
import { maskedPhone, personName } from './names.ts'
import type { Rng } from './prng.ts'
import type {
  DemoFunding,
  DemoOrg,
  DemoStation,
  FundingSource,
  MemberClass,
  OrgKind,
} from './types.ts'

/** What organisation and station siting need to know about each compound. */
export interface OrgInput {
  code: string
  name: string
  communityId: string
  communityName: string
  isOld: boolean
  memberClass: MemberClass
  full: number
  ring: Ring
  neighbours: number[]
}

/** DOMAIN.md's "before" state: organisation coverage of old compounds near 57%, station coverage near 15%. */
export const TARGETS = {
  orgCoverage: 0.575,
  stationCoverage: 0.15,
  jointShareOfGroups: 0.45,
  instructorShare: 0.5,
}
export const STATION_WALK_M = 300

/** A date in years y0..y1 as YYYY-MM-DD; never later than October 2026, the demo's "now". */
function date(rng: Rng, y0: number, y1: number): string {
  const year = rng.int(y0, y1)
  const month = rng.int(1, year >= 2026 ? 10 : 12)
  return `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
}

/**
 * Creates the organisations of the "before" state: joint branches over part of the feasible groups
 * (whole communities tend to have acted or not), instructors for half the scattered compounds, a few
 * temporary branches over contiguous compounds under renovation, then standalone branches for as many
 * >= 3-member compounds as bring coverage to the target (the rest are 应建未建). New estates with
 * members get standalone branches too. Compounds put under a temporary branch are added to `renovating`.
 */
export function createOrgs(
  rng: Rng,
  items: readonly OrgInput[],
  groups: readonly number[][],
  scale: number,
  renovating: Set<number>,
) {
  const orgs: DemoOrg[] = []
  const covered = new Set<number>()
  const usedNames = new Map<string, Set<string>>()
  const add = (
    kind: OrgKind,
    members: number[],
    name: string,
    founded: [number, number],
    role: string,
  ) => {
    const first = items[members[0] as number] as OrgInput
    const names = usedNames.get(first.communityId) ?? new Set<string>()
    usedNames.set(first.communityId, names)
    let unique = name
    for (let k = 2; names.has(unique); k++) unique = `${name}（${k}）`
    names.add(unique)
    const full = members.reduce((s, i) => s + (items[i] as OrgInput).full, 0)
    orgs.push({
      key: `O${orgs.length + 1}`,
      kind,
      status: 'active',
      name: unique,
      communityId: first.communityId,
      founded: date(rng, founded[0], founded[1]),
      secretaryName: personName(rng),
      secretaryPhone: maskedPhone(rng),
      secretaryRole: role,
      committeeSize: kind === 'instructor' ? null : full >= 7 ? rng.pick([3, 3, 5]) : 1,
      compoundCodes: members.map((i) => (items[i] as OrgInput).code),
    })
    for (const i of members) if ((items[i] as OrgInput).isOld) covered.add(i)
  }
  const active = new Map<string, boolean>()
  const communityActed = (id: string) =>
    active.get(id) ?? (active.set(id, rng.chance(0.6)), active.get(id) as boolean)
  const jointNo = new Map<string, number>()
  for (const g of groups) {
    const c = items[g[0] as number] as OrgInput
    if (
      !rng.chance(communityActed(c.communityId) ? (TARGETS.jointShareOfGroups / 0.6) * 0.95 : 0.08)
    )
      continue
    const n = (jointNo.get(c.communityId) ?? 0) + 1
    jointNo.set(c.communityId, n)
    add(
      'joint',
      g,
      `${c.communityName}第${n}联合党支部`,
      [2016, 2025],
      rng.pick(['社区党委委员', '退休党员', '院委会主任']),
    )
  }
  items.forEach((it, i) => {
    if (it.memberClass === 'scattered' && rng.chance(TARGETS.instructorShare)) {
      add(
        'instructor',
        [i],
        `${it.name}党建指导员`,
        [2021, 2026],
        rng.pick(['社区党委委员', '街道下派干部', '在职党员']),
      )
    }
  })
  const old = items
    .map((it, i) => [it, i] as const)
    .filter(([it]) => it.isOld)
    .map(([, i]) => i)
  const nTemporary = Math.max(1, Math.round(32 * scale))
  const seeds = rng.shuffle(old.filter((i) => !covered.has(i)))
  for (const seed of seeds.slice(0, nTemporary)) {
    if (covered.has(seed)) continue
    const project = [seed]
    const want = rng.int(2, 8)
    for (let k = 0; k < project.length && project.length < want; k++) {
      for (const j of (items[project[k] as number] as OrgInput).neighbours) {
        if (
          project.length < want &&
          !covered.has(j) &&
          !project.includes(j) &&
          (items[j] as OrgInput).isOld
        )
          project.push(j)
      }
    }
    project.forEach((i) => renovating.add(i))
    add(
      'temporary',
      project,
      `${(items[seed] as OrgInput).name}改造项目临时党支部`,
      [2024, 2026],
      rng.pick(['项目负责人', '社区党委书记', '街道党工委委员']),
    )
  }
  const need = Math.round(TARGETS.orgCoverage * old.length) - covered.size
  const big = old.filter((i) => (items[i] as OrgInput).memberClass === 'branch' && !covered.has(i))
  // Compounds with more members are likelier to have organised already (exponential keys = weighted order).
  const order = big
    .map((i) => [-Math.log(1 - rng.next()) / Math.sqrt((items[i] as OrgInput).full), i] as const)
    .sort((a, b) => a[0] - b[0])
  for (const [, i] of order.slice(0, Math.max(0, need))) standalone(i, [1990, 2025])
  items.forEach((it, i) => {
    if (!it.isOld && it.full >= 3 && rng.chance(0.35)) standalone(i, [2008, 2025])
  })
  function standalone(i: number, years: [number, number]) {
    add(
      'standalone',
      [i],
      `${(items[i] as OrgInput).name}党支部`,
      years,
      rng.pick(['院委会主任', '业委会主任', '退休党员', '楼栋长', '社区两委成员']),
    )
  }
  return orgs
}

/** Grid index over compounds for "within d metres" look-ups (cell size 500 m). */
function gridIndex(items: readonly OrgInput[]) {
  const cell = 500
  const key = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`
  const cells = new Map<string, number[]>()
  items.forEach((it, i) => {
    const [x, y] = centroid(it.ring)
    const k = key(x, y)
    cells.set(k, [...(cells.get(k) ?? []), i])
  })
  return (p: Xy, d: number) => {
    const out: number[] = []
    const r = Math.ceil((d + 600) / cell)
    const cx = Math.floor(p[0] / cell)
    const cy = Math.floor(p[1] / cell)
    for (let dx = -r; dx <= r; dx++)
      for (let dy = -r; dy <= r; dy++) out.push(...(cells.get(`${cx + dx},${cy + dy}`) ?? []))
    return out.filter((i) => pointRingDistance(p, (items[i] as OrgInput).ring) <= d)
  }
}

const HOURS = ['9:00-17:30', '8:30-12:00, 14:00-18:00', '周一至周六 9:00-18:00', '9:00-21:00']

/**
 * Sites stations: some in new estates, the rest inside old compounds (weighted by size) until the share of
 * old compounds with a station within 300 m reaches the target.
 */
export function siteStations(
  rng: Rng,
  items: readonly OrgInput[],
  scale: number,
  households: readonly number[],
) {
  const near = gridIndex(items)
  const old = items
    .map((it, i) => [it, i] as const)
    .filter(([it]) => it.isOld)
    .map(([, i]) => i)
  const reached = new Set<number>()
  const stations: DemoStation[] = []
  const place = (i: number) => {
    const it = items[i] as OrgInput
    const p = centroid(it.ring)
    for (const j of near(p, STATION_WALK_M)) if ((items[j] as OrgInput).isOld) reached.add(j)
    stations.push({
      name: `${it.communityName}${it.name}党群服务站`,
      compoundCode: it.code,
      location: toLngLat(p),
      areaM2: Math.round(rng.uniform(30, 60) + (rng.chance(0.2) ? rng.uniform(100, 600) : 0)),
      origin: rng.weighted([
        ['new', 0.2],
        ['stilt_floor', 0.3],
        ['property_room', 0.35],
        ['rented', 0.15],
      ] as const),
      opened: date(rng, 2015, 2026),
      openingHours: rng.pick(HOURS),
    })
  }
  const newer = rng.shuffle(
    items
      .map((it, i) => [it, i] as const)
      .filter(([it]) => !it.isOld)
      .map(([, i]) => i),
  )
  newer.slice(0, Math.round(150 * scale)).forEach(place)
  const target = TARGETS.stationCoverage * old.length
  const order = old
    .map((i) => [-Math.log(1 - rng.next()) / (households[i] as number), i] as const)
    .sort((a, b) => a[0] - b[0])
  for (const [, i] of order) {
    if (reached.size >= target) break
    // Stations were opened where space was found, not by an optimiser: many sit near another one.
    if (reached.has(i) && rng.chance(0.4)) continue
    place(i)
  }
  return stations
}

/** Funding rows per organisation and year (2024-2026), from one to three sources; about a third fall short of 1,000 yuan. */
export function createFunding(rng: Rng, orgs: readonly DemoOrg[]): DemoFunding[] {
  const rows: DemoFunding[] = []
  const amount = (lo: number, hi: number) => Math.round(rng.uniform(lo, hi) / 10) * 10
  for (const org of orgs) {
    const founded = Number(org.founded.slice(0, 4))
    for (let year = Math.max(2024, founded); year <= 2026; year++) {
      if (org.kind === 'instructor') {
        if (rng.chance(0.3))
          rows.push({
            orgKey: org.key,
            year,
            source: 'community_fund',
            amountYuan: amount(200, 800),
          })
        continue
      }
      const sources: [FundingSource, number, number][] = rng.chance(0.3)
        ? [['returned_dues', 100, 900]]
        : [
            ['org_dept', 1000, 3000],
            ...(rng.chance(0.5)
              ? [['community_fund', 500, 3000] as [FundingSource, number, number]]
              : []),
            ...(rng.chance(0.2)
              ? [
                  [rng.pick(['co_building', 'residents'] as const), 200, 5000] as [
                    FundingSource,
                    number,
                    number,
                  ],
                ]
              : []),
          ]
      for (const [source, lo, hi] of sources)
        rows.push({ orgKey: org.key, year, source, amountYuan: amount(lo, hi) })
    }
  }
  return rows
}
