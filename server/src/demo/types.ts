/** The demo city as plain data: what `generateDemoCity` returns and `loadDemoCity` inserts. */
export type Position = [number, number]
/** GeoJSON MultiPolygon coordinates, [lng, lat] in EPSG:4326, rings closed, exteriors counter-clockwise. */
export interface MultiPolygon {
  type: 'MultiPolygon'
  coordinates: Position[][][]
}

export type AreaLevel = 'city' | 'district' | 'street' | 'community'
export type Tenure = 'commercial' | 'public' | 'reformed' | 'resettlement' | 'dorm'
export type PropertyMgmt = 'professional' | 'self' | 'none' | 'street' | 'trust'
export type RenovationStatus =
  'not_needed' | 'done' | 'eligible' | 'planned' | 'in_progress' | 'completed'
export type SelfGovernanceBody = 'residents_committee' | 'owners_committee' | 'council'
export type OrgKind = 'standalone' | 'joint' | 'temporary' | 'instructor'
export type StationOrigin = 'new' | 'stilt_floor' | 'property_room' | 'rented'
export type FundingSource =
  'org_dept' | 'community_fund' | 'returned_dues' | 'co_building' | 'residents'
/**
 * How the generator meant an old compound's members to fall: `branch` >= 3 full members; `clustered` 0-2
 * members next to other small compounds of its community so that a joint branch is feasible; `scattered`
 * 0-2 members whose contiguous small neighbours cannot reach 3 together. `new` for compounds built 2004+.
 */
export type MemberClass = 'branch' | 'clustered' | 'scattered' | 'new'

export interface DemoArea {
  id: string
  level: AreaLevel
  name: string
  parentId: string | null
  geometry: MultiPolygon
}

/** A city block: the land between streets, tiled by compounds (residential) or left to other uses. */
export interface DemoBlock {
  id: string
  communityId: string
  residential: boolean
  ring: Position[]
  compoundCodes: string[]
}

export interface DemoCompound {
  code: string
  name: string
  address: string
  communityId: string
  streetId: string
  districtId: string
  blockId: string
  grid: string
  yearBuilt: number
  isOld: boolean
  siteAreaM2: number
  households: number
  residents: number
  elderlyShare: number
  buildings: number
  tenure: Tenure
  propertyMgmt: PropertyMgmt
  renovationStatus: RenovationStatus
  membersFull: number
  membersProbationary: number
  membersRegistered: number
  membersInService: number
  membersRetired: number
  membersFloatingIn: number
  membersFloatingOut: number
  vanguardTeam: string | null
  vanguardSize: number
  selfGovernance: SelfGovernanceBody[]
  consultations: number
  problemsLogged: number
  problemsClosed: number
  memberClass: MemberClass
  boundary: MultiPolygon
}

/** A party organisation; `key` is generator-side only, (communityId, name) is unique and is how rows join. */
export interface DemoOrg {
  key: string
  kind: OrgKind
  status: 'active'
  name: string
  communityId: string
  founded: string
  secretaryName: string
  secretaryPhone: string
  secretaryRole: string
  committeeSize: number | null
  compoundCodes: string[]
}

export interface DemoStation {
  name: string
  compoundCode: string | null
  location: Position
  areaM2: number
  origin: StationOrigin
  opened: string
  openingHours: string
}

export interface DemoFunding {
  orgKey: string
  year: number
  source: FundingSource
  amountYuan: number
}

/** Calibration figures the generator achieved, to compare with DOMAIN.md's published ones. */
export interface DemoStats {
  districts: number
  streets: number
  communities: number
  blocks: number
  compounds: number
  oldCompounds: number
  communitiesWithOld: number
  oldPerCommunityWithOld: number
  oldBranchClass: number
  oldClustered: number
  oldScattered: number
  oldShouldBuild: number
  orgCoverageOld: number
  stationCoverageOld: number
  orgs: Record<OrgKind, number>
  oldInJoint: number
  oldStandalone: number
  oldInTemporary: number
  oldWithInstructor: number
  stations: number
  fundingRows: number
  households: number
  residents: number
  oldHouseholdsMean: number
  oldSiteAreaHaMean: number
  membersRegisteredOld: number
  membersInServiceOld: number
  membersFloatingOld: number
  vanguardTeamsOld: number
  selfGovernanceBodiesOld: number
  consultationsOld: number
  problemsClosedOld: number
}

export interface DemoCity {
  seed: number
  scale: number
  areas: DemoArea[]
  blocks: DemoBlock[]
  compounds: DemoCompound[]
  orgs: DemoOrg[]
  stations: DemoStation[]
  funding: DemoFunding[]
  stats: DemoStats
}
