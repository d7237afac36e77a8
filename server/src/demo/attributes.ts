import type { Rng } from './prng.ts'
import type { PropertyMgmt, RenovationStatus, SelfGovernanceBody, Tenure } from './types.ts'

/** Physical and management ledger fields of one compound. */
export interface Physical {
  yearBuilt: number
  households: number
  residents: number
  elderlyShare: number
  buildings: number
  tenure: Tenure
  propertyMgmt: PropertyMgmt
  renovationStatus: RenovationStatus
}

/** Year built: old ones mostly 1980s-90s work-unit and reform housing, new ones 2004-2024 with a 2010s boom. */
function yearBuilt(rng: Rng, isOld: boolean): number {
  if (!isOld)
    return rng.weighted([
      [rng.int(2004, 2008), 0.25],
      [rng.int(2009, 2018), 0.55],
      [rng.int(2019, 2024), 0.2],
    ] as const)
  const decade = rng.weighted([
    [1960, 0.05],
    [1970, 0.12],
    [1980, 0.33],
    [1990, 0.35],
    [2000, 0.15],
  ] as const)
  return decade === 2000 ? rng.int(2000, 2003) : decade + rng.int(0, 9)
}

/** Draws a compound's physical fields; households follow its site area (walk-ups ~360 per ha, towers less dense per ha of site). */
export function drawPhysical(rng: Rng, isOld: boolean, siteAreaM2: number): Physical {
  const ha = siteAreaM2 / 10_000
  const households = Math.max(
    isOld ? 24 : 120,
    Math.round(ha * (isOld ? 360 * Math.exp(0.3 * rng.normal()) : rng.uniform(120, 240))),
  )
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))
  return {
    yearBuilt: yearBuilt(rng, isOld),
    households,
    residents: Math.round(households * rng.uniform(2.25, 2.75)),
    elderlyShare:
      Math.round(
        clamp(isOld ? 0.32 + 0.07 * rng.normal() : 0.13 + 0.04 * rng.normal(), 0.03, 0.6) * 1000,
      ) / 1000,
    buildings: Math.max(
      1,
      Math.round(households / (isOld ? rng.uniform(24, 48) : rng.uniform(90, 200))),
    ),
    tenure: isOld
      ? rng.weighted([
          ['reformed', 0.35],
          ['dorm', 0.25],
          ['public', 0.1],
          ['commercial', 0.15],
          ['resettlement', 0.15],
        ] as const)
      : rng.weighted([
          ['commercial', 0.8],
          ['resettlement', 0.2],
        ] as const),
    propertyMgmt: isOld
      ? rng.weighted([
          ['professional', 0.25],
          ['self', 0.25],
          ['none', 0.15],
          ['street', 0.2],
          ['trust', 0.15],
        ] as const)
      : rng.weighted([
          ['professional', 0.95],
          ['trust', 0.05],
        ] as const),
    renovationStatus: isOld
      ? rng.weighted([
          ['not_needed', 0.05],
          ['done', 0.18],
          ['eligible', 0.45],
          ['planned', 0.14],
          ['in_progress', 0.06],
          ['completed', 0.12],
        ] as const)
      : 'not_needed',
  }
}

/** Member counts by type, derived from the full members living in the compound. */
export interface MemberCounts {
  membersProbationary: number
  membersRegistered: number
  membersInService: number
  membersRetired: number
  membersFloatingIn: number
  membersFloatingOut: number
}

/**
 * Splits the members living in a compound into registered (organisation in the community), in-service
 * (registered with an employer, reported home: 双报到) and floating-in, in the proportions of DOMAIN.md's
 * totals for old compounds: 89,000 community, 18,000 in-service, 3,816 floating members.
 */
export function drawMemberCounts(rng: Rng, full: number): MemberCounts {
  const probationary = full > 0 && rng.chance(Math.min(0.6, full * 0.03)) ? 1 : 0
  const living = full + probationary
  let inService = 0
  let floatingIn = 0
  for (let k = 0; k < living; k++) {
    const r = rng.next()
    if (r < 0.165) inService++
    else if (r < 0.186) floatingIn++
  }
  const registered = living - inService - floatingIn
  let floatingOut = 0
  for (let k = 0; k < registered; k++) if (rng.chance(0.017)) floatingOut++
  return {
    membersProbationary: probationary,
    membersRegistered: registered,
    membersInService: inService,
    membersRetired: Math.round(registered * rng.uniform(0.45, 0.75)),
    membersFloatingIn: floatingIn,
    membersFloatingOut: floatingOut,
  }
}

/** Knuth's Poisson draw; fine for the small means used here. */
export function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean)
  let k = 0
  let p = rng.next()
  while (p > limit) {
    k++
    p *= rng.next()
  }
  return k
}

const TEAM_THEME = ['红管家', '银发', '志愿服务', '楼栋', '红色物业', '邻里守望', '红色议事']

/** Governance fields: vanguard team, self-governance bodies, consultations and problems (before the plan year). */
export function drawGovernance(
  rng: Rng,
  isOld: boolean,
  compoundName: string,
  full: number,
  tenure: Tenure,
) {
  const hasTeam = full >= 5 && rng.chance(isOld ? 0.33 : 0.15)
  const bodies: SelfGovernanceBody[] = []
  if (rng.chance(isOld ? 0.22 : 0.1)) bodies.push('residents_committee')
  if (rng.chance(isOld ? (tenure === 'commercial' || tenure === 'reformed' ? 0.16 : 0.05) : 0.5))
    bodies.push('owners_committee')
  if (rng.chance(isOld ? 0.06 : 0.04)) bodies.push('council')
  const consultations = poisson(rng, isOld ? 0.4 + 1.3 * bodies.length : 0.3 + 0.5 * bodies.length)
  const problemsLogged = poisson(rng, 0.5 + 0.5 * consultations)
  let problemsClosed = 0
  for (let k = 0; k < problemsLogged; k++) if (rng.chance(0.8)) problemsClosed++
  return {
    vanguardTeam: hasTeam ? `${compoundName}${rng.pick(TEAM_THEME)}党员先锋队` : null,
    vanguardSize: hasTeam ? Math.min(full, rng.int(3, 15)) : 0,
    selfGovernance: bodies,
    consultations,
    problemsLogged,
    problemsClosed,
  }
}
