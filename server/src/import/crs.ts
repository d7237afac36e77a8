// Coordinate systems a source may be in, their labels, and proj4 definitions written out here so
// that nothing is looked up at run time (government networks are offline).
import type { GeographicCrs, SourceCrs } from './types.ts'
import { identifyWkt } from './prj.ts'
import { projDefinition, projName } from './proj-defs.ts'

/** The lng/lat choices, in the order the page offers them. */
export const GEOGRAPHIC_CRS: readonly GeographicCrs[] = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09']

/** True for the lng/lat systems (degrees). */
export const isGeographic = (crs: SourceCrs): crs is GeographicCrs =>
  typeof crs === 'string' && (GEOGRAPHIC_CRS as readonly string[]).includes(crs)

/** The EPSG number of an 'EPSG:n' choice, else null. */
export const epsgOf = (crs: SourceCrs): number | null =>
  typeof crs === 'string' && crs.startsWith('EPSG:') ? Number(crs.slice(5)) : null

/** What to record as compound.source_crs for a choice: 'EPSG:4326', 'GCJ02', 'EPSG:4550', 'WKT:<name>'. */
export function crsLabel(crs: SourceCrs): string {
  if (typeof crs !== 'string')
    return `WKT:${/^\s*\w+\s*\[\s*"([^"]*)"/.exec(crs.wkt)?.[1] ?? 'custom'}`
  if (crs === 'WGS84') return 'EPSG:4326'
  if (crs === 'CGCS2000') return 'EPSG:4490'
  return crs
}

/** A readable name of any choice, for messages: 'GCJ-02 (高德/腾讯)', 'EPSG:4550 (…)'. */
export function describeCrs(crs: SourceCrs): string {
  if (typeof crs !== 'string') return crsLabel(crs)
  const named: Record<string, string> = {
    WGS84: 'WGS84 (EPSG:4326)',
    CGCS2000: 'CGCS2000 (EPSG:4490)',
    GCJ02: 'GCJ-02 (高德/腾讯)',
    BD09: 'BD-09 (百度经纬度)',
    BD09MC: 'BD-09MC (百度墨卡托米)',
  }
  const epsg = epsgOf(crs)
  return named[crs] ?? (epsg ? `EPSG:${epsg} (${projName(epsg)})` : crs)
}

/**
 * Reads what a user typed or a client sent: 'WGS84', 'cgcs2000', 'GCJ-02', 'gcj02', 'bd09',
 * 'bd09mc', '4326', 'EPSG:4544', or .prj WKT text. Null when unrecognised.
 */
export function parseSourceCrs(input: string): SourceCrs | null {
  const s = input.trim()
  if (/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[/i.test(s)) {
    const id = identifyWkt(s)
    return 'unsupported' in id ? null : id.crs
  }
  const key = s.toUpperCase().replace(/[\s_:-]/g, '')
  const named: Record<string, SourceCrs> = {
    WGS84: 'WGS84',
    EPSG4326: 'WGS84',
    '4326': 'WGS84',
    CRS84: 'WGS84',
    CGCS2000: 'CGCS2000',
    EPSG4490: 'CGCS2000',
    '4490': 'CGCS2000',
    GCJ02: 'GCJ02',
    GCJ: 'GCJ02',
    BD09: 'BD09',
    BD09LL: 'BD09',
    BD09MC: 'BD09MC',
  }
  if (named[key]) return named[key]
  const m = /^(?:EPSG:?)?(\d{4,5})$/.exec(key)
  if (m && projDefinition(Number(m[1]))) return `EPSG:${Number(m[1])}`
  return null
}
