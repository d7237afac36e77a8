/**
 * `npx tsx scripts/bench/siting.ts`: station siting figures of issue 7 on the demo city (seed 20041, scale 1).
 * Demand: old compounds weighted by households; existing: the city's stations; candidates: every 7th
 * compound centroid by code (about 3,000, standing in for compounds with usable space), then all 20,751.
 * Maximal covering with k = 100 within 300 m walking (detour 1.3): heuristic, then exact under a time
 * limit; one district exactly. Prints a markdown table. `--time-limit=S` sets the exact limit (default 60).
 */
import { solveSiting, toLocalMetres } from '../../server/src/analysis/siting/index.ts'
import type {
  CandidateSite,
  DemandPoint,
  SitingResult,
} from '../../server/src/analysis/siting/index.ts'
import { generateDemoCity } from '../../server/src/demo/generate.ts'
import type { DemoCompound } from '../../server/src/demo/types.ts'

const timeLimitS = Number(process.argv.find((a) => a.startsWith('--time-limit='))?.slice(13) ?? 60)
const rows: [string, string][] = []
const record = (what: string, value: string) => {
  rows.push([what, value])
  process.stderr.write(`${what}: ${value}\n`)
}
const pct = (x: number) => `${(x * 100).toFixed(2)}%`
const ms = (x: number) => `${Math.round(x)} ms`

/** Area centroid of a compound's outer ring, in local metres. */
function centroidM(c: DemoCompound) {
  const ring = c.boundary.coordinates[0]![0]!.slice(0, -1).map((p) =>
    toLocalMetres(p as [number, number]),
  )
  let a = 0
  let x = 0
  let y = 0
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length]!
    const f = p.x * q.y - q.x * p.y
    a += f
    x += (p.x + q.x) * f
    y += (p.y + q.y) * f
  })
  return { x: x / (3 * a), y: y / (3 * a) }
}

const t0 = performance.now()
const city = generateDemoCity({ seed: 20041, scale: 1 })
record('demo city generation', ms(performance.now() - t0))
const compounds = [...city.compounds].sort((a, b) => (a.code < b.code ? -1 : 1))
const at = new Map(compounds.map((c) => [c.code, centroidM(c)]))
const demandOf = (list: DemoCompound[]): DemandPoint[] =>
  list.filter((c) => c.isOld).map((c) => ({ id: c.code, ...at.get(c.code)!, weight: c.households }))
const candidatesOf = (list: DemoCompound[], every: number): CandidateSite[] =>
  list.filter((_, i) => i % every === 0).map((c) => ({ id: c.code, ...at.get(c.code)! }))
const existing = city.stations.map((s, i) => ({ id: `station-${i}`, ...toLocalMetres(s.location) }))

const summary = (r: SitingResult) =>
  `${r.method}, status ${r.status}, +${r.objective.toFixed(0)} households, coverage ${pct(r.before.share)} → ` +
  `${pct(r.after.share)} (${r.after.count} compounds), bound ${r.bound.toFixed(0)} (${r.boundSource}), gap ${pct(r.gap)}`

async function city100(label: string, every: number) {
  const demand = demandOf(compounds)
  const candidates = candidatesOf(compounds, every)
  record(
    `${label}: instance`,
    `${demand.length} demand, ${candidates.length} candidates, ${existing.length} existing`,
  )
  const problem = { model: 'max-cover' as const, k: 100, demand, candidates, existing }
  const h = await solveSiting(problem, { method: 'heuristic', timeLimitS })
  record(
    `${label}: heuristic`,
    `${ms(h.timings.heuristicMs)} (+ ${ms(h.timings.reachMs)} reach, ${ms(h.timings.boundMs)} LP bound); ${summary(h)}`,
  )
  const e = await solveSiting(problem, { method: 'exact', timeLimitS })
  record(`${label}: exact (limit ${timeLimitS} s)`, `${ms(e.timings.exactMs)} MILP; ${summary(e)}`)
  const best = Math.max(e.objective, h.objective)
  record(
    `${label}: heuristic / exact new coverage`,
    pct(h.objective / best) + `; total covered ${pct(h.after.weight / e.after.weight)}`,
  )
  const curve = [10, 25, 50, 100].map(
    (n) => `${n}: ${pct(h.curve[n - 1]?.share ?? NaN)} (+${h.curve[n - 1]?.marginalWeight ?? 0})`,
  )
  record(`${label}: greedy curve (share after n, n-th station's households)`, curve.join('; '))
}

await city100('city, ~3,000 candidates', 7)
await city100('city, all compound centroids', 1)

const districts = city.areas.filter((a) => a.level === 'district')
const biggest = districts
  .map((d) => ({ d, old: compounds.filter((c) => c.districtId === d.id && c.isOld).length }))
  .sort((a, b) => b.old - a.old)[0]!
const inDistrict = compounds.filter((c) => c.districtId === biggest.d.id)
const dDemand = demandOf(inDistrict)
const dCandidates = candidatesOf(inDistrict, 1)
record(
  `district ${biggest.d.name}: instance`,
  `${dDemand.length} demand, ${dCandidates.length} candidates (all centroids)`,
)
for (const model of ['max-cover', 'p-median', 'set-cover'] as const) {
  const base = { demand: dDemand, candidates: dCandidates, existing }
  const problem =
    model === 'set-cover'
      ? { ...base, model, targetShare: 0.35 }
      : { ...base, model, k: 10, ...(model === 'p-median' ? { maxDistanceM: 500 } : {}) }
  const r = await solveSiting(problem, { method: 'exact', timeLimitS })
  const what =
    model === 'set-cover'
      ? 'set-cover to 35%'
      : model === 'p-median'
        ? 'p-median k = 10 (≤ 500 m)'
        : 'max-cover k = 10'
  record(
    `district ${biggest.d.name}: ${what}`,
    `${ms(r.ms)} total (${ms(r.timings.exactMs)} MILP); ${r.method}, ${r.status}, objective ${r.objective.toFixed(0)}, ` +
      `${r.chosen.length} sites, coverage ${pct(r.before.share)} → ${pct(r.after.share)}, gap ${pct(r.gap)}`,
  )
}

console.log('| figure | value |\n| --- | --- |')
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`)
