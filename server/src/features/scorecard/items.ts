// A scored compound as the API answers it: the five indicators nested, and the gap measures the heat
// maps and hot spots weigh by.
import type { ScoredRow } from './scorecard.queries.ts'

export const MEASURES = [
  'uncoveredHouseholds',
  'elderlyWithoutStation',
  'failedIndicators',
] as const
export type Measure = (typeof MEASURES)[number]

/** The API shape of one compound's scorecard. */
export function toItem(r: ScoredRow) {
  const passed =
    Number(r.organisationPass) +
    Number(r.examplePass) +
    Number(r.stationPass) +
    Number(r.fundingPass) +
    Number(r.mechanismsPass)
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    lng: r.lng,
    lat: r.lat,
    households: r.households,
    residents: r.residents,
    elderly: r.elderly,
    passed,
    indicators: {
      organisation: { pass: r.organisationPass, reason: r.organisationReason },
      example: {
        pass: r.examplePass,
        reason: r.exampleReason,
        vanguardSize: r.vanguardSize,
        inService: r.inService,
      },
      station: { pass: r.stationPass, reason: r.stationReason, distanceM: r.distanceM },
      funding: { pass: r.fundingPass, reason: r.fundingReason, yuan: r.fundingYuan },
      mechanisms: {
        pass: r.mechanismsPass,
        reason: r.mechanismsReason,
        bodies: r.bodies,
        consultations: r.consultations,
      },
    },
    measures: {
      uncoveredHouseholds: r.organisationPass ? 0 : r.households,
      elderlyWithoutStation: r.stationPass ? 0 : r.elderly,
      failedIndicators: 5 - passed,
    } satisfies Record<Measure, number>,
  }
}

export type ScorecardItem = ReturnType<typeof toItem>
