// Shapes of the ledger API's JSON (server/src/features/ledger/README.md).
import type { CompoundDetail } from './types.ts'

/** The table's columns that the map's GeoJSON leaves out, as parallel arrays ordered by id. */
export interface LedgerExtraColumns {
  id: number[]
  address: (string | null)[]
  yearBuilt: (number | null)[]
  residents: number[]
  community: string[]
  street: (string | null)[]
  version: number[]
}

/** GET /api/compounds/{id} as the edit form reads it (a few fields the panel does not use). */
export type CompoundRecord = CompoundDetail & { grid?: string | null; hasBoundary?: boolean }

export interface OrgRecord {
  id: number
  kind: string
  status: 'active' | 'dissolved'
  name: string
  communityId: string
  founded: string | null
  secretaryName: string | null
  secretaryPhone: string | null
  secretaryRole: string | null
  committeeSize: number | null
  version: number
  updatedAt: string
  compoundIds: number[]
}

export interface StationRecord {
  id: number
  name: string
  compoundId: number | null
  areaM2: number | null
  origin: string | null
  opened: string | null
  openingHours: string | null
  location: [number, number]
  version: number
  updatedAt: string
}

export interface FundingRecord {
  id: number
  orgId: number
  orgName: string
  year: number
  source: string
  amountYuan: number
  version: number
  updatedAt: string
}

export interface CompoundFunding {
  compoundId: number
  orgs: { id: number; name: string; kind: string; status: string }[]
  records: FundingRecord[]
}

export interface HistoryEntry {
  id: number
  at: string
  actor: string
  action: string
  importId: number | null
  version: number | null
  fields: string[]
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export type ExportEntity = 'compounds' | 'orgs' | 'stations'
export type ExportFormat = 'geojson' | 'csv' | 'xlsx'
