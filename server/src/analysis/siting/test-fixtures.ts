import { seeded } from './seeded.ts'
import type { CandidateSite, DemandPoint, ExistingStation } from './types.ts'

/** A random instance shaped like a district: demand in clusters (neighbourhoods), households 50–1,000. */
export function randomInstance(
  seed: number,
  size: { demand: number; candidates: number; existing: number; sideM: number },
): { demand: DemandPoint[]; candidates: CandidateSite[]; existing: ExistingStation[] } {
  const rnd = seeded(seed)
  const centres = Array.from(
    { length: 12 },
    () => [rnd() * size.sideM, rnd() * size.sideM] as const,
  )
  const around = () => {
    const [cx, cy] = centres[Math.floor(rnd() * centres.length)]!
    const r = 400 * Math.sqrt(rnd())
    const a = 2 * Math.PI * rnd()
    return { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) }
  }
  const demand = Array.from({ length: size.demand }, (_, i) => ({
    id: `d${i}`,
    ...around(),
    weight: 50 + Math.floor(rnd() * 950),
  }))
  const candidates = Array.from({ length: size.candidates }, (_, j) => ({
    id: `c${j}`,
    ...(rnd() < 0.7 ? around() : { x: rnd() * size.sideM, y: rnd() * size.sideM }),
  }))
  const existing = Array.from({ length: size.existing }, (_, e) => ({ id: `e${e}`, ...around() }))
  return { demand, candidates, existing }
}

/**
 * Six households-100 points on a line and three sites reaching 100 m (detour 1): S1 at 0 reaches the inner
 * four, S2 at -100 and S3 at 100 each reach two inner points and one outer point.
 */
export function sixOnALine(): { demand: DemandPoint[]; candidates: CandidateSite[] } {
  const xs = [-90, -30, 30, 90, -180, 180]
  return {
    demand: xs.map((x, i) => ({ id: `p${i + 1}`, x, y: 0, weight: 100 })),
    candidates: [
      { id: 'S1', x: 0, y: 0 },
      { id: 'S2', x: -100, y: 0 },
      { id: 'S3', x: 100, y: 0 },
    ],
  }
}
