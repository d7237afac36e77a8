// A nation-sized demo for benchmarks: N cities, each a demo city (about 20,000 compounds at scale 1)
// moved to its own place and given its own statistical codes. Cities are generated from a few base
// seeds and copied, and loaded one at a time, so memory holds a few cities, never the nation.
import type { Db } from '../db/db.ts'
import { generateDemoCity } from './generate.ts'
import { loadDemoCity, type LoadSummary } from './load.ts'
import type { DemoCity, MultiPolygon, Position } from './types.ts'

export interface NationOptions {
  /** Number of cities, 1..300. */
  cities: number
  /** Seed of the first base city; base city k uses seed + k. City 0 is the demo city of `seed`, in place. */
  seed?: number
  /** Scale of each city (1 = ~20,000 compounds). */
  scale?: number
  /** Distinct base cities generated (the rest are moved copies); default min(cities, 4). */
  distinct?: number
}

const CITY_NAMES =
  '北京天津石家庄太原呼和浩特沈阳长春哈尔滨南京杭州合肥福州南昌济南郑州武汉长沙广州南宁海口重庆贵阳昆明拉萨西安兰州西宁银川乌鲁木齐'
const COLUMNS = 10
const DLON = 2.2 // degrees between cities in a row (a demo city is ~1.9 degrees wide)
const DLAT = 1.6 // between rows (~1.35 degrees tall)
const PREFIX = '5101' // the demo city's code prefix (city 510100)

/** The 4-digit code prefix of city i: the demo city's own for 0, then 1101, 1102 … (never 51xx). */
export function cityPrefix(i: number): string {
  if (i === 0) return PREFIX
  return `${11 + Math.floor((i - 1) / 9)}${String(((i - 1) % 9) + 1).padStart(2, '0')}`
}

/**
 * City `i` of the nation made from `base`: codes re-prefixed, a city name, and coordinates moved
 * to row/column i. Longitudes are scaled by the cosine ratio, so shapes keep their size in metres
 * (to well under 1% across a city).
 */
export function placeCity(base: DemoCity, i: number): DemoCity {
  if (i === 0) return base
  const prefix = cityPrefix(i)
  const code = (s: string) => (s.startsWith(PREFIX) ? prefix + s.slice(PREFIX.length) : s)
  const [lon0, lat0] = [104.0, 30.7]
  const lat1 = lat0 + Math.floor(i / COLUMNS) * DLAT
  const lon1 = lon0 + (i % COLUMNS) * DLON
  const k = Math.cos((lat0 * Math.PI) / 180) / Math.cos((lat1 * Math.PI) / 180)
  const move = ([x, y]: Position): Position => [lon1 + (x - lon0) * k, y + (lat1 - lat0)]
  const movePoly = (g: MultiPolygon): MultiPolygon => ({
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((p) => p.map((r) => r.map(move))),
  })
  const name = i === 0 ? undefined : `${cityName(i)}示范市`
  return {
    ...base,
    areas: base.areas.map((a) => ({
      ...a,
      id: code(a.id),
      parentId: a.parentId && code(a.parentId),
      name: a.level === 'city' && name ? name : a.name,
      geometry: movePoly(a.geometry),
    })),
    blocks: [],
    compounds: base.compounds.map((c) => ({
      ...c,
      code: code(c.code),
      communityId: code(c.communityId),
      streetId: code(c.streetId),
      districtId: code(c.districtId),
      blockId: code(c.blockId),
      boundary: movePoly(c.boundary),
    })),
    orgs: base.orgs.map((o) => ({
      ...o,
      communityId: code(o.communityId),
      compoundCodes: o.compoundCodes.map(code),
    })),
    stations: base.stations.map((s) => ({
      ...s,
      compoundCode: s.compoundCode && code(s.compoundCode),
      location: move(s.location),
    })),
  }
}

function cityName(i: number): string {
  const names = CITY_NAMES.match(/.{2}/gu) ?? []
  const n = names[(i - 1) % names.length] ?? '新'
  return i - 1 < names.length ? n : `${n}${Math.floor((i - 1) / names.length) + 1}`
}

/**
 * Generates and loads `cities` cities into a migrated, empty database, one transaction per city,
 * then ANALYZE. `onCity` reports each city as it lands.
 */
export async function loadNation(
  db: Db,
  o: NationOptions,
  onCity?: (i: number, s: LoadSummary) => void,
): Promise<{ compounds: number; ms: number }> {
  if (!Number.isInteger(o.cities) || o.cities < 1 || o.cities > 300)
    throw new RangeError(`cities must be an integer in 1..300, got ${o.cities}`)
  const t0 = performance.now()
  const seed = o.seed ?? 20041
  const distinct = Math.min(o.cities, o.distinct ?? 4)
  const bases: DemoCity[] = []
  let compounds = 0
  for (let i = 0; i < o.cities; i++) {
    const k = i % distinct
    bases[k] ??= generateDemoCity({ seed: seed + k, scale: o.scale ?? 1 })
    const s = await loadDemoCity(db, placeCity(bases[k], i))
    compounds += s.compounds
    onCity?.(i, s)
  }
  await db.exec('ANALYZE')
  return { compounds, ms: Math.round(performance.now() - t0) }
}
