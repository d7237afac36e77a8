/**
 * `npx tsx scripts/bench/joint-branches.ts`: figures for the joint-branch solver (issue 4). Prints markdown
 * tables: solver time, groups and covered compounds against the bound for one community, one street, one
 * district and the whole demo city (seed 20041, scale 1); the spread of times with every community solved
 * alone; then classic max-p (floor only) against the TypeScript port of spopt's MaxPHeuristic on jittered
 * grids and on the demo city. Solver only: API and PostGIS figures come from `npm run bench`.
 * `--quick` runs fewer repetitions.
 */
import { cpus } from 'node:os'
import {
  CLASSIC_MAXP_RULES,
  DEFAULT_JOINT_RULES,
  solveJointBranches,
} from '../../server/src/analysis/joint-branches/index.ts'
import type {
  JointEdge,
  JointResult,
  JointRules,
  JointUnit,
} from '../../server/src/analysis/joint-branches/index.ts'
import { referenceMaxP } from '../../server/src/analysis/joint-branches/reference-maxp.ts'
import { gridInstance } from '../../server/src/analysis/joint-branches/test-instances.ts'
import { generateDemoCity, JOINT_GAP_M } from '../../server/src/demo/generate.ts'
import { cityInput } from './joint-branches-input.ts'

const quick = process.argv.includes('--quick')
const runs = quick ? 3 : 7
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`)
const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0))

/** Runs the solver `runs` times after one warm-up; returns the last result and the median time (ms). */
function timed(units: JointUnit[], edges: JointEdge[], rules: JointRules) {
  let result = solveJointBranches(units, edges, rules)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    result = solveJointBranches(units, edges, rules)
    times.push(result.stats.ms)
  }
  return { result, ms: median(times) }
}

function subset(units: JointUnit[], edges: JointEdge[], keep: (u: JointUnit) => boolean) {
  const inside = units.filter(keep)
  const ids = new Set(inside.map((u) => u.id))
  return { units: inside, edges: edges.filter((e) => ids.has(e.a) && ids.has(e.b)) }
}

const largest = (units: JointUnit[], key: (u: JointUnit) => string) => {
  const counts = new Map<string, number>()
  for (const u of units) counts.set(key(u), (counts.get(key(u)) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]
}

const reasons = (r: JointResult) => {
  const counts = new Map<string, number>()
  for (const l of r.leftovers) counts.set(l.reason, (counts.get(l.reason) ?? 0) + 1)
  return [...counts].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'
}

let t0 = performance.now()
const city = generateDemoCity({ seed: 20041, scale: 1 })
const genMs = performance.now() - t0
t0 = performance.now()
const all = cityInput(city, JOINT_GAP_M, false)
const uncovered = cityInput(city, JOINT_GAP_M, true)
const inputMs = performance.now() - t0
console.log(
  `Demo city seed 20041 scale 1: generated in ${ms(genMs)} ms; small old compounds ${all.units.length} ` +
    `(${all.edges.length} adjacent pairs within ${JOINT_GAP_M} m), of which ${uncovered.units.length} ` +
    `without a standalone or joint org; inputs built in ${ms(inputMs)} ms.\n`,
)

const community = largest(all.units, (u) => u.communityId)
const street = largest(all.units, (u) => all.place.get(u.id)!.streetId)
const district = largest(all.units, (u) => all.place.get(u.id)!.districtId)
const areas: [string, ReturnType<typeof subset>, JointRules][] = [
  [
    `community ${community}`,
    subset(all.units, all.edges, (u) => u.communityId === community),
    DEFAULT_JOINT_RULES,
  ],
  [
    `street ${street}`,
    subset(all.units, all.edges, (u) => all.place.get(u.id)!.streetId === street),
    DEFAULT_JOINT_RULES,
  ],
  [
    `district ${district}`,
    subset(all.units, all.edges, (u) => all.place.get(u.id)!.districtId === district),
    DEFAULT_JOINT_RULES,
  ],
  ['whole city, all small old compounds', all, DEFAULT_JOINT_RULES],
  ['whole city, without standalone/joint org', uncovered, DEFAULT_JOINT_RULES],
  ['whole city, community rule off', all, { ...DEFAULT_JOINT_RULES, sameCommunity: false }],
  ['whole city, radius 250 m', all, { ...DEFAULT_JOINT_RULES, radiusM: 250 }],
]
console.log(
  '## Joint branches, default rules (floor 3, <= 5 compounds, <= 50 members, one community, 500 m)\n',
)
console.log(
  '| area | units | solver ms (median) | groups / bound | covered / bound | components (proven optimal) | proven optimal | leftovers |',
)
console.log('|---|---|---|---|---|---|---|---|')
for (const [name, input, rules] of areas) {
  const { result: r, ms: t } = timed(input.units, input.edges, rules)
  const b = r.bound
  console.log(
    `| ${name} | ${input.units.length} | ${ms(t)} | ${r.stats.groups} / ${b.maxGroups} (${pct(r.stats.groups, b.maxGroups)}) | ` +
      `${r.stats.coveredUnits} / ${b.maxCoveredUnits} (${pct(r.stats.coveredUnits, b.maxCoveredUnits)}) | ` +
      `${r.stats.components} (${r.stats.exactComponents}) | ${r.stats.provenOptimal ? 'yes' : 'no'} | ${reasons(r)} |`,
  )
}

// Every community solved on its own, as the planning page does: the spread of solver times.
const communityTimes: number[] = []
const byCommunity = new Map<string, JointUnit[]>()
for (const u of all.units)
  byCommunity.set(u.communityId, [...(byCommunity.get(u.communityId) ?? []), u])
for (const units of byCommunity.values()) {
  const input = subset(units, all.edges, () => true)
  solveJointBranches(input.units, input.edges)
  communityTimes.push(solveJointBranches(input.units, input.edges).stats.ms)
}
communityTimes.sort((a, b) => a - b)
const at = (q: number) => ms(communityTimes[Math.floor(q * (communityTimes.length - 1))]!)
console.log(
  `\nEach of the ${communityTimes.length} communities with small old compounds solved alone: ` +
    `median ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms.`,
)

/** Classic max-p on the same units and edges: our solver (floor only) against the spopt port. */
function classic(name: string, units: JointUnit[], edges: JointEdge[], refRuns: number) {
  const index = new Map(units.map((u, i) => [u.id, i]))
  const neighbors: number[][] = units.map(() => [])
  for (const e of edges) {
    neighbors[index.get(e.a)!]!.push(index.get(e.b)!)
    neighbors[index.get(e.b)!]!.push(index.get(e.a)!)
  }
  const rules = { minMembers: 3, ...CLASSIC_MAXP_RULES }
  const ours = timed(units, edges, rules)
  const refTimes: number[] = []
  let refP = 0
  for (let i = 0; i < refRuns; i++) {
    const t = performance.now()
    refP = referenceMaxP({
      neighbors,
      thresholdValues: units.map((u) => u.membersFull),
      threshold: 3,
      attrs: units.map((u) => [u.households]),
      seed: i,
    }).p
    refTimes.push(performance.now() - t)
  }
  const refMs = median(refTimes)
  console.log(
    `| ${name} | ${units.length} | ${ours.result.stats.groups} | ${refP} | ${ours.result.bound.maxGroups} | ` +
      `${ms(ours.ms)} | ${ms(refMs)} | ${(refMs / ours.ms).toFixed(1)}x |`,
  )
}

console.log(
  '\n## Classic max-p (floor 3 only): our solver vs the spopt MaxPHeuristic port (top_n 2, 99 constructions, 10 SA runs)\n',
)
console.log(
  '| input | units | our regions | spopt-port regions | bound | our ms | port ms | port / ours |',
)
console.log('|---|---|---|---|---|---|---|---|')
for (const n of quick ? [400, 1600] : [400, 1600, 6400]) {
  // Isolated units are dropped from both inputs: spopt raises IndexError on a feasible island.
  const g = gridInstance(n, { units: n, communities: 1, spacingM: 150, dropEdges: 0.2 })
  const linked = new Set(g.edges.flatMap((e) => [e.a, e.b]))
  classic(
    `jittered grid ${n}`,
    g.units.filter((u) => linked.has(u.id)),
    g.edges,
    n > 2000 ? 1 : 3,
  )
}
const linked = new Set(all.edges.flatMap((e) => [e.a, e.b]))
const districtUnits = all.units.filter(
  (u) => linked.has(u.id) && all.place.get(u.id)!.districtId === district,
)
classic(
  `demo district ${district}`,
  districtUnits,
  subset(districtUnits, all.edges, () => true).edges,
  3,
)
const cityUnits = all.units.filter((u) => linked.has(u.id))
classic('demo city, all small old compounds', cityUnits, all.edges, 1)

const cpu = cpus()[0]?.model ?? 'unknown CPU'
console.log(
  `\nMeasured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} x ${cpu}, Node ${process.version}`,
)
