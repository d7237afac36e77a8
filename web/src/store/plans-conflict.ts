// A save refused because someone else saved first (409): what they changed, and the three ways
// out. "Keep mine" is a three-way merge on branches: my changes since our common base are re-applied
// on top of their version, branch by branch, so their edits to branches I did not touch survive;
// where we both changed a branch, mine wins; a compound I put into a branch is taken out of any
// other branch they put it in, so no compound ends up in two branches.
import { applyChanges, diffDocs } from './plans-changes.ts'
import type { PlanDoc } from './plans-doc.ts'

export interface ChangeLine {
  kind: 'added' | 'removed' | 'changed' | 'renamedPlan' | 'stations'
  key: string
  name: string
  /** Compounds that joined / left the branch (changed branches). */
  joined: number
  left: number
}

/** The edits between `base` and `other`, one line per branch (and one for the plan's name). */
export function describeChanges(base: PlanDoc, other: PlanDoc): ChangeLine[] {
  const lines: ChangeLine[] = []
  const before = new Map(base.branches.map((b) => [b.key, b]))
  let stations = 0
  for (const c of diffDocs(base, other)) {
    if (c.op === 'rename')
      lines.push({ kind: 'renamedPlan', key: '', name: c.name, joined: 0, left: 0 })
    else if (c.op === 'deleteBranch') {
      const b = before.get(c.key)
      lines.push({ kind: 'removed', key: c.key, name: b?.name ?? c.key, joined: 0, left: 0 })
    } else if (c.op === 'upsertBranch') {
      const old = before.get(c.branch.key)
      const was = new Set(old?.compoundIds ?? [])
      const now = new Set(c.branch.compoundIds)
      lines.push({
        kind: old ? 'changed' : 'added',
        key: c.branch.key,
        name: c.branch.name,
        joined: [...now].filter((id) => !was.has(id)).length,
        left: [...was].filter((id) => !now.has(id)).length,
      })
    } else stations++
  }
  if (stations > 0) lines.push({ kind: 'stations', key: '', name: '', joined: stations, left: 0 })
  return lines
}

/** My edits since `base` re-applied on top of `theirs` (see the file comment). */
export function keepMine(base: PlanDoc, mine: PlanDoc, theirs: PlanDoc): PlanDoc {
  const mineChanges = diffDocs(base, mine)
  const merged = applyChanges(theirs, mineChanges)
  const claimed = new Map<number, string>()
  for (const c of mineChanges)
    if (c.op === 'upsertBranch')
      for (const id of c.branch.compoundIds) claimed.set(id, c.branch.key)
  if (claimed.size === 0) return merged
  let changed = false
  const branches = merged.branches.map((b) => {
    const kept = b.compoundIds.filter((id) => (claimed.get(id) ?? b.key) === b.key)
    if (kept.length === b.compoundIds.length) return b
    changed = true
    return { ...b, compoundIds: kept }
  })
  return changed ? { ...merged, branches } : merged
}
