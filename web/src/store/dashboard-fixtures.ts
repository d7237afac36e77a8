// Small roll-up rows for the dashboard's unit tests.
import type { RollupRow } from '../api/scorecard-types.ts'

/** A roll-up row with every figure set; `over` replaces some. */
export function row(over: Partial<RollupRow> & Pick<RollupRow, 'id' | 'name'>): RollupRow {
  return {
    level: 'district',
    code: over.id,
    bbox: null,
    compounds: 10,
    oldCompounds: 10,
    households: 1000,
    residents: 2500,
    elderly: 500,
    organised: 8,
    organisationCoverage: 0.8,
    stationCoverage: 0.3,
    stationCoverage2: 0.5,
    indicators: { organisation: 0.8, example: 0.5, station: 0.3, funding: 0.6, mechanisms: 0.4 },
    allFive: 0.1,
    meanPassed: 2.6,
    jointBranches: 2,
    standaloneBranches: 5,
    instructors: 1,
    vanguardTeams: 3,
    fundingYuan: 9000,
    consultations: 12,
    problemsSolved: 7,
    ...over,
  }
}
