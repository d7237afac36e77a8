import { describe, expect, it } from 'vitest'
import { solveJointExact } from './exact.ts'
import type { ExactResult } from './exact.ts'
import { seededRandom } from './prng.ts'
import { solveJointBranches } from './solve.ts'
import { violations } from './test-checks.ts'
import { gridInstance } from './test-instances.ts'
import type { Instance } from './test-instances.ts'
import type { JointResult, JointRules } from './types.ts'

interface Case {
  seed: number
  instance: Instance
  rules: JointRules
}

/** 100 seeded random instances: 6–40 compounds on a jittered grid, 1–4 communities, varied rules. */
function randomCases(): Case[] {
  return Array.from({ length: 100 }, (_, k) => {
    const r = seededRandom(7000 + k)
    const instance = gridInstance(8000 + k, {
      units: 6 + Math.floor(r() * 35),
      communities: 1 + Math.floor(r() * 4),
      spacingM: 80 + r() * 300,
      dropEdges: 0.1 + r() * 0.3,
    })
    const rules: JointRules = {
      minMembers: 3,
      maxCompounds: r() < 0.7 ? 5 : 4,
      maxMembers: r() < 0.8 ? 50 : 4,
      sameCommunity: r() < 0.7,
      radiusM: r() < 0.15 ? null : r() < 0.7 ? 500 : 300,
    }
    return { seed: k, instance, rules }
  })
}

interface Outcome extends Case {
  solver: JointResult
  localOnly: JointResult
  exact: ExactResult
  exactGroupsFirst: ExactResult
}

// Solving 200 MILPs takes tens of seconds, so every test shares one lazily computed set of outcomes.
let outcomes: Promise<Outcome[]> | undefined
const compare = () =>
  (outcomes ??= (async () => {
    const out: Outcome[] = []
    for (const c of randomCases()) {
      const { units, edges } = c.instance
      out.push({
        ...c,
        solver: solveJointBranches(units, edges, c.rules, { seed: c.seed }),
        localOnly: solveJointBranches(units, edges, c.rules, { seed: c.seed, exactMaxUnits: 0 }),
        exact: await solveJointExact(units, edges, c.rules),
        exactGroupsFirst: await solveJointExact(units, edges, c.rules, { priority: 'groups' }),
      })
    }
    return out
  })())

const optimal = (r: JointResult, e: ExactResult) =>
  r.stats.coveredUnits === e.coveredUnits && r.stats.groups === e.groups

const SLOW = 300_000

describe('solveJointBranches against the exact MILP on 100 random instances', () => {
  it(
    'never breaks a hard rule, puts no unit in two groups and gives every leftover a reason',
    async () => {
      const found = (await compare()).flatMap((o) => [
        ...violations(o.instance.units, o.instance.edges, o.rules, o.solver).map(
          (v) => `#${o.seed} ${v}`,
        ),
        ...violations(o.instance.units, o.instance.edges, o.rules, o.localOnly).map(
          (v) => `#${o.seed} local: ${v}`,
        ),
      ])
      expect(found).toEqual([])
    },
    SLOW,
  )

  it(
    'reports a bound that no exact optimum exceeds',
    async () => {
      const broken = (await compare()).flatMap((o) =>
        [o.solver, o.localOnly]
          .filter(
            (r) =>
              r.bound.maxCoveredUnits < o.exact.coveredUnits ||
              r.bound.maxGroups < o.exactGroupsFirst.groups,
          )
          .map(() => o.seed),
      )
      expect(broken).toEqual([])
    },
    SLOW,
  )

  it(
    'never claims more than the exact optimum',
    async () => {
      const over = (await compare()).filter(
        (o) =>
          o.solver.stats.coveredUnits > o.exact.coveredUnits ||
          (o.solver.stats.coveredUnits === o.exact.coveredUnits &&
            o.solver.stats.groups > o.exact.groups),
      )
      expect(over.map((o) => o.seed)).toEqual([])
    },
    SLOW,
  )

  it(
    'finds the optimal covered compounds and groups on at least 90 of 100 instances',
    async () => {
      const all = await compare()
      const score = all.filter((o) => optimal(o.solver, o.exact)).length
      console.info(`joint branches vs exact MILP: ${score}/100 optimal`)
      expect(score).toBeGreaterThanOrEqual(90)
    },
    SLOW,
  )

  it(
    'finds the optimum on at least 90 of 100 instances with local search alone',
    async () => {
      const all = await compare()
      const score = all.filter((o) => optimal(o.localOnly, o.exact)).length
      console.info(
        `joint branches, local search only (exactMaxUnits 0) vs exact MILP: ${score}/100 optimal`,
      )
      expect(score).toBeGreaterThanOrEqual(90)
    },
    SLOW,
  )

  it(
    'claims proven optimality only where the exact optimum agrees',
    async () => {
      const wrong = (await compare()).filter(
        (o) => o.solver.stats.provenOptimal && !optimal(o.solver, o.exact),
      )
      expect(wrong.map((o) => o.seed)).toEqual([])
    },
    SLOW,
  )
})

describe('classic max-p (no ceilings, no radius) against the exact MILP', () => {
  it(
    'covers every coverable unit with the most regions, under a true bound, on 30 small instances',
    async () => {
      const rules: JointRules = {
        minMembers: 3,
        maxCompounds: null,
        maxMembers: null,
        sameCommunity: false,
        radiusM: null,
      }
      const misses: string[] = []
      for (let k = 0; k < 30; k++) {
        const r = seededRandom(9100 + k)
        const { units, edges } = gridInstance(9200 + k, {
          units: 6 + Math.floor(r() * 9),
          communities: 1,
          spacingM: 150,
          dropEdges: 0.2 + r() * 0.3,
        })
        const ours = solveJointBranches(units, edges, rules, { seed: k })
        const exact = await solveJointExact(units, edges, rules)
        expect(violations(units, edges, rules, ours)).toEqual([])
        if (!optimal(ours, exact)) misses.push(`#${k}: ${ours.stats.groups} vs ${exact.groups}`)
        const local = solveJointBranches(units, edges, rules, { seed: k, exactMaxUnits: 0 })
        for (const b of [ours.bound, local.bound]) {
          expect(b.maxCoveredUnits).toBeGreaterThanOrEqual(exact.coveredUnits)
          expect(b.maxGroups).toBeGreaterThanOrEqual(exact.groups)
        }
      }
      expect(misses).toEqual([])
    },
    SLOW,
  )
})
