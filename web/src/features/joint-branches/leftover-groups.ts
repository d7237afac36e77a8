import { LEFTOVER_REASONS, type JointLeftover, type LeftoverReason } from '../../api/joint-types.ts'

export type ReasonGroup = [LeftoverReason, JointLeftover[]]

/** Leftovers by reason, in the fixed order of LEFTOVER_REASONS; empty reasons are dropped. */
export function groupByReason(leftovers: ReadonlyArray<JointLeftover>): ReasonGroup[] {
  const groups = new Map<LeftoverReason, JointLeftover[]>()
  for (const l of leftovers) {
    const list = groups.get(l.reason)
    if (list) list.push(l)
    else groups.set(l.reason, [l])
  }
  // A reason a newer server adds is listed last rather than lost.
  const known: ReadonlyArray<string> = LEFTOVER_REASONS
  const order = [...LEFTOVER_REASONS, ...[...groups.keys()].filter((r) => !known.includes(r))]
  return order.flatMap((r): ReasonGroup[] => {
    const list = groups.get(r)
    return list ? [[r, list]] : []
  })
}
