import { SitingInputError } from './errors.ts'
import type { CandidateSite, DemandPoint, ExistingStation, SitingProblem } from './types.ts'

/** The problem with defaults filled in and every field checked. */
export type CheckedProblem = SitingProblem & {
  existing: ExistingStation[]
  serviceM: number
  detourFactor: number
  /** p-median only; equal to serviceM for the other models. */
  maxDistanceM: number
  /** p-median only. */
  unservedPenaltyM: number
}

export const DEFAULT_SERVICE_M = 300
export const DEFAULT_DETOUR = 1.3

const fail = (field: string, message: string): never => {
  throw new SitingInputError(field, message)
}
const show = (v: unknown) => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)))

function finite(v: unknown, field: string, unit: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(field, `must be a finite number (${unit}), got ${show(v)}`)
  return v as number
}

function nonNegative(v: unknown, field: string, unit: string): number {
  const n = finite(v, field, unit)
  if (n < 0) fail(field, `must not be negative (${unit}), got ${n}`)
  return n
}

function positive(v: unknown, field: string, unit: string): number {
  const n = finite(v, field, unit)
  if (n <= 0) fail(field, `must be greater than 0 (${unit}), got ${n}`)
  return n
}

function points<T extends { id: string; x: number; y: number }>(
  list: unknown,
  field: string,
  seen: Map<string, string>,
  extra?: (p: T, at: string) => void,
): T[] {
  if (!Array.isArray(list)) return fail(field, 'must be an array')
  list.forEach((p: T, i) => {
    const at = `${field}[${i}]`
    if (typeof p !== 'object' || p === null) fail(at, 'must be an object')
    if (typeof p.id !== 'string' || p.id === '') fail(`${at}.id`, 'must be a non-empty string')
    const prior = seen.get(p.id)
    if (prior !== undefined) fail(`${at}.id`, `duplicates ${prior}.id (${JSON.stringify(p.id)})`)
    seen.set(p.id, at)
    finite(p.x, `${at}.x`, 'metres')
    finite(p.y, `${at}.y`, 'metres')
    extra?.(p, at)
  })
  return list as T[]
}

function count(v: unknown, field: string, max: number, maxName: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    fail(field, `must be a whole number of stations >= 1, got ${show(v)}`)
  if ((v as number) > max)
    fail(field, `is ${v as number}, larger than the number of ${maxName} (${max})`)
  return v as number
}

/** Checks a siting problem and fills defaults; throws SitingInputError naming the bad field. */
export function checkProblem(problem: SitingProblem): CheckedProblem {
  if (typeof problem !== 'object' || problem === null) fail('problem', 'must be an object')
  const demandIds = new Map<string, string>()
  const demand = points<DemandPoint>(problem.demand, 'demand', demandIds, (p, at) => {
    nonNegative(p.weight, `${at}.weight`, 'demand weight')
    if (p.households !== undefined) nonNegative(p.households, `${at}.households`, 'households')
  })
  if (demand.length === 0) fail('demand', 'is empty: the area has no demand points')
  if (!demand.some((d) => d.weight > 0))
    fail('demand', 'has zero total weight: nothing to cover (every weight is 0)')
  const siteIds = new Map<string, string>()
  const existing = points<ExistingStation>(problem.existing ?? [], 'existing', siteIds)
  const candidates = points<CandidateSite>(problem.candidates, 'candidates', siteIds, (p, at) => {
    if (p.capacity !== undefined) nonNegative(p.capacity, `${at}.capacity`, 'households')
  })
  const serviceM = positive(problem.serviceM ?? DEFAULT_SERVICE_M, 'serviceM', 'metres')
  const detourFactor = finite(problem.detourFactor ?? DEFAULT_DETOUR, 'detourFactor', 'ratio')
  if (detourFactor < 1)
    fail(
      'detourFactor',
      `must be >= 1 (walking is never shorter than straight-line), got ${detourFactor}`,
    )
  const common = { demand, existing, candidates, serviceM, detourFactor }
  switch (problem.model) {
    case 'max-cover': {
      const k = count(problem.k, 'k', candidates.length, 'candidates')
      return {
        ...common,
        model: 'max-cover',
        k,
        maxDistanceM: serviceM,
        unservedPenaltyM: serviceM,
      }
    }
    case 'set-cover': {
      const t = finite(problem.targetShare, 'targetShare', 'share of total weight')
      if (t <= 0 || t > 1) fail('targetShare', `must be in (0, 1], got ${t}`)
      return {
        ...common,
        model: 'set-cover',
        targetShare: t,
        maxDistanceM: serviceM,
        unservedPenaltyM: serviceM,
      }
    }
    case 'p-median': {
      const k = count(problem.k, 'k', candidates.length, 'candidates')
      const maxDistanceM = positive(problem.maxDistanceM ?? serviceM, 'maxDistanceM', 'metres')
      const penalty = finite(problem.unservedPenaltyM ?? maxDistanceM, 'unservedPenaltyM', 'metres')
      if (penalty < maxDistanceM)
        fail('unservedPenaltyM', `must be >= maxDistanceM (${maxDistanceM} m), got ${penalty}`)
      return { ...common, model: 'p-median', k, maxDistanceM, unservedPenaltyM: penalty }
    }
    default:
      return fail(
        'model',
        `must be 'max-cover', 'set-cover' or 'p-median', got ${show((problem as { model: unknown }).model)}`,
      )
  }
}
