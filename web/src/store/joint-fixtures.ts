// Builders for joint-branch tests: small, explicit results whose every figure is chosen here.
import type { JointCandidate, JointResult } from '../api/joint-types.ts'

/** A candidate of `compoundIds`, outlined by a small square east of Tianfu Square per compound. */
export function candidate(compoundIds: number[], members = 3): JointCandidate {
  return {
    compoundIds,
    members,
    households: 500 * compoundIds.length,
    communityIds: ['510104001001'],
    radiusM: 120,
    centre: [104.07, 30.66],
    outline: {
      type: 'MultiPolygon',
      coordinates: compoundIds.map((id) => [
        [
          [104 + id * 0.001, 30.66],
          [104.0005 + id * 0.001, 30.66],
          [104.0005 + id * 0.001, 30.6605],
          [104 + id * 0.001, 30.66],
        ],
      ]),
    },
  }
}

/** A result for 锦江区 with the given candidates and default rules. */
export function result(candidates: JointCandidate[]): JointResult {
  const covered = candidates.reduce((n, c) => n + c.compoundIds.length, 0)
  return {
    area: { id: '510104', level: 'district', name: '锦江区' },
    rules: {
      minMembers: 3,
      maxCompounds: 5,
      maxMembers: 50,
      sameCommunity: true,
      radiusM: 500,
      gapM: 30,
      oldOnly: true,
    },
    candidates,
    leftovers: [],
    shouldBuildAlone: [],
    bound: { maxCoveredUnits: covered, maxGroups: candidates.length, how: 'test' },
    stats: {
      units: covered,
      coveredUnits: covered,
      groups: candidates.length,
      components: candidates.length,
      exactComponents: candidates.length,
      provenOptimal: true,
      timedOut: false,
      ms: 1,
      queryMs: 1,
      solverMs: 1,
      workerMs: 1,
      totalMs: 3,
    },
  }
}
