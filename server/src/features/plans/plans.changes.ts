// A change batch: applied to the stored plan in memory, checked as a whole (a compound in at most one
// branch, every compound known and inside the plan's area, valid outlines), then written inside the
// transaction that bumped the version. Any problem throws a 400 naming the change index and field.
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { AppError } from '../../lib/errors.ts'
import {
  compoundsIn,
  insertBranches,
  insertStations,
  invalidBoundaries,
  type Branch,
  type Station,
} from './plans.queries.ts'
import type { BranchIn, ChangeIn, StationIn } from './plans.schemas.ts'

export interface Issue {
  field: string
  message: string
}

/** A 400 with the validation hook's `details.issues` shape. */
export function issuesError(issues: Issue[]): AppError {
  const shown = issues
    .slice(0, 5)
    .map((i) => `${i.field} ${i.message}`)
    .join('; ')
  const more = issues.length > 5 ? ` (+${issues.length - 5})` : ''
  return new AppError('BAD_REQUEST', `方案修改无效 (invalid changes): ${shown}${more}`, { issues })
}

interface Stored {
  branches: readonly Pick<Branch, 'key' | 'compoundIds' | 'name'>[]
  stations: readonly Pick<Station, 'key'>[]
}

/** The outcome of applying a batch in memory: what to write, and where each branch came from. */
export interface Applied {
  name: string | undefined
  /** Final state of every branch a change touched (last upsert wins), with its change index. */
  upserted: Map<string, { branch: BranchIn; index: number }>
  deletedBranches: Set<string>
  stations: Map<string, { station: StationIn; index: number }>
  deletedStations: Set<string>
  issues: Issue[]
}

/** Applies `changes` over the stored keys; finds every problem that needs no database. */
export function applyChanges(stored: Stored, changes: readonly ChangeIn[]): Applied {
  const branchKeys = new Set(stored.branches.map((b) => b.key))
  const stationKeys = new Set(stored.stations.map((s) => s.key))
  const out: Applied = {
    name: undefined,
    upserted: new Map(),
    deletedBranches: new Set(),
    stations: new Map(),
    deletedStations: new Set(),
    issues: [],
  }
  changes.forEach((c, index) => {
    switch (c.op) {
      case 'rename':
        out.name = c.name
        break
      case 'upsertBranch':
        branchKeys.add(c.branch.key)
        out.deletedBranches.delete(c.branch.key)
        out.upserted.set(c.branch.key, { branch: c.branch, index })
        break
      case 'deleteBranch':
        if (!branchKeys.delete(c.key))
          out.issues.push({
            field: `changes.${index}.key`,
            message: `方案中没有支部 ${c.key} (no branch with this key)`,
          })
        out.upserted.delete(c.key)
        out.deletedBranches.add(c.key)
        break
      case 'upsertStation':
        stationKeys.add(c.station.key)
        out.deletedStations.delete(c.station.key)
        out.stations.set(c.station.key, { station: c.station, index })
        break
      case 'deleteStation':
        if (!stationKeys.delete(c.key))
          out.issues.push({
            field: `changes.${index}.key`,
            message: `方案中没有服务站 ${c.key} (no station with this key)`,
          })
        out.stations.delete(c.key)
        out.deletedStations.add(c.key)
        break
    }
  })
  // A compound in at most one branch: the final plan, unchanged branches included.
  const owner = new Map<number, { key: string; name: string; index?: number }>()
  for (const b of stored.branches)
    if (!out.upserted.has(b.key) && !out.deletedBranches.has(b.key))
      for (const id of b.compoundIds) owner.set(id, { key: b.key, name: b.name })
  for (const [key, { branch, index }] of out.upserted)
    for (const id of branch.compoundIds) {
      const other = owner.get(id)
      if (other)
        out.issues.push({
          field: `changes.${index}.branch.compoundIds`,
          message: `小区 ${id} 已属于支部「${other.name}」(compound ${id} is already in branch ${other.key}${other.index === undefined ? '' : `, change ${other.index}`})`,
        })
      else owner.set(id, { key, name: branch.name, index })
    }
  return out
}

/** Checks what needs the database: compounds exist and lie in the area; outlines are valid. */
export async function checkAgainstDb(db: Db, a: Applied, areaId: string): Promise<Issue[]> {
  const issues: Issue[] = []
  const ids = [...new Set([...a.upserted.values()].flatMap((u) => u.branch.compoundIds))]
  const found = new Map((await compoundsIn(db, ids, areaId)).map((r) => [r.id, r]))
  for (const { branch, index } of a.upserted.values())
    for (const id of branch.compoundIds) {
      const c = found.get(id)
      if (!c)
        issues.push({
          field: `changes.${index}.branch.compoundIds`,
          message: `没有编号为 ${id} 的小区 (unknown compound ${id})`,
        })
      else if (!c.inside)
        issues.push({
          field: `changes.${index}.branch.compoundIds`,
          message: `小区 ${id}「${c.name}」不在方案所属区域内 (compound ${id} is outside the plan's area)`,
        })
    }
  const drawn = [...a.upserted.values()].filter((u) => u.branch.boundary)
  const verdicts = await invalidBoundaries(
    db,
    drawn.map((u) => JSON.stringify(u.branch.boundary)),
  )
  verdicts.forEach((problem, i) => {
    if (problem)
      issues.push({
        field: `changes.${drawn[i]!.index}.branch.boundary`,
        message: `边界无效: ${problem} (invalid polygon)`,
      })
  })
  return issues
}

/** Writes an applied batch: touched rows are replaced in place, new ones appended in change order. */
export async function writeApplied(
  db: Db,
  planId: number,
  a: Applied,
  stored: {
    branches: readonly { key: string; position: number }[]
    stations: readonly { key: string; position: number }[]
  },
): Promise<void> {
  const positions = (rows: readonly { key: string; position: number }[], keys: string[]) => {
    const known = new Map(rows.map((r) => [r.key, r.position]))
    let next = rows.reduce((m, r) => Math.max(m, r.position), -1) + 1
    return keys.map((k) => known.get(k) ?? next++)
  }
  // Touched rows are deleted and inserted again at their old place (new keys at the end).
  const replace = async (
    table: 'plan_branch' | 'plan_station',
    rows: readonly { key: string; position: number }[],
    keys: string[],
    deleted: Set<string>,
    insert: (positions: number[]) => Promise<void>,
  ) => {
    const gone = [...deleted, ...keys]
    if (gone.length === 0) return
    const t = sql.ident(table, ['plan_branch', 'plan_station'])
    await db.query(sql`DELETE FROM ${t} WHERE plan_id = ${planId} AND key = ANY(${gone}::text[])`)
    await insert(positions(rows, keys))
  }
  await replace('plan_branch', stored.branches, [...a.upserted.keys()], a.deletedBranches, (pos) =>
    insertBranches(
      db,
      planId,
      [...a.upserted.values()].map((u) => u.branch),
      pos,
    ),
  )
  await replace('plan_station', stored.stations, [...a.stations.keys()], a.deletedStations, (pos) =>
    insertStations(
      db,
      planId,
      [...a.stations.values()].map((s) => s.station),
      pos,
    ),
  )
}
