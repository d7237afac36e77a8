// Every branch of a plan against the rules, on live data: what the export prints and adoption enforces.
import {
  checkBranch,
  type CheckId,
  type CheckResult,
  type CompoundFacts,
  type RuleSettings,
} from '../../domain/branch-rules.ts'
import type { Branch } from './plans.queries.ts'

export interface BranchReport {
  branch: Branch
  members: number
  checks: CheckResult[]
}

/** Checks each branch with checkBranch; members is the sum of full members. */
export function reportBranches(
  branches: readonly Branch[],
  facts: ReadonlyMap<number, CompoundFacts>,
  adjacency: ReadonlyMap<number, ReadonlySet<number>>,
  rules: RuleSettings,
): BranchReport[] {
  return branches.map((branch) => ({
    branch,
    members: branch.compoundIds.reduce((s, id) => s + (facts.get(id)?.members ?? 0), 0),
    checks: checkBranch(branch.compoundIds, facts, adjacency, rules),
  }))
}

/** Chinese names of the checks with their limits, for messages and export headers. */
export function checkLabel(id: CheckId, rules: RuleSettings): string {
  switch (id) {
    case 'members_min':
      return `正式党员不少于${rules.minMembers}人`
    case 'compounds_max':
      return `不超过${rules.maxCompounds}个小区`
    case 'members_max':
      return `正式党员不超过${rules.maxMembers}人`
    case 'contiguous':
      return `相邻连片(间距${rules.gapM}米内)`
    case 'one_community':
      return '同属一个社区'
    case 'radius':
      return `距中心不超过${rules.radiusM}米`
  }
}

/** A check's figure as shown: metres to 0.1 m, counts as they are. */
export const checkValue = (c: CheckResult) =>
  c.id === 'radius' ? `${c.value.toFixed(1)}米` : String(c.value)
