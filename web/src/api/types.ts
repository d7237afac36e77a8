// Shapes of the server's JSON, as documented by GET /api/openapi.json.
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson'

/** [west, south, east, north] in degrees, EPSG:4326. */
export type Bbox = [number, number, number, number]
export type LngLat = [number, number]

export type AreaLevel = 'city' | 'district' | 'street' | 'community'

export const COVERAGE_STATUSES = [
  'standalone',
  'joint',
  'temporary',
  'instructor',
  'should_build',
  'few_members',
  'no_members',
] as const
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number]

export type OrgKind = 'standalone' | 'joint' | 'temporary' | 'instructor'

export interface AreaRef {
  id: string
  level: AreaLevel
  name: string
}

export interface AreaSummary extends AreaRef {
  parentId: string | null
  /** Null when the area has no boundary yet. */
  bbox: Bbox | null
}

export interface AreaDetail extends AreaSummary {
  /** City first; excludes the area itself. */
  ancestors: AreaRef[]
}

export interface AreaFeatureProps {
  id: string
  level: AreaLevel
  name: string
  parentId: string | null
}
export type AreaCollection = FeatureCollection<MultiPolygon, AreaFeatureProps>

export interface CompoundProps {
  id: number
  code: string
  name: string
  status: CoverageStatus
  isOld: boolean
  households: number
  membersFull: number
  communityId: string
}
export type CompoundFeature = Feature<MultiPolygon | Point, CompoundProps>
export type CompoundCollection = FeatureCollection<MultiPolygon | Point, CompoundProps>

export interface Organisation {
  id: number
  kind: OrgKind
  status: 'active' | 'dissolved'
  name: string
  founded: string | null
  secretaryName: string | null
  secretaryPhone: string | null
  secretaryRole: string | null
  committeeSize: number | null
}

export interface MemberCounts {
  full: number
  probationary: number
  registered: number
  inService: number
  retired: number
  floatingIn: number
  floatingOut: number
}

export interface CompoundDetail {
  id: number
  code: string
  name: string
  address: string | null
  communityId: string
  areaPath: AreaRef[]
  yearBuilt: number | null
  isOld: boolean
  siteAreaM2: number | null
  households: number
  residents: number
  elderlyShare: number | null
  buildings: number | null
  tenure: string | null
  propertyMgmt: string | null
  renovationStatus: string | null
  members: MemberCounts
  vanguardTeam: string | null
  vanguardSize: number
  selfGovernance: string[]
  consultations: number
  problemsLogged: number
  problemsClosed: number
  status: CoverageStatus
  organisations: Organisation[]
  nearestStation: { id: number; name: string; distanceM: number } | null
  sourceCrs: string
  version: number
  updatedAt: string
  location: LngLat
}

export interface Stats {
  area: AreaRef
  compounds: number
  oldCompounds: number
  households: number
  oldHouseholds: number
  /** Old compounds only. */
  byStatus: Record<CoverageStatus, number>
  /** Share of old compounds, 0..1. */
  organisationCoverage: number
  /** Share of old compounds, 0..1. */
  stationCoverage: number
  stationWalkM: number
  organisations: Record<OrgKind, number>
  stations: number
}

export interface Health {
  status: 'ok'
  driver: 'pglite' | 'pg'
  postgis: string
  counts: {
    areas: number
    compounds: number
    oldCompounds: number
    organisations: number
    stations: number
  }
}

export type BasemapConfig =
  | { kind: 'plain' }
  | { kind: 'tianditu'; tiandituKey?: string }
  | { kind: 'pmtiles'; pmtilesUrl?: string }

export interface AppConfig {
  basemap: BasemapConfig
  /** Largest ledger upload the server accepts, in MB; unknown from a server that does not say. */
  uploadLimitMb?: number
  /** Compounds in the database; with more than `pageFeatureLimit` the page draws vector tiles. */
  compounds?: number
  pageFeatureLimit?: number
}
