import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'

/** The rule values analyses use; defaults come from DOMAIN.md through the first migration. */
export interface Settings {
  oldBeforeYear: number
  stationWalkM: number
  stationWalkOuterM: number
  branchMinMembers: number
  branchMaxMembers: number
  jointMaxCompounds: number
  jointGapM: number
  jointRadiusM: number
  fundingMinYuan: number
}

const KEYS: Record<string, keyof Settings> = {
  old_before_year: 'oldBeforeYear',
  station_walk_m: 'stationWalkM',
  station_walk_outer_m: 'stationWalkOuterM',
  branch_min_members: 'branchMinMembers',
  branch_max_members: 'branchMaxMembers',
  joint_max_compounds: 'jointMaxCompounds',
  joint_gap_m: 'jointGapM',
  joint_radius_m: 'jointRadiusM',
  funding_min_yuan: 'fundingMinYuan',
}

/** Reads every setting; throws if a key the code relies on is missing (a broken migration). */
export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.query<{ key: string; value: unknown }>(
    sql`SELECT key, value FROM app_setting`,
  )
  const out: Partial<Settings> = {}
  for (const { key, value } of rows) {
    const name = KEYS[key]
    if (name) out[name] = Number(value)
  }
  const missing = Object.values(KEYS).filter((k) => !Number.isFinite(out[k]))
  if (missing.length > 0) throw new Error(`settings missing: ${missing.join(', ')}`)
  return out as Settings
}
