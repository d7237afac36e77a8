// The Chinese map offsets: GCJ-02 (Amap, Tencent; WGS84 shifted 50–700 m by a published
// obfuscation polynomial) and Baidu's BD-09 on top of it, plus Baidu's Mercator metres (BD-09MC).
// Inverses are solved by fixed-point iteration on the forward formulas, so they are exact to
// well under a millimetre instead of the one-step approximation's metre-level error.
import type { Position } from 'geojson'

const A = 6378245.0 // Krasovsky semi-major axis the GCJ-02 formula uses
const EE = 0.006693421622965943 // Krasovsky eccentricity squared, as the formula has it
const X_PI = (Math.PI * 3000.0) / 180.0

/** True where GCJ-02 applies: the rough box the formula's users agree on (outside it, no shift). */
export const inGcjArea = (lng: number, lat: number) =>
  lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271

function dLat(x: number, y: number) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return r
}

function dLng(x: number, y: number) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return r
}

/** WGS84 [lng, lat] degrees → GCJ-02 [lng, lat] degrees (the published forward formula). */
export function wgs84ToGcj02([lng, lat]: Position): [number, number] {
  if (!inGcjArea(lng!, lat!)) return [lng!, lat!]
  const radLat = (lat! / 180) * Math.PI
  const magic = 1 - EE * Math.sin(radLat) ** 2
  const sqrtMagic = Math.sqrt(magic)
  const dlat =
    (dLat(lng! - 105, lat! - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  const dlng = (dLng(lng! - 105, lat! - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return [lng! + dlng, lat! + dlat]
}

// Solves forward(p) = target for p, starting from the target: the offset changes by about 3e-3 of
// a degree per degree, so each round gains over two digits and 1e-10° (0.01 mm) takes 4 rounds.
function invert(
  forward: (p: Position) => [number, number],
  [lng, lat]: Position,
): [number, number] {
  let x = lng!
  let y = lat!
  for (let i = 0; i < 20; i++) {
    const [fx, fy] = forward([x, y])
    const dx = fx - lng!
    const dy = fy - lat!
    x -= dx
    y -= dy
    if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) break
  }
  return [x, y]
}

/** GCJ-02 [lng, lat] degrees → WGS84 [lng, lat] degrees, iterative inverse (error < 1 mm). */
export const gcj02ToWgs84 = (p: Position): [number, number] => invert(wgs84ToGcj02, p)

/** GCJ-02 [lng, lat] degrees → BD-09 [lng, lat] degrees (Baidu's published forward formula). */
export function gcj02ToBd09([lng, lat]: Position): [number, number] {
  const z = Math.sqrt(lng! * lng! + lat! * lat!) + 0.00002 * Math.sin(lat! * X_PI)
  const theta = Math.atan2(lat!, lng!) + 0.000003 * Math.cos(lng! * X_PI)
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006]
}

/** BD-09 [lng, lat] degrees → GCJ-02 [lng, lat] degrees, iterative inverse. */
export const bd09ToGcj02 = (p: Position): [number, number] => invert(gcj02ToBd09, p)

/** BD-09 [lng, lat] degrees → WGS84 [lng, lat] degrees. */
export const bd09ToWgs84 = (p: Position): [number, number] => gcj02ToWgs84(bd09ToGcj02(p))

/** WGS84 [lng, lat] degrees → BD-09 [lng, lat] degrees. */
export const wgs84ToBd09 = (p: Position): [number, number] => gcj02ToBd09(wgs84ToGcj02(p))

// Baidu's Mercator → lng/lat polynomial (BMap.MercatorProjection): one row of 10 coefficients per
// latitude band, chosen by |y| against MC_BAND metres.
const MC_BAND = [12890594.86, 8362377.87, 5591021, 3481989.83, 1678043.12, 0]
const MC2LL = [
  [
    1.410526172116255e-8, 8.98305509648872e-6, -1.9939833816331, 200.9824383106796,
    -187.2403703815547, 91.6087516669843, -23.38765649603339, 2.57121317296198, -0.03801003308653,
    1.73379812e7,
  ],
  [
    -7.435856389565537e-9, 8.983055097726239e-6, -0.78625201886289, 96.32687599759846,
    -1.85204757529826, -59.36935905485877, 47.40033549296737, -16.50741931063887, 2.28786674699375,
    1.026014486e7,
  ],
  [
    -3.030883460898826e-8, 8.98305509983578e-6, 0.30071316287616, 59.74293618442277, 7.357984074871,
    -25.38371002664745, 13.45380521110908, -3.29883767235584, 0.32710905363475, 6856817.37,
  ],
  [
    -1.981981304930552e-8, 8.983055099779535e-6, 0.03278182852591, 40.31678527705744,
    0.65659298677277, -4.44255534477492, 0.85341911805263, 0.12923347998204, -0.04625736007561,
    4482777.06,
  ],
  [
    3.09191371068437e-9, 8.983055096812155e-6, 6.995724062e-5, 23.10934304144901, -2.3663490511e-4,
    -0.6321817810242, -0.00663494467273, 0.03430082397953, -0.00466043876332, 2555164.4,
  ],
  [
    2.890871144776878e-9, 8.983055095805407e-6, -3.068298e-8, 7.47137025468032, -3.53937994e-6,
    -0.02145144861037, -1.234426596e-5, 1.0322952773e-4, -3.23890364e-6, 826088.5,
  ],
]

/** BD-09MC [x, y] Baidu Mercator metres → BD-09 [lng, lat] degrees. */
export function bd09mcToBd09([x, y]: Position): [number, number] {
  const ay = Math.abs(y!)
  const band = MC_BAND.findIndex((b) => ay >= b)
  const c = MC2LL[band < 0 ? MC2LL.length - 1 : band]!
  const lng = c[0]! + c[1]! * Math.abs(x!)
  const d = ay / c[9]!
  let lat = 0
  for (let i = 6; i >= 0; i--) lat = lat * d + c[2 + i]!
  return [x! < 0 ? -lng : lng, y! < 0 ? -lat : lat]
}

/** BD-09MC [x, y] metres → WGS84 [lng, lat] degrees. */
export const bd09mcToWgs84 = (p: Position): [number, number] => bd09ToWgs84(bd09mcToBd09(p))
