// Small hand-made plans for the unit tests: six compounds in a row, each touching the next.
import type { Plan, PlanBranch, PlanCompound, PlanContext } from '../api/plans-types.ts'
import type { PlanDoc } from './plans-doc.ts'

/** Compound `id` at 0.001° (about 96 m) steps east of Tianfu Square. */
export function compound(
  id: number,
  members: number,
  communityId = 'A',
  small = true,
): PlanCompound {
  return {
    id,
    code: `C${String(id).padStart(3, '0')}`,
    name: `小区${id}`,
    members,
    households: 100,
    communityId,
    communityName: `社区${communityId}`,
    status: members === 0 ? 'no_members' : members < 3 ? 'few_members' : 'should_build',
    orgId: null,
    lng: 104.0657 + id * 0.001,
    lat: 30.6574,
    small,
    old: true,
  }
}

/** Six compounds in a row (1..6); 6 is in community B; members 1,1,1,2,0,1. */
export function context(): PlanContext {
  const members = [1, 1, 1, 2, 0, 1]
  return {
    area: { id: 'S1', name: '街道', level: 'street', code: '510104001' },
    rules: { minMembers: 3, maxCompounds: 5, maxMembers: 50, gapM: 30, radiusM: 500 },
    compounds: members.map((m, i) => compound(i + 1, m, i === 5 ? 'B' : 'A')),
    adjacency: [
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
    ],
    coverageBefore: { oldCompounds: 10, organised: 4, organisationCoverage: 0.4 },
  }
}

export function branch(
  key: string,
  compoundIds: number[],
  extra: Partial<PlanBranch> = {},
): PlanBranch {
  return {
    key,
    name: key,
    kind: 'joint',
    compoundIds,
    boundary: null,
    locked: false,
    reason: null,
    ...extra,
  }
}

export const doc = (...branches: PlanBranch[]): PlanDoc => ({
  name: '方案',
  branches,
  stations: [],
})

export function plan(d: PlanDoc, version = 1, id = 7): Plan {
  return {
    id,
    name: d.name,
    area: context().area,
    status: 'draft',
    version,
    createdBy: '甲',
    createdAt: '2025-01-01T00:00:00Z',
    updatedBy: '甲',
    updatedAt: '2025-01-01T00:00:00Z',
    adoptedAt: null,
    adoptedBy: null,
    copiedFrom: null,
    branches: d.branches,
    stations: d.stations,
  }
}
