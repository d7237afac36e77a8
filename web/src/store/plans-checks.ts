// Live rule checks, the plan's summary and its leftovers, all from the shared pure rule module
// (server/src/domain/branch-rules.ts, the same code the server runs when a plan is adopted).
// Checks are cached per branch object: an edit replaces only the branches it touched, so after a
// brush stroke only those are checked again.
import {
  adjacencyFromPairs,
  checkBranch,
  type CheckResult,
  type CompoundFacts,
  type RuleSettings,
} from '../../../server/src/domain/branch-rules.ts'
import type { Coverage, PlanBranch, PlanCompound, PlanContext } from '../api/plans-types.ts'
import type { CoverageStatus } from '../api/types.ts'
import { ownersOf, type PlanDoc } from './plans-doc.ts'

export interface RuleContext {
  rules: RuleSettings
  compounds: ReadonlyMap<number, PlanCompound>
  facts: ReadonlyMap<number, CompoundFacts>
  adjacency: ReadonlyMap<number, ReadonlySet<number>>
  coverageBefore: Coverage
  checks: WeakMap<PlanBranch, CheckResult[]>
}

const contexts = new WeakMap<PlanContext, RuleContext>()

/** The lookups the checks need, built once per context answer. */
export function ruleContextOf(ctx: PlanContext): RuleContext {
  let rc = contexts.get(ctx)
  if (!rc) {
    rc = {
      rules: ctx.rules,
      compounds: new Map(ctx.compounds.map((c) => [c.id, c])),
      facts: new Map(
        ctx.compounds.map((c) => [
          c.id,
          { id: c.id, members: c.members, communityId: c.communityId, lng: c.lng, lat: c.lat },
        ]),
      ),
      adjacency: adjacencyFromPairs(ctx.adjacency),
      coverageBefore: ctx.coverageBefore,
      checks: new WeakMap(),
    }
    contexts.set(ctx, rc)
  }
  return rc
}

/** The rule lines of one branch; compounds outside the plan's area are left out (never thrown on). */
export function checksOf(rc: RuleContext, branch: PlanBranch): CheckResult[] {
  let lines = rc.checks.get(branch)
  if (!lines) {
    const ids = branch.compoundIds.filter((id) => rc.facts.has(id))
    lines = checkBranch(ids, rc.facts, rc.adjacency, rc.rules)
    rc.checks.set(branch, lines)
  }
  return lines
}

/** ok: every rule met; reasoned: warnings kept with a reason; needsReason: warnings without one; hard: a hard rule fails. */
export type Verdict = 'ok' | 'reasoned' | 'needsReason' | 'hard'

export function verdictOf(lines: readonly CheckResult[], reason: string | null): Verdict {
  if (lines.some((l) => !l.pass && l.hard)) return 'hard'
  if (lines.some((l) => !l.pass)) return reason ? 'reasoned' : 'needsReason'
  return 'ok'
}

export const branchVerdict = (rc: RuleContext, b: PlanBranch): Verdict =>
  verdictOf(checksOf(rc, b), b.reason)

const ORGANISED: ReadonlySet<CoverageStatus> = new Set([
  'standalone',
  'joint',
  'temporary',
  'instructor',
])

export const isOrganised = (c: PlanCompound) => ORGANISED.has(c.status)

export interface PlanSummary {
  branches: number
  compounds: number
  members: number
  verdicts: Record<Verdict, number>
  coverageBefore: Coverage
  /** Estimated: old compounds organised today plus the old, unorganised ones the plan puts in a branch. */
  coverageAfter: Coverage
}

/** Figures of the whole plan; recomputed on every edit (cheap: branches are cached). */
export function summarise(rc: RuleContext, doc: PlanDoc): PlanSummary {
  const verdicts: Record<Verdict, number> = { ok: 0, reasoned: 0, needsReason: 0, hard: 0 }
  let members = 0
  let gained = 0
  const owners = ownersOf(doc)
  for (const b of doc.branches) verdicts[branchVerdict(rc, b)]++
  for (const id of owners.keys()) {
    const c = rc.compounds.get(id)
    if (!c) continue
    members += c.members
    if (c.old && !isOrganised(c)) gained++
  }
  const before = rc.coverageBefore
  const organised = before.organised + gained
  return {
    branches: doc.branches.length,
    compounds: owners.size,
    members,
    verdicts,
    coverageBefore: before,
    coverageAfter: {
      oldCompounds: before.oldCompounds,
      organised,
      organisationCoverage: before.oldCompounds > 0 ? organised / before.oldCompounds : null,
    },
  }
}

/** Small compounds with no organisation that no branch of the plan holds, by community then code. */
export function leftoversOf(rc: RuleContext, doc: PlanDoc): PlanCompound[] {
  const owners = ownersOf(doc)
  return [...rc.compounds.values()]
    .filter((c) => c.small && !isOrganised(c) && !owners.has(c.id))
    .sort((a, b) => a.communityId.localeCompare(b.communityId) || a.code.localeCompare(b.code))
}

export type AttachChoice =
  { key: string; lines: CheckResult[] } | { key: null; why: 'no_neighbour' | 'none_valid' }

/**
 * The best branch to attach leftover `id` to. Candidates are the unlocked joint branches holding
 * a compound adjacent to it. One stays valid when, with the leftover, no hard rule fails and every
 * rule it met before is still met (a warning it already broke, with its reason, does not disqualify
 * it). Among those, the branch with the fewest members wins (it needs them most and stays furthest
 * from the ceiling), then the fewest compounds, then the earlier branch in the plan.
 */
export function bestBranchFor(rc: RuleContext, doc: PlanDoc, id: number): AttachChoice {
  const owners = ownersOf(doc)
  const keys = new Set<string>()
  for (const n of rc.adjacency.get(id) ?? []) {
    const k = owners.get(n)
    if (k !== undefined) keys.add(k)
  }
  const candidates = doc.branches.filter((b) => keys.has(b.key) && !b.locked && b.kind === 'joint')
  if (candidates.length === 0) return { key: null, why: 'no_neighbour' }
  let best: { b: PlanBranch; lines: CheckResult[]; members: number } | null = null
  for (const b of candidates) {
    const before = checksOf(rc, b)
    const ids = [...b.compoundIds, id].filter((x) => rc.facts.has(x))
    const lines = checkBranch(ids, rc.facts, rc.adjacency, rc.rules)
    const valid = lines.every((l, i) => l.pass || (!l.hard && !before[i]!.pass))
    if (!valid) continue
    const members = lines.find((l) => l.id === 'members_min')!.value
    const better =
      !best ||
      members < best.members ||
      (members === best.members && ids.length < best.b.compoundIds.length + 1)
    if (better) best = { b, lines, members }
  }
  const chosen = best as { b: PlanBranch; lines: CheckResult[] } | null
  return chosen ? { key: chosen.b.key, lines: chosen.lines } : { key: null, why: 'none_valid' }
}
