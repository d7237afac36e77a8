// Recognises ESRI/OGC WKT (.prj) as one of the systems this platform names, so that imports record
// 'EPSG:4550' rather than a blob, and refuses the Chinese datums that need 7 secret-ish parameters.
import type { SourceCrs } from './types.ts'
import { projDefinition } from './proj-defs.ts'

export type WktIdentity =
  | { crs: SourceCrs; name: string }
  | { unsupported: 'Beijing 1954' | 'Xian 1980' | 'New Beijing'; name: string }

const param = (wkt: string, names: string[]): number | null => {
  for (const n of names) {
    const m = new RegExp(`PARAMETER\\s*\\[\\s*"${n}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt)
    if (m) return Number(m[1])
  }
  return null
}

const near = (a: number | null, b: number, tol = 1e-6) => a !== null && Math.abs(a - b) <= tol

function datumOf(
  wkt: string,
): 'WGS84' | 'CGCS2000' | 'GRS80' | 'Beijing 1954' | 'Xian 1980' | 'New Beijing' | 'other' {
  const d = `${/DATUM\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? ''} ${/SPHEROID\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? ''}`
  if (/new.?beijing/i.test(d)) return 'New Beijing'
  if (/beijing.?1954|beijing54|krassowsky|krasovsky/i.test(d)) return 'Beijing 1954'
  if (/xian.?1980|xi.?an.?80|iag.?1975|iag.?75/i.test(d)) return 'Xian 1980'
  if (/china.?2000|cgcs.?2000|china.?geodetic/i.test(d)) return 'CGCS2000'
  if (/wgs.?(19)?84/i.test(d)) return 'WGS84'
  if (/grs.?(19)?80|twd.?97|twd.?1997/i.test(d)) return 'GRS80'
  return 'other'
}

/** Identifies .prj WKT: a named system or EPSG code when it matches one, else the WKT itself. */
export function identifyWkt(wkt: string): WktIdentity {
  const name = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? 'custom'
  const datum = datumOf(wkt)
  if (datum === 'Beijing 1954' || datum === 'Xian 1980' || datum === 'New Beijing')
    return { unsupported: datum, name }
  const projected = /^\s*PROJ(CS|CRS)\s*\[/i.test(wkt)
  if (!projected) return { crs: datum === 'CGCS2000' ? 'CGCS2000' : 'WGS84', name }

  const authority = /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(wkt)?.[1]
  if (authority && projDefinition(Number(authority)))
    return { crs: `EPSG:${Number(authority)}`, name }

  const projection = /PROJECTION\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? ''
  const metres = /UNIT\s*\[\s*"(m|meter|metre|meters|metres)"\s*,\s*1(\.0+)?\s*[,\]]/i.test(wkt)
  const cm = param(wkt, ['Central_Meridian', 'central_meridian', 'Longitude_Of_Origin'])
  const fe = param(wkt, ['False_Easting'])
  const fn = param(wkt, ['False_Northing'])
  const k = param(wkt, ['Scale_Factor', 'scale_factor'])
  const lat0 = param(wkt, ['Latitude_Of_Origin', 'latitude_of_origin']) ?? 0
  const tm = /transverse.?mercator|gauss.?kr[uü]ger|^tmerc$/i.test(projection)
  const epsg =
    metres && tm && cm !== null && fe !== null ? tmEpsg(datum, cm, fe, fn ?? 0, k ?? 1, lat0) : null
  if (epsg) return { crs: `EPSG:${epsg}`, name }
  if (metres && /mercator.?auxiliary|pseudo.?mercator/i.test(projection) && datum === 'WGS84')
    return { crs: 'EPSG:3857', name }
  return { crs: { wkt }, name }
}

function tmEpsg(
  datum: string,
  cm: number,
  fe: number,
  fn: number,
  k: number,
  lat0: number,
): number | null {
  if (lat0 !== 0) return null
  // CGCS2000 and GRS80 share the ellipsoid to 0.1 mm, so GRS80 Gauss-Krüger writers count too.
  if ((datum === 'CGCS2000' || datum === 'GRS80') && near(k, 1) && near(fn, 0)) {
    if (near(fe, 500000) && Number.isInteger(cm) && cm >= 75 && cm <= 135 && cm % 3 === 0)
      return 4534 + (cm - 75) / 3
    const zone = Math.round((fe - 500000) / 1e6)
    if (near(fe, zone * 1e6 + 500000)) {
      if (cm === zone * 3 && zone >= 25 && zone <= 45) return 4513 + zone - 25
      if (cm === zone * 6 - 3 && zone >= 13 && zone <= 23) return 4491 + zone - 13
    }
  }
  if (datum === 'WGS84' && near(k, 0.9996) && near(fe, 500000)) {
    const zone = (cm + 183) / 6
    if (Number.isInteger(zone) && zone >= 1 && zone <= 60) {
      if (near(fn, 0)) return 32600 + zone
      if (near(fn, 10000000)) return 32700 + zone
    }
  }
  if (datum === 'GRS80' && near(k, 0.9999) && near(fe, 250000) && near(fn, 0)) {
    if (cm === 121) return 3826
    if (cm === 119) return 3825
  }
  return null
}
