// Shapes of /api/plans (the planner's editable plans; server/src/features/plans).
import type { Polygon } from 'geojson'
import type { CheckId, RuleSettings } from '../../../server/src/domain/branch-rules.ts'
import type { AreaLevel, CoverageStatus } from './types.ts'

export type { CheckId, RuleSettings }

export interface PlanArea {
  id: string
  name: string
  level: AreaLevel
  code: string
}

export type PlanStatus = 'draft' | 'adopted' | 'archived'

export interface PlanBranch {
  /** Chosen by the page when the branch is created; stable for the branch's life. */
  key: string
  name: string
  kind: 'joint' | 'standalone'
  compoundIds: number[]
  /** A free outline drawn by the planner; null means the union of its compounds. */
  boundary: Polygon | null
  locked: boolean
  /** Why a failing warning rule is kept; shown to reviewers. */
  reason: string | null
}

export interface PlanStation {
  key: string
  name: string
  lng: number
  lat: number
}

export interface PlanListItem {
  id: number
  name: string
  area: PlanArea
  status: PlanStatus
  version: number
  branches: number
  compounds: number
  createdBy: string
  updatedBy: string
  updatedAt: string
  copiedFrom: number | null
}

export interface Plan {
  id: number
  name: string
  area: PlanArea
  status: PlanStatus
  version: number
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
  adoptedAt: string | null
  adoptedBy: string | null
  copiedFrom: number | null
  branches: PlanBranch[]
  stations: PlanStation[]
}

export interface PlanCompound {
  id: number
  code: string
  name: string
  members: number
  households: number
  communityId: string
  communityName: string
  status: CoverageStatus
  orgId: number | null
  lng: number
  lat: number
  /** Fewer full members than a branch needs: a unit for a joint branch. */
  small: boolean
  old: boolean
}

export interface Coverage {
  oldCompounds: number
  organised: number
  /** Share of old compounds, 0..1; null when the area has no old compound. */
  organisationCoverage: number | null
}

export interface PlanContext {
  area: PlanArea
  rules: RuleSettings
  compounds: PlanCompound[]
  adjacency: [number, number][]
  coverageBefore: Coverage
}

export type PlanChange =
  | { op: 'upsertBranch'; branch: PlanBranch }
  | { op: 'deleteBranch'; key: string }
  | { op: 'upsertStation'; station: PlanStation }
  | { op: 'deleteStation'; key: string }
  | { op: 'rename'; name: string }

export type CompareStatus = 'onlyA' | 'onlyB' | 'same' | 'changed'

export interface PlanComparison {
  counts: Record<CompareStatus, number>
  branches: { key?: string; status: CompareStatus; a?: PlanBranch; b?: PlanBranch }[]
  /** Compounds in a branch of both plans but not the same one (names and keys of each side). */
  compoundsMoved: {
    compoundId: number
    from?: string
    to?: string
    fromKey?: string
    toKey?: string
  }[]
}

export interface AdoptResult {
  plan: Plan
  coverageBefore: Coverage
  coverageAfter: Coverage
}

export type PlanStart = 'empty' | 'candidates'
