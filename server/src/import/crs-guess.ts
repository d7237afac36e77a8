// The default coordinate system offered for a file. Lng/lat numbers cannot tell WGS84 from GCJ-02
// or BD-09 (they differ by a few hundred metres), so only a declaration is trusted without asking.
import type { Geometry, Position } from 'geojson'
import type { CrsGuess, SourceCrs } from './types.ts'
import { forEachPosition, formatPosition } from './coords.ts'
import { describeCrs, isGeographic } from './crs.ts'

/** What a position's numbers look like. */
export type Magnitude =
  | { kind: 'degrees' }
  | { kind: 'swapped' }
  | { kind: 'gk-prefixed'; epsg: number }
  | { kind: 'mercator' }
  | { kind: 'metres' }
  | { kind: 'unknown' }

/** Classifies one position by the size of its numbers (x = easting/lng, y = northing/lat). */
export function magnitudeOf([x, y]: Position): Magnitude {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return { kind: 'unknown' }
  if (x! >= 3 && x! <= 54 && y! >= 73 && y! <= 136) return { kind: 'swapped' }
  if (Math.abs(x!) <= 180 && Math.abs(y!) <= 90) return { kind: 'degrees' }
  if (y! < 0 || y! > 1e7) return { kind: 'unknown' }
  const zone = Math.floor(x! / 1e6)
  if (zone >= 25 && zone <= 45) return { kind: 'gk-prefixed', epsg: 4513 + zone - 25 }
  // Mercator eastings of China (8.1–15.2 Mm) overlap 6° zones 13–15 (far-west Xinjiang): Mercator wins.
  if (x! >= 8e6 && x! < 16e6 && y! >= 2e5 && y! < 7.5e6) return { kind: 'mercator' }
  if (zone >= 16 && zone <= 23) return { kind: 'gk-prefixed', epsg: 4491 + zone - 13 }
  if (x! > 0 && x! < 1e6) return { kind: 'metres' }
  return { kind: 'unknown' }
}

/** The most common magnitude among (a sample of) the positions, and one example position. */
export function dominantMagnitude(
  geoms: (Geometry | null)[],
  maxPositions = 5000,
): { m: Magnitude; sample: Position } | null {
  const counts = new Map<string, { m: Magnitude; n: number; sample: Position }>()
  let seen = 0
  for (const g of geoms) {
    if (!g || seen >= maxPositions) continue
    forEachPosition(g, (p) => {
      if (seen++ >= maxPositions) return
      const m = magnitudeOf(p)
      const key = m.kind === 'gk-prefixed' ? `gk${m.epsg}` : m.kind
      const c = counts.get(key)
      if (c) c.n++
      else counts.set(key, { m, n: 1, sample: p })
    })
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0]
  return best ? { m: best.m, sample: best.sample } : null
}

const NAME_HINTS: [RegExp, SourceCrs][] = [
  [/bd[-_]?09[-_]?mc|bdmc|百度墨卡托|baidu[-_]?mercator/gi, 'BD09MC'],
  [/bd[-_]?09|bd[-_]?(lng|lon|lat)|baidu|百度/gi, 'BD09'],
  [/gcj[-_]?0?2|gcj|amap|gaode|高德|火星|tencent|腾讯/gi, 'GCJ02'],
  [/cgcs[-_]?2000|国家2000|2000坐标/gi, 'CGCS2000'],
  [/wgs[-_]?84|gps/gi, 'WGS84'],
]

/** The system a name hints at ('…_gcj02_wgs84' → the last mention, WGS84), or null. */
export function nameHint(name: string): SourceCrs | null {
  let best: { at: number; crs: SourceCrs } | null = null
  for (const [re, crs] of NAME_HINTS) {
    for (const m of name.matchAll(re)) if (!best || m.index > best.at) best = { at: m.index, crs }
  }
  return best?.crs ?? null
}

// Amap/DataV district boundaries (adcode + citycode/acroutes) and Amap POIs (typecode + pname/
// cityname) are GCJ-02 whatever else they say.
function fieldHint(fields: string[]): SourceCrs | null {
  const f = new Set(fields.map((x) => x.toLowerCase()))
  const amapDistrict =
    f.has('adcode') && ['citycode', 'acroutes', 'childrennum', 'centroid'].some((k) => f.has(k))
  const amapPoi = f.has('typecode') && ['pname', 'cityname', 'adname'].some((k) => f.has(k))
  return amapDistrict || amapPoi ? 'GCJ02' : null
}

export interface GuessInput {
  /** From a .prj or GeoJSON crs member. */
  declared?: SourceCrs
  /** File, layer and coordinate column names, most specific first. */
  names: string[]
  fieldNames: string[]
  geometries: (Geometry | null)[]
  /** Offered for projected metres without a zone prefix; Chengdu's CGCS2000 CM 105°E by default. */
  defaultProjected?: SourceCrs
}

const DEGREE_CHOICES: SourceCrs[] = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09']
const others = (crs: SourceCrs, list: SourceCrs[]) => list.filter((c) => c !== crs)

/** The default coordinate system for a file, why, and whether the user must confirm it. */
export function guessCrs(input: GuessInput): CrsGuess {
  const dom = dominantMagnitude(input.geometries)
  const fallbackProjected = input.defaultProjected ?? 'EPSG:4544'
  if (!dom)
    return {
      crs: input.declared ?? 'WGS84',
      basis: 'none',
      confirm: false,
      reason: { zh: '没有坐标', en: 'no coordinates' },
      alternatives: [],
    }
  const { m, sample } = dom
  const at = formatPosition(sample)
  const degrees = m.kind === 'degrees' || m.kind === 'swapped'
  if (input.declared) {
    const declaredDegrees = isGeographic(input.declared)
    const consistent =
      typeof input.declared !== 'string' || declaredDegrees === degrees || m.kind === 'unknown'
    if (consistent)
      return {
        crs: input.declared,
        basis: 'declared',
        confirm: false,
        reason: {
          zh: `文件声明坐标系为 ${describeCrs(input.declared)}`,
          en: `the file declares ${describeCrs(input.declared)}`,
        },
        alternatives: declaredDegrees ? others(input.declared, DEGREE_CHOICES) : [],
      }
  }
  const contradicts = input.declared
    ? {
        zh: `文件声明 ${describeCrs(input.declared)},但坐标数值不符; `,
        en: `the file declares ${describeCrs(input.declared)} but the numbers disagree; `,
      }
    : { zh: '', en: '' }
  if (degrees) {
    const hinted = input.names.map(nameHint).find((h) => h && isGeographic(h))
    const byField = fieldHint(input.fieldNames)
    const crs = hinted ?? byField ?? 'WGS84'
    const reason = hinted
      ? { zh: `名称中含有 ${describeCrs(crs)} 的字样`, en: `a name mentions ${describeCrs(crs)}` }
      : byField
        ? {
            zh: '属性字段是高德/DataV 的格式,这类数据是 GCJ-02',
            en: 'the fields are Amap/DataV ones, which are GCJ-02',
          }
        : {
            zh: '未声明坐标系; 经纬度无法区分 WGS84、GCJ-02 和 BD-09,请确认',
            en: 'no coordinate system declared; lng/lat numbers cannot tell WGS84, GCJ-02 and BD-09 apart: confirm',
          }
    return {
      crs,
      basis: hinted ? 'name-hint' : byField ? 'field-hint' : 'magnitude',
      confirm: true,
      reason: {
        zh: contradicts.zh + reason.zh + ` (例 ${at})`,
        en: contradicts.en + reason.en + ` (e.g. ${at})`,
      },
      alternatives: others(crs, DEGREE_CHOICES),
    }
  }
  if (m.kind === 'mercator')
    return {
      crs: 'BD09MC',
      basis: 'magnitude',
      confirm: true,
      reason: {
        zh: `${contradicts.zh}坐标是墨卡托米(例 ${at}),多为百度墨卡托 BD-09MC,也可能是 Web 墨卡托 EPSG:3857`,
        en: `${contradicts.en}coordinates are Mercator metres (e.g. ${at}), usually Baidu BD-09MC, possibly Web Mercator EPSG:3857`,
      },
      alternatives: ['EPSG:3857'],
    }
  if (m.kind === 'gk-prefixed')
    return {
      crs: `EPSG:${m.epsg}`,
      basis: 'magnitude',
      confirm: true,
      reason: {
        zh: `${contradicts.zh}X 坐标带带号(例 ${at}),应为 ${describeCrs(`EPSG:${m.epsg}`)}`,
        en: `${contradicts.en}the X coordinates carry a zone prefix (e.g. ${at}): ${describeCrs(`EPSG:${m.epsg}`)}`,
      },
      alternatives: [],
    }
  if (m.kind === 'metres')
    return {
      crs: fallbackProjected,
      basis: 'magnitude',
      confirm: true,
      reason: {
        zh: `${contradicts.zh}坐标是投影米但没有带号(例 ${at}),请选择中央经线对应的坐标系; 成都通常为 EPSG:4544 (CGCS2000 3度带 105°E)`,
        en: `${contradicts.en}coordinates are projected metres without a zone prefix (e.g. ${at}); choose the zone by its central meridian (Chengdu: EPSG:4544, CGCS2000 3° CM 105°E)`,
      },
      alternatives: others(fallbackProjected, ['EPSG:4544', 'EPSG:4543', 'EPSG:32648']),
    }
  return {
    crs: input.declared ?? 'WGS84',
    basis: 'magnitude',
    confirm: true,
    reason: {
      zh: `坐标既不像经纬度也不像常见的投影米(例 ${at}),请选择坐标系`,
      en: `coordinates look like neither degrees nor common projected metres (e.g. ${at}); choose the system`,
    },
    alternatives: DEGREE_CHOICES,
  }
}
