// Counts behind the legend: compounds per coverage status inside the chosen area.
import { COVERAGE_STATUSES, type CompoundFeature, type CoverageStatus } from '../api/types.ts'

export type StatusCounts = Record<CoverageStatus, number>

export const zeroCounts = (): StatusCounts =>
  Object.fromEntries(COVERAGE_STATUSES.map((s) => [s, 0])) as StatusCounts

/** Compounds per status; `inside` restricts to those communities (null: no restriction). */
export function countByStatus(
  features: ReadonlyArray<CompoundFeature>,
  inside: ReadonlySet<string> | null,
): StatusCounts {
  const counts = zeroCounts()
  for (const f of features) {
    const p = f.properties
    if (inside && !inside.has(p.communityId)) continue
    // A status the web does not know yet (a newer server) is not counted rather than crashing.
    if (p.status in counts) counts[p.status] += 1
  }
  return counts
}

/** Adds or removes a status from the hidden set, keeping the canonical order. */
export function toggleStatus(
  hidden: ReadonlyArray<CoverageStatus>,
  status: CoverageStatus,
): CoverageStatus[] {
  const next = new Set(hidden)
  if (next.has(status)) next.delete(status)
  else next.add(status)
  return COVERAGE_STATUSES.filter((s) => next.has(s))
}
