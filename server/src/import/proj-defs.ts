// proj4 definitions written out here so that nothing is looked up at run time.

const TMERC_GRS80 = (lon0: number, x0: number, k = 1) =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`

/**
 * The proj4 definition of a projected EPSG code this platform knows: CGCS2000 Gauss-Krüger 3° zones
 * (4513–4533 with zone prefix, 4534–4554 without) and 6° zones (4491–4501, 4502–4512), WGS84 UTM
 * (326xx north, 327xx south), TWD97 TM2 (3826, 3825) and Web Mercator (3857); null otherwise.
 */
export function projDefinition(epsg: number): string | null {
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4513 + 25
    return TMERC_GRS80(zone * 3, zone * 1e6 + 500000)
  }
  if (epsg >= 4534 && epsg <= 4554) return TMERC_GRS80(75 + (epsg - 4534) * 3, 500000)
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = epsg - 4491 + 13
    return TMERC_GRS80(zone * 6 - 3, zone * 1e6 + 500000)
  }
  if (epsg >= 4502 && epsg <= 4512) return TMERC_GRS80(75 + (epsg - 4502) * 6, 500000)
  if ((epsg >= 32601 && epsg <= 32660) || (epsg >= 32701 && epsg <= 32760)) {
    const south = epsg > 32700
    return `+proj=utm +zone=${epsg % 100}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`
  }
  if (epsg === 3826) return TMERC_GRS80(121, 250000, 0.9999)
  if (epsg === 3825) return TMERC_GRS80(119, 250000, 0.9999)
  if (epsg === 3857)
    return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs'
  return null
}

/** A short human name for a projected EPSG code, for messages. */
export function projName(epsg: number): string {
  if (epsg >= 4513 && epsg <= 4533) return `CGCS2000 3度带 ${epsg - 4513 + 25}带 (带号前缀)`
  if (epsg >= 4534 && epsg <= 4554) return `CGCS2000 3度带 中央经线 ${75 + (epsg - 4534) * 3}°E`
  if (epsg >= 4491 && epsg <= 4501) return `CGCS2000 6度带 ${epsg - 4491 + 13}带 (带号前缀)`
  if (epsg >= 4502 && epsg <= 4512) return `CGCS2000 6度带 中央经线 ${75 + (epsg - 4502) * 6}°E`
  if (epsg > 32600 && epsg < 32761) return `WGS84 UTM ${epsg % 100}${epsg > 32700 ? 'S' : 'N'}`
  if (epsg === 3826) return 'TWD97 TM2 121°E'
  if (epsg === 3825) return 'TWD97 TM2 119°E'
  if (epsg === 3857) return 'Web Mercator'
  return `EPSG:${epsg}`
}
