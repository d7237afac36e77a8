// Comparing two plans: branches are matched by identical (non-empty) compound sets first, then by
// key; a matched pair is 'same' when name, kind, outline and reason agree too, else 'changed'.
import type { Branch } from './plans.queries.ts'

export type CompareStatus = 'onlyA' | 'onlyB' | 'same' | 'changed'

export interface BranchDiff {
  key?: string
  status: CompareStatus
  a?: Branch
  b?: Branch
}

export interface Comparison {
  counts: Record<CompareStatus, number>
  branches: BranchDiff[]
  /** from/to are branch names; fromKey/toKey the branch keys. */
  compoundsMoved: {
    compoundId: number
    from?: string
    to?: string
    fromKey?: string
    toKey?: string
  }[]
}

const setKey = (ids: readonly number[]) => [...ids].sort((x, y) => x - y).join(',')

const sameContent = (a: Branch, b: Branch) =>
  a.name === b.name &&
  a.kind === b.kind &&
  (a.reason ?? null) === (b.reason ?? null) &&
  JSON.stringify(a.boundary) === JSON.stringify(b.boundary) &&
  setKey(a.compoundIds) === setKey(b.compoundIds)

/** Branch-by-branch differences of plan A and plan B, and the compounds that change branch. */
export function comparePlans(a: readonly Branch[], b: readonly Branch[]): Comparison {
  const partnerOfA = new Map<number, number>() // index in a → index in b
  const takenB = new Set<number>()
  const bySet = new Map<string, number[]>()
  b.forEach((br, j) => {
    if (br.compoundIds.length === 0) return
    const k = setKey(br.compoundIds)
    bySet.set(k, [...(bySet.get(k) ?? []), j])
  })
  a.forEach((br, i) => {
    if (br.compoundIds.length === 0) return
    const free = (bySet.get(setKey(br.compoundIds)) ?? []).find((j) => !takenB.has(j))
    if (free === undefined) return
    partnerOfA.set(i, free)
    takenB.add(free)
  })
  const bByKey = new Map(b.map((br, j) => [br.key, j]))
  a.forEach((br, i) => {
    if (partnerOfA.has(i)) return
    const j = bByKey.get(br.key)
    if (j === undefined || takenB.has(j)) return
    partnerOfA.set(i, j)
    takenB.add(j)
  })

  const branches: BranchDiff[] = []
  a.forEach((br, i) => {
    const j = partnerOfA.get(i)
    if (j === undefined) branches.push({ key: br.key, status: 'onlyA', a: br })
    else
      branches.push({
        key: br.key,
        status: sameContent(br, b[j]!) ? 'same' : 'changed',
        a: br,
        b: b[j]!,
      })
  })
  b.forEach((br, j) => {
    if (!takenB.has(j)) branches.push({ key: br.key, status: 'onlyB', b: br })
  })
  const counts = { onlyA: 0, onlyB: 0, same: 0, changed: 0 }
  for (const d of branches) counts[d.status]++

  // A compound moves when its branch in A and its branch in B are not a matched pair.
  const inA = new Map<number, number>()
  a.forEach((br, i) => br.compoundIds.forEach((id) => inA.set(id, i)))
  const inB = new Map<number, number>()
  b.forEach((br, j) => br.compoundIds.forEach((id) => inB.set(id, j)))
  const ids = [...new Set([...inA.keys(), ...inB.keys()])].sort((x, y) => x - y)
  const compoundsMoved: Comparison['compoundsMoved'] = []
  for (const id of ids) {
    const i = inA.get(id)
    const j = inB.get(id)
    if (i !== undefined && j !== undefined && partnerOfA.get(i) === j) continue
    compoundsMoved.push({
      compoundId: id,
      ...(i === undefined ? {} : { from: a[i]!.name, fromKey: a[i]!.key }),
      ...(j === undefined ? {} : { to: b[j]!.name, toKey: b[j]!.key }),
    })
  }
  return { counts, branches, compoundsMoved }
}
