// The ledger record as the groups a planner reads it in (基本信息, 党组织, 党员, 服务阵地, 自治与机制).
// Pure: turns a record into labelled display strings, with '—' wherever a value is unknown.
import type { CompoundDetail, Organisation } from '../../api/types.ts'
import {
  EMPTY,
  formatCode,
  formatCount,
  formatDate,
  formatPercent,
  formatText,
  formatWithUnit,
} from '../../i18n/format.ts'
import {
  MESSAGES,
  ORG_KIND_NAMES,
  STATUS_NAMES,
  type Lang,
  type MessageKey,
} from '../../i18n/messages.ts'

export interface LedgerRow {
  label: string
  value: string
}

export interface LedgerSubgroup {
  title: string
  rows: LedgerRow[]
}

export interface LedgerGroup {
  id: 'basic' | 'org' | 'members' | 'station' | 'governance'
  title: string
  rows: LedgerRow[]
  subgroups: LedgerSubgroup[]
  /** Shown when the group has nothing else to say (e.g. no organisation yet). */
  note?: string
}

function organisationRows(
  o: Organisation,
  lang: Lang,
  m: Record<MessageKey, string>,
): LedgerSubgroup {
  const title =
    o.status === 'dissolved' ? `${formatText(o.name)}（${m.dissolved}）` : formatText(o.name)
  return {
    title,
    rows: [
      { label: m.orgKind, value: ORG_KIND_NAMES[lang][o.kind] ?? o.kind },
      { label: m.founded, value: formatDate(o.founded) },
      { label: m.secretary, value: formatText(o.secretaryName) },
      { label: m.secretaryRole, value: formatText(o.secretaryRole) },
      { label: m.secretaryPhone, value: formatText(o.secretaryPhone) },
      { label: m.committeeSize, value: formatWithUnit(o.committeeSize, m.unitPeople, lang) },
    ],
  }
}

/** The five ledger groups of one compound, in the order planners expect them. */
export function ledgerGroups(d: CompoundDetail, lang: Lang): LedgerGroup[] {
  const m = MESSAGES[lang]
  const count = (n: number | null | undefined) => formatCount(n, lang)
  const people = (n: number | null | undefined) => formatWithUnit(n, m.unitPeople, lang)
  const members = d.members ?? ({} as Partial<CompoundDetail['members']>)
  const areaPath = (d.areaPath ?? []).map((a) => a.name).join(' / ')
  const station = d.nearestStation
  const governance = (d.selfGovernance ?? []).map((g) => formatCode(g, lang))

  return [
    {
      id: 'basic',
      title: m.groupBasic,
      subgroups: [],
      rows: [
        { label: m.code, value: formatText(d.code) },
        { label: m.address, value: formatText(d.address) },
        { label: m.areaPath, value: formatText(areaPath) },
        { label: m.yearBuilt, value: d.yearBuilt == null ? EMPTY : String(d.yearBuilt) },
        { label: m.siteArea, value: formatWithUnit(d.siteAreaM2, m.unitM2, lang) },
        { label: m.householdsLabel, value: count(d.households) },
        { label: m.residents, value: people(d.residents) },
        { label: m.elderlyShare, value: formatPercent(d.elderlyShare, lang) },
        { label: m.buildings, value: count(d.buildings) },
        { label: m.tenure, value: formatCode(d.tenure, lang) },
        { label: m.propertyMgmt, value: formatCode(d.propertyMgmt, lang) },
        { label: m.renovation, value: formatCode(d.renovationStatus, lang) },
        { label: m.sourceCrs, value: formatText(d.sourceCrs) },
        { label: m.updatedAt, value: formatDate(d.updatedAt) },
      ],
    },
    {
      id: 'org',
      title: m.groupOrg,
      rows: [{ label: m.status, value: STATUS_NAMES[lang][d.status] ?? formatText(d.status) }],
      subgroups: (d.organisations ?? []).map((o) => organisationRows(o, lang, m)),
      note: (d.organisations ?? []).length === 0 ? m.noOrganisation : undefined,
    },
    {
      id: 'members',
      title: m.groupMembers,
      subgroups: [],
      rows: [
        { label: m.membersFull, value: people(members.full) },
        { label: m.membersProbationary, value: people(members.probationary) },
        { label: m.membersRegistered, value: people(members.registered) },
        { label: m.membersInService, value: people(members.inService) },
        { label: m.membersRetired, value: people(members.retired) },
        { label: m.membersFloatingIn, value: people(members.floatingIn) },
        { label: m.membersFloatingOut, value: people(members.floatingOut) },
        { label: m.vanguardTeam, value: formatText(d.vanguardTeam) },
        { label: m.vanguardSize, value: d.vanguardTeam ? people(d.vanguardSize) : EMPTY },
      ],
    },
    {
      id: 'station',
      title: m.groupStation,
      subgroups: [],
      rows: station
        ? [
            { label: m.nearestStation, value: formatText(station.name) },
            { label: m.stationDistance, value: formatWithUnit(station.distanceM, m.unitM, lang) },
          ]
        : [],
      note: station ? undefined : m.noStation,
    },
    {
      id: 'governance',
      title: m.groupGovernance,
      subgroups: [],
      rows: [
        { label: m.selfGovernance, value: governance.length ? governance.join('、') : m.none },
        { label: m.consultations, value: formatWithUnit(d.consultations, m.unitTimes, lang) },
        { label: m.problems, value: `${count(d.problemsClosed)} / ${count(d.problemsLogged)}` },
      ],
    },
  ]
}
