import type { Xy } from './geometry.ts'

/** Where a district sits in the urban structure; drives density, age of housing and street/town mix. */
export type DistrictRing = 'core' | 'inner' | 'outer'

export interface DistrictSpec {
  code: string
  name: string
  ring: DistrictRing
  /** Seat, [lng, lat]; core districts are placed by bearing instead, so that all five meet at Tianfu Square. */
  seat: readonly [number, number]
  /** Bearing (degrees counter-clockwise from east) of a core district's sector. */
  bearingDeg?: number
  /** Township-level units at full scale (DOMAIN.md: 161 streets and 100 towns; official list per district). */
  streets: number
  /** Share of the city's communities. */
  communityShare: number
}

// Seats are the districts' approximate centroids; counts follow the 2023 township list (261 units).
export const DISTRICTS: readonly DistrictSpec[] = [
  {
    code: '510104',
    name: '锦江区',
    ring: 'core',
    seat: [104.081, 30.658],
    bearingDeg: -35,
    streets: 11,
    communityShare: 0.085,
  },
  {
    code: '510105',
    name: '青羊区',
    ring: 'core',
    seat: [104.056, 30.668],
    bearingDeg: 190,
    streets: 12,
    communityShare: 0.09,
  },
  {
    code: '510106',
    name: '金牛区',
    ring: 'core',
    seat: [104.043, 30.692],
    bearingDeg: 112,
    streets: 13,
    communityShare: 0.1,
  },
  {
    code: '510107',
    name: '武侯区',
    ring: 'core',
    seat: [104.052, 30.631],
    bearingDeg: 258,
    streets: 15,
    communityShare: 0.095,
  },
  {
    code: '510108',
    name: '成华区',
    ring: 'core',
    seat: [104.103, 30.66],
    bearingDeg: 40,
    streets: 11,
    communityShare: 0.08,
  },
  {
    code: '510112',
    name: '龙泉驿区',
    ring: 'inner',
    seat: [104.295, 30.597],
    streets: 10,
    communityShare: 0.045,
  },
  {
    code: '510113',
    name: '青白江区',
    ring: 'inner',
    seat: [104.34, 30.793],
    streets: 7,
    communityShare: 0.025,
  },
  {
    code: '510114',
    name: '新都区',
    ring: 'inner',
    seat: [104.116, 30.83],
    streets: 9,
    communityShare: 0.05,
  },
  {
    code: '510115',
    name: '温江区',
    ring: 'inner',
    seat: [103.81, 30.724],
    streets: 9,
    communityShare: 0.04,
  },
  {
    code: '510116',
    name: '双流区',
    ring: 'inner',
    seat: [104.036, 30.448],
    streets: 19,
    communityShare: 0.08,
  },
  {
    code: '510117',
    name: '郫都区',
    ring: 'inner',
    seat: [103.863, 30.839],
    streets: 12,
    communityShare: 0.055,
  },
  {
    code: '510118',
    name: '新津区',
    ring: 'inner',
    seat: [103.826, 30.422],
    streets: 8,
    communityShare: 0.025,
  },
  {
    code: '510121',
    name: '金堂县',
    ring: 'outer',
    seat: [104.609, 30.723],
    streets: 16,
    communityShare: 0.025,
  },
  {
    code: '510129',
    name: '大邑县',
    ring: 'outer',
    seat: [103.364, 30.615],
    streets: 11,
    communityShare: 0.02,
  },
  {
    code: '510131',
    name: '蒲江县',
    ring: 'outer',
    seat: [103.491, 30.234],
    streets: 8,
    communityShare: 0.015,
  },
  {
    code: '510181',
    name: '都江堰市',
    ring: 'outer',
    seat: [103.631, 31.033],
    streets: 11,
    communityShare: 0.035,
  },
  {
    code: '510182',
    name: '彭州市',
    ring: 'outer',
    seat: [103.883, 31.143],
    streets: 13,
    communityShare: 0.03,
  },
  {
    code: '510183',
    name: '邛崃市',
    ring: 'outer',
    seat: [103.37, 30.382],
    streets: 14,
    communityShare: 0.025,
  },
  {
    code: '510184',
    name: '崇州市',
    ring: 'outer',
    seat: [103.523, 30.714],
    streets: 15,
    communityShare: 0.03,
  },
  {
    code: '510185',
    name: '简阳市',
    ring: 'outer',
    seat: [104.53, 30.387],
    streets: 37,
    communityShare: 0.045,
  },
]

/** The order districts join a small-scale city: the centre first, then a mix of rings so features stay complete. */
export const SMALL_SCALE_ORDER = [
  '510104',
  '510107',
  '510116',
  '510105',
  '510181',
  '510108',
  '510106',
  '510117',
  '510185',
  '510114',
  '510115',
  '510112',
  '510182',
  '510184',
  '510113',
  '510183',
  '510118',
  '510121',
  '510129',
  '510131',
]

/** Share of a district's township-level units that are 街道 (the rest are 镇), by ring. */
export const STREET_SHARE: Record<DistrictRing, number> = { core: 1, inner: 0.72, outer: 0.4 }

/** A convex outline of the municipality, [lng, lat]; Chengdu's real outline is ragged, this only bounds it. */
export const CITY_OUTLINE: readonly (readonly [number, number])[] = [
  [103.1, 30.3],
  [103.6, 30.09],
  [104.4, 30.09],
  [104.78, 30.12],
  [104.9, 30.5],
  [104.78, 30.85],
  [104.45, 31.1],
  [104.0, 31.43],
  [103.7, 31.4],
  [103.2, 31.15],
  [102.99, 30.72],
]

/** Radius (m) of the core districts' seats around the pie centre. */
export const CORE_SEAT_RADIUS_M = 5000
/** Pie centre of the core districts (m east, m north of Tianfu Square): puts the square inside 青羊区. */
export const CORE_CENTRE: Xy = [350, 60]
