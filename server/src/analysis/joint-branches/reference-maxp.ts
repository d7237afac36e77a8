/**
 * TEST AND BENCHMARK REFERENCE ONLY: never used by the solver.
 *
 * A TypeScript port of PySAL spopt's `MaxPHeuristic` (spopt/region/maxp.py, Wei, Rey & Knaap 2020,
 * "Efficient regionalization for spatially explicit neighborhood delineation", IJGIS), kept line by line
 * with the Python so our solver can be compared with the field's reference where PyPI is unreachable:
 * construction (random seeds, growth to the threshold, enclave assignment among the top_n closest
 * regions) repeated `maxIterationsConstruction` times keeping the partitions with the most regions, then
 * tabu simulated annealing (`performSA`) on each of them `maxIterationsSa` times to minimise the
 * within-region attribute distance (cityblock). Class defaults: top_n 2, 99 constructions, 10 SA runs.
 *
 * Follows the code after spopt PR #506 (2026), which makes `pickMoveArea` keep only areas with a
 * neighbour in another region; before it, SA never ends once every movable area is interior (seen here
 * on a 60-unit grid).
 *
 * Deviations, none of which changes the number of regions the algorithm can reach:
 * - numpy's Mersenne Twister is replaced by a seeded mulberry32 stream, so draws differ from Python's;
 * - list-membership tests use a Set beside the list (same answers, O(1) instead of O(n));
 * - attribute distances are computed on demand instead of a dense n x n matrix (same values);
 * - infeasible components are handled like spopt's `policy="drop"` (their units get label 0), since its
 *   default "single" policy adds links that do not exist; a unit with no neighbours that is its own
 *   feasible component makes the Python raise IndexError in `assignEnclave`, and the port throws too.
 */
import { components } from './problem.ts'
import { seededRandom, shuffleInPlace } from './prng.ts'

export interface MaxPInput {
  /** Neighbour lists by unit index (symmetric). */
  neighbors: readonly (readonly number[])[]
  /** The spatially extensive attribute that must reach the threshold in every region. */
  thresholdValues: readonly number[]
  threshold: number
  /** Attributes whose cityblock distance the local search minimises, one row per unit. */
  attrs: readonly (readonly number[])[]
  topN?: number
  maxIterationsConstruction?: number
  maxIterationsSa?: number
  seed?: number
}

export interface MaxPResult {
  /** Number of regions. */
  p: number
  /** Region label per unit, 1..p; 0 for units of dropped (infeasible) components. */
  labels: number[]
}

/** Reference max-p (spopt MaxPHeuristic port); returns the region count and labels. Slow on purpose. */
export function referenceMaxP(input: MaxPInput): MaxPResult {
  const random = seededRandom(input.seed ?? 0)
  const n = input.thresholdValues.length
  // policy="drop": keep only components whose total reaches the threshold.
  const { comps } = components(n, input.neighbors)
  const keep = comps
    .filter((c) => c.reduce((s, u) => s + input.thresholdValues[u]!, 0) >= input.threshold)
    .flat()
    .sort((a, b) => a - b)
  if (keep.length === 0) throw new Error('No feasible components found in input.')
  const newOf = new Map(keep.map((o, i) => [o, i]))
  const w = keep.map((o) => input.neighbors[o]!.map((j) => newOf.get(j)!))
  const thr = keep.map((o) => input.thresholdValues[o]!)
  const attr = keep.map((o) => input.attrs[o]!)
  const dist = (i: number, j: number) => {
    let s = 0
    const a = attr[i]!
    const b = attr[j]!
    for (let k = 0; k < a.length; k++) s += Math.abs(a[k]! - b[k]!)
    return s
  }
  const sumDist = (i: number, region: readonly number[]) => {
    let s = 0
    for (const j of region) s += dist(i, j)
    return s
  }
  const ctx: Ctx = { w, thr, threshold: input.threshold, sumDist, random }
  const { rlList } = constructionPhase(ctx, input.topN ?? 2, input.maxIterationsConstruction ?? 99)
  const alpha = 0.998
  const tabuLength = 10
  const maxNoMove = keep.length
  let bestObj = Infinity
  let bestLabels: number[] = []
  let maxP = 0
  for (const rl of rlList) {
    maxP = rl.regions.size
    for (let it = 0; it < (input.maxIterationsSa ?? 10); it++) {
      const fin = performSA(ctx, rl, alpha, tabuLength, maxNoMove)
      let total = 0
      for (const members of fin.regions.values())
        for (let a = 0; a < members.length; a++)
          for (let b = a + 1; b < members.length; b++) total += dist(members[a]!, members[b]!)
      if (total < bestObj) {
        bestObj = total
        bestLabels = fin.labels
      }
    }
  }
  // Regions are renumbered 1..p in order of first appearance, as labels are only names.
  const rename = new Map<number, number>()
  const labels = new Array<number>(n).fill(0)
  keep.forEach((o, i) => {
    const l = bestLabels[i]!
    if (!rename.has(l)) rename.set(l, rename.size + 1)
    labels[o] = rename.get(l)!
  })
  return { p: maxP, labels }
}

interface Ctx {
  w: number[][]
  thr: number[]
  threshold: number
  sumDist: (i: number, region: readonly number[]) => number
  random: () => number
}

interface Partition {
  labels: number[]
  /** Region label -> members, in insertion order like the Python dict. */
  regions: Map<number, number[]>
  attrTotal: Map<number, number>
}

const randint = (random: () => number, k: number) => Math.floor(random() * k)

function clonePartition(p: Partition): Partition {
  return {
    labels: p.labels.slice(),
    regions: new Map([...p.regions].map(([k, v]) => [k, v.slice()])),
    attrTotal: new Map(p.attrTotal),
  }
}

function constructionPhase(ctx: Ctx, topN: number, maxIt: number) {
  const n = ctx.thr.length
  const arr = [...Array(n).keys()]
  const pvList: number[] = []
  const labelsList: Partition[] = []
  let maxP = 0
  for (let it = 0; it < maxIt; it++) {
    const labels = new Array<number>(n).fill(0)
    let C = 0
    const regionAttr = new Map<number, number>()
    const enclave: number[] = []
    const regionList = new Map<number, number[]>()
    shuffleInPlace(arr, ctx.random)
    for (const P of arr) {
      if (labels[P] !== 0) continue
      const neighborPolys = ctx.w[P]!.slice()
      if (neighborPolys.length === 0) labels[P] = -1
      else {
        C += 1
        const { labeledID, total } = growClusterForPoly(ctx, labels, P, neighborPolys, C)
        if (total < ctx.threshold) {
          C -= 1
          enclave.push(...labeledID)
        } else {
          regionList.set(C, labeledID)
          regionAttr.set(C, total)
        }
      }
    }
    const numRegions = regionList.size
    labels.forEach((l, i) => {
      if (l === -1) enclave.push(i)
    })
    if (numRegions < maxP) continue
    maxP = numRegions
    const part = assignEnclave(
      ctx,
      enclave,
      { labels, regions: regionList, attrTotal: regionAttr },
      topN,
    )
    pvList.push(maxP)
    labelsList.push(part)
  }
  const best = Math.max(...pvList)
  return { maxP: best, rlList: labelsList.filter((_, i) => pvList[i] === best) }
}

function growClusterForPoly(
  ctx: Ctx,
  labels: number[],
  P: number,
  neighborPolys: number[],
  C: number,
) {
  labels[P] = C
  const labeledID = [P]
  let total = ctx.thr[P]!
  const inList = new Set(neighborPolys)
  let i = 0
  while (i < neighborPolys.length) {
    if (total >= ctx.threshold) break
    const Pn = neighborPolys[i]!
    if (labels[Pn] === 0) {
      labels[Pn] = C
      labeledID.push(Pn)
      total += ctx.thr[Pn]!
      if (total < ctx.threshold) {
        for (const pnn of ctx.w[Pn]!) {
          if (!inList.has(pnn)) {
            inList.add(pnn)
            neighborPolys.push(pnn)
          }
        }
      }
    }
    i += 1
  }
  return { labeledID, total }
}

function assignEnclave(ctx: Ctx, enclave: number[], part: Partition, topN: number): Partition {
  const { labels, regions, attrTotal } = part
  const inEnclave = new Map<number, number>()
  for (const e of enclave) inEnclave.set(e, (inEnclave.get(e) ?? 0) + 1)
  let enclaveIndex = 0
  while (enclave.length > 0) {
    if (enclaveIndex >= enclave.length) throw new Error('IndexError: list index out of range')
    const ec = enclave[enclaveIndex]!
    let assigned = 0
    const list: [number, number][] = []
    for (const ecn of ctx.w[ec]!) {
      if (inEnclave.has(ecn)) continue
      list.push([ecn, ctx.sumDist(ec, regions.get(labels[ecn]!)!)])
    }
    list.sort((a, b) => a[1] - b[1]) // stable, like Python's sorted
    const topNum = Math.min(list.length, topN)
    if (topNum > 0) assigned = labels[list[randint(ctx.random, topNum)]![0]]!
    if (assigned === 0) enclaveIndex += 1
    else {
      labels[ec] = assigned
      regions.get(assigned)!.push(ec)
      attrTotal.set(assigned, attrTotal.get(assigned)! + ctx.thr[ec]!)
      enclave.splice(enclaveIndex, 1)
      const left = inEnclave.get(ec)! - 1
      if (left === 0) inEnclave.delete(ec)
      else inEnclave.set(ec, left)
      enclaveIndex = 0
    }
  }
  return clonePartition(part)
}

function connectedWithout(ctx: Ctx, members: readonly number[], drop: number): boolean {
  const left = members.filter((_, i) => i !== drop)
  if (left.length === 0) return false // scipy reports 0 components for an empty graph
  const inside = new Set(left)
  const seen = new Set([left[0]!])
  const stack = [left[0]!]
  while (stack.length) {
    for (const v of ctx.w[stack.pop()!]!) {
      if (inside.has(v) && !seen.has(v)) {
        seen.add(v)
        stack.push(v)
      }
    }
  }
  return seen.size === left.length
}

function pickMoveArea(ctx: Ctx, part: Partition): number[] {
  const potential: number[] = []
  for (const [k, v] of part.attrTotal) {
    const rla = part.regions.get(k)!
    rla.forEach((area, i) => {
      // The border test is spopt PR #506 (2026): without it SA loops forever once every movable area
      // is interior to its region, which the released code does.
      const border = ctx.w[area]!.some((nb) => part.labels[nb] !== k)
      if (v - ctx.thr[area]! > ctx.threshold && border && connectedWithout(ctx, rla, i))
        potential.push(area)
    })
  }
  return potential
}

function checkMove(ctx: Ctx, poa: number, part: Partition) {
  const donor = part.labels[poa]!
  const lostDistance = ctx.sumDist(poa, part.regions.get(donor)!)
  let potentialMove: [number, number, number] | null = null
  let minAdded = Infinity
  for (const poan of ctx.w[poa]!) {
    const recipient = part.labels[poan]!
    if (donor !== recipient) {
      const added = ctx.sumDist(poa, part.regions.get(recipient)!)
      if (added < minAdded) {
        minAdded = added
        potentialMove = [poa, donor, recipient]
      }
    }
  }
  return { lostDistance, minAdded, potentialMove }
}

const removeFirst = (list: number[], v: number) => {
  const i = list.indexOf(v)
  if (i >= 0) list.splice(i, 1)
}

function performSA(
  ctx: Ctx,
  init: Partition,
  alpha: number,
  tabuLength: number,
  maxNoMove: number,
) {
  let t = 1
  let niMoveCt = 0
  let makeMove: boolean
  const tabu: string[] = []
  let potential: number[] = []
  const part = clonePartition(init)
  while (niMoveCt <= maxNoMove) {
    if (potential.length === 0) potential = pickMoveArea(ctx, part)
    if (potential.length === 0) break
    const poa = potential[randint(ctx.random, potential.length)]!
    const { lostDistance, minAdded, potentialMove } = checkMove(ctx, poa, part)
    if (potentialMove === null) {
      removeFirst(potential, poa)
      continue
    }
    const diff = lostDistance - minAdded
    const [, donor, recipient] = potentialMove
    if (diff > 0) {
      makeMove = true
      const key = `${poa},${recipient},${donor}`
      if (!tabu.includes(key)) {
        if (tabu.length === tabuLength) tabu.shift()
        tabu.push(key)
      }
      niMoveCt = 0
    } else {
      niMoveCt += 1
      const prob = Math.exp(diff / t)
      makeMove = prob > ctx.random() && !tabu.includes(potentialMove.join(','))
    }
    removeFirst(potential, poa)
    if (makeMove) {
      part.labels[poa] = recipient
      removeFirst(part.regions.get(donor)!, poa)
      part.regions.get(recipient)!.push(poa)
      part.attrTotal.set(donor, part.attrTotal.get(donor)! - ctx.thr[poa]!)
      part.attrTotal.set(recipient, part.attrTotal.get(recipient)! + ctx.thr[poa]!)
      potential = potential.filter(
        (pa) => part.labels[pa] !== recipient && part.labels[pa] !== donor,
      )
    }
    t *= alpha
  }
  return part
}
