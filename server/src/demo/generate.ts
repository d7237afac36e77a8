import { drawGovernance, drawMemberCounts, drawPhysical } from './attributes.ts'
import { buildBlocks } from './blocks.ts'
import { multiPolygon, ringToLngLat } from './frame.ts'
import { bbox, centroid, ringDistance, signedArea } from './geometry.ts'
import type { Ring, Xy } from './geometry.ts'
import { buildLayout } from './layout.ts'
import { calibrateFull, planMembers } from './members.ts'
import type { MemberInput } from './members.ts'
import { compoundName, roadName, uniqueName } from './names.ts'
import { createFunding, createOrgs, siteStations } from './orgs.ts'
import type { OrgInput } from './orgs.ts'
import { rngFor } from './prng.ts'
import { computeStats } from './stats.ts'
import type { DemoArea, DemoBlock, DemoCity, DemoCompound } from './types.ts'

export interface DemoCityOptions {
  /** Seed of every random draw; the same seed and scale give identical output. Default 1. */
  seed?: number
  /** 1 = full Chengdu (~20,000 compounds, 3,000 communities); 0.02 = a small but complete city. Default 1. */
  scale?: number
}

/** Gap (m) within which two compounds of a community count as adjacent for a joint branch (DOMAIN.md default). */
export const JOINT_GAP_M = 30
// Published totals for the 11,000 old compounds, scaled to the old compounds actually generated.
const OLD_FULL_MEMBERS = 107_200
const OLD_MEAN_HOUSEHOLDS = 500

/** Builds the whole demo city from a seed: areas, blocks, compounds, organisations, stations, funding. Pure. */
export function generateDemoCity(options: DemoCityOptions = {}): DemoCity {
  const seed = options.seed ?? 1
  const scale = options.scale ?? 1
  if (!Number.isFinite(scale) || scale <= 0 || scale > 2)
    throw new RangeError(`scale must be in (0, 2], got ${scale}`)
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`)
  const layout = buildLayout(seed, scale)
  const streetOf = new Map(layout.streets.map((s) => [s.id, s]))
  const districtRing = new Map(layout.districts.map((d) => [d.id, d.spec.ring]))

  const blocks: DemoBlock[] = []
  const compounds: DemoCompound[] = []
  const rings: Ring[] = []
  const communityName = new Map(layout.communities.map((c) => [c.id, c.name]))
  const remote: boolean[] = []
  for (const community of layout.communities) {
    const rng = rngFor(seed, `community:${community.id}`)
    const shapes = buildBlocks(rng, community)
    const usedNames = new Set<string>()
    let seq = 0
    shapes.forEach((shape, bi) => {
      const blockId = `${community.id}-${String(bi + 1).padStart(2, '0')}`
      const road = roadName(rng)
      let number = rng.int(1, 40)
      const codes: string[] = []
      for (const piece of shape.compounds) {
        const code = community.id + String(++seq).padStart(3, '0')
        const name = uniqueName(usedNames, () => compoundName(rng, piece.isOld, road))
        const area = signedArea(piece.ring)
        const phys = drawPhysical(rng, piece.isOld, area)
        codes.push(code)
        rings.push(piece.ring)
        remote.push(
          community.kind === 'remnant' ||
            (districtRing.get(community.districtId) === 'outer' &&
              (streetOf.get(community.streetId)?.isTown ?? false)),
        )
        compounds.push({
          code,
          name,
          address: `${road}${number}号`,
          communityId: community.id,
          streetId: community.streetId,
          districtId: community.districtId,
          blockId,
          grid: `${community.name}第${Math.floor(bi / 3) + 1}网格`,
          isOld: piece.isOld,
          siteAreaM2: Math.round(area),
          ...phys,
          membersFull: 0,
          membersProbationary: 0,
          membersRegistered: 0,
          membersInService: 0,
          membersRetired: 0,
          membersFloatingIn: 0,
          membersFloatingOut: 0,
          vanguardTeam: null,
          vanguardSize: 0,
          selfGovernance: [],
          consultations: 0,
          problemsLogged: 0,
          problemsClosed: 0,
          memberClass: piece.isOld ? 'branch' : 'new',
          boundary: multiPolygon(piece.ring),
        })
        number += rng.int(2, 12)
      }
      blocks.push({
        id: blockId,
        communityId: community.id,
        residential: shape.residential,
        ring: ringToLngLat(shape.ring),
        compoundCodes: codes,
      })
    })
  }
  normaliseHouseholds(compounds)

  const near = adjacency(compounds, rings, JOINT_GAP_M + 1.5)
  const neighbours = adjacency(compounds, rings, JOINT_GAP_M - 0.5)
  const centres = rings.map(centroid)
  const memberInputs: MemberInput[] = compounds.map((c, i) => ({
    isOld: c.isOld,
    communityId: c.communityId,
    blockId: c.blockId,
    remote: remote[i] as boolean,
    households: c.households,
    centre: centres[i] as Xy,
    neighbours: neighbours[i] as number[],
    near: near[i] as number[],
  }))
  const plan = planMembers(rngFor(seed, 'members'), memberInputs)
  const nOld = compounds.filter((c) => c.isOld).length
  const full = calibrateFull(plan.full, plan.classes, (OLD_FULL_MEMBERS * nOld) / 11_000)
  const attrRng = rngFor(seed, 'attributes')
  compounds.forEach((c, i) => {
    c.memberClass = plan.classes[i] as DemoCompound['memberClass']
    c.membersFull = full[i] as number
    Object.assign(
      c,
      drawMemberCounts(attrRng, c.membersFull),
      drawGovernance(attrRng, c.isOld, c.name, c.membersFull, c.tenure),
    )
  })

  const orgInputs: OrgInput[] = compounds.map((c, i) => ({
    code: c.code,
    name: c.name,
    communityId: c.communityId,
    communityName: communityName.get(c.communityId) as string,
    isOld: c.isOld,
    memberClass: c.memberClass,
    full: c.membersFull,
    ring: rings[i] as Ring,
    neighbours: neighbours[i] as number[],
  }))
  const renovating = new Set<number>()
  const orgs = createOrgs(rngFor(seed, 'orgs'), orgInputs, plan.groups, scale, renovating)
  for (const i of renovating) (compounds[i] as DemoCompound).renovationStatus = 'in_progress'
  const stations = siteStations(
    rngFor(seed, 'stations'),
    orgInputs,
    scale,
    compounds.map((c) => c.households),
  )
  const funding = createFunding(rngFor(seed, 'funding'), orgs)

  const areas: DemoArea[] = [
    {
      id: layout.city.id,
      level: 'city',
      name: layout.city.name,
      parentId: null,
      geometry: multiPolygon(layout.city.ring),
    },
    ...layout.districts.map((d): DemoArea => ({
      id: d.id,
      level: 'district',
      name: d.name,
      parentId: layout.city.id,
      geometry: multiPolygon(d.ring),
    })),
    ...layout.streets.map((s): DemoArea => ({
      id: s.id,
      level: 'street',
      name: s.name,
      parentId: s.districtId,
      geometry: multiPolygon(s.ring),
    })),
    ...layout.communities.map((c): DemoArea => ({
      id: c.id,
      level: 'community',
      name: c.name,
      parentId: c.streetId,
      geometry: multiPolygon(c.ring),
    })),
  ]
  const city = { seed, scale, areas, blocks, compounds, orgs, stations, funding }
  return { ...city, stats: computeStats(city, rings) }
}

/** Scales old compounds' households so their mean is DOMAIN.md's ~500, keeping residents and buildings in step. */
function normaliseHouseholds(compounds: DemoCompound[]): void {
  const old = compounds.filter((c) => c.isOld)
  if (old.length === 0) return
  const k = OLD_MEAN_HOUSEHOLDS / (old.reduce((s, c) => s + c.households, 0) / old.length)
  for (const c of old) {
    const hh = Math.max(20, Math.round(c.households * k))
    c.residents = Math.round((c.residents * hh) / c.households)
    c.buildings = Math.max(1, Math.round((c.buildings * hh) / c.households))
    c.households = hh
  }
}

/** Compounds of the same community within `gapM` metres of each other (touching or across a street). */
function adjacency(
  compounds: readonly DemoCompound[],
  rings: readonly Ring[],
  gapM: number,
): number[][] {
  const out: number[][] = compounds.map(() => [])
  const boxes = rings.map(bbox)
  const byCommunity = new Map<string, number[]>()
  compounds.forEach((c, i) =>
    byCommunity.set(c.communityId, [...(byCommunity.get(c.communityId) ?? []), i]),
  )
  for (const members of byCommunity.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const i = members[a] as number
        const j = members[b] as number
        const [x0, y0, x1, y1] = boxes[i] as number[] as [number, number, number, number]
        const [u0, v0, u1, v1] = boxes[j] as number[] as [number, number, number, number]
        if (u0 > x1 + gapM || u1 < x0 - gapM || v0 > y1 + gapM || v1 < y0 - gapM) continue
        if (ringDistance(rings[i] as Ring, rings[j] as Ring) <= gapM) {
          ;(out[i] as number[]).push(j)
          ;(out[j] as number[]).push(i)
        }
      }
    }
  }
  return out
}
