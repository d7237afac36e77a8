// What each edit form shows: its fields (kinds and choices), their labels in both languages, and
// how a record from the API becomes the snake_case values the shared schemas check.
import {
  PROPERTY_MGMTS,
  RENOVATION_STATUSES,
  SELF_GOVERNANCE_BODIES,
  TENURES,
  VALUE_LABELS,
} from '../../../../server/src/import/compound-schema.ts'
import {
  COMPOUND_LABELS,
  FUNDING_LABELS,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  ORG_LABELS,
  STATION_LABELS,
  STATION_ORIGINS,
} from '../../../../server/src/features/ledger/edit/edit-schemas.ts'
import { FIELD_LABELS_EN } from '../ledger-import/fields.ts'
import type {
  CompoundRecord,
  FundingRecord,
  OrgRecord,
  StationRecord,
} from '../../api/ledger-types.ts'
import type { Lang } from '../../i18n/messages.ts'
import type { FieldSpec, Values } from '../../store/ledger-form.ts'

export interface GroupedField extends FieldSpec {
  group?: 'formGroupBasic' | 'formGroupHousing' | 'formGroupMembers' | 'formGroupGovernance'
}

const int = (name: string, group?: GroupedField['group']): GroupedField => ({
  name,
  kind: 'int',
  group,
})

export const COMPOUND_FIELDS: GroupedField[] = [
  { name: 'name', kind: 'text', required: true, group: 'formGroupBasic' },
  { name: 'code', kind: 'text', required: true, group: 'formGroupBasic' },
  { name: 'address', kind: 'text', group: 'formGroupBasic' },
  { name: 'grid', kind: 'text', group: 'formGroupBasic' },
  int('year_built', 'formGroupBasic'),
  { name: 'is_old', kind: 'bool', group: 'formGroupBasic' },
  { name: 'site_area_m2', kind: 'number', group: 'formGroupBasic' },
  int('households', 'formGroupBasic'),
  int('residents', 'formGroupBasic'),
  int('buildings', 'formGroupBasic'),
  { name: 'elderly_share', kind: 'number', group: 'formGroupBasic' },
  { name: 'tenure', kind: 'enum', options: TENURES, group: 'formGroupHousing' },
  { name: 'property_mgmt', kind: 'enum', options: PROPERTY_MGMTS, group: 'formGroupHousing' },
  {
    name: 'renovation_status',
    kind: 'enum',
    options: RENOVATION_STATUSES,
    group: 'formGroupHousing',
  },
  int('members_full', 'formGroupMembers'),
  int('members_probationary', 'formGroupMembers'),
  int('members_registered', 'formGroupMembers'),
  int('members_in_service', 'formGroupMembers'),
  int('members_retired', 'formGroupMembers'),
  int('members_floating_in', 'formGroupMembers'),
  int('members_floating_out', 'formGroupMembers'),
  { name: 'vanguard_team', kind: 'text', group: 'formGroupGovernance' },
  int('vanguard_size', 'formGroupGovernance'),
  {
    name: 'self_governance',
    kind: 'multi',
    options: SELF_GOVERNANCE_BODIES,
    group: 'formGroupGovernance',
  },
  int('consultations', 'formGroupGovernance'),
  int('problems_logged', 'formGroupGovernance'),
  int('problems_closed', 'formGroupGovernance'),
]

// Areas and shares are stored as 4-byte reals: 0.313 reads back as 0.31299999356269836. Seven
// significant digits give back what was typed, and the same real when saved again.
const real = (v: number | null) => (v === null ? null : Number(v.toPrecision(7)))

/** A compound record as the ledger fields the form and the schema use. */
export const compoundValues = (r: CompoundRecord): Values => ({
  name: r.name,
  code: r.code,
  address: r.address,
  grid: r.grid ?? null,
  year_built: r.yearBuilt,
  is_old: r.isOld,
  site_area_m2: real(r.siteAreaM2),
  households: r.households,
  residents: r.residents,
  buildings: r.buildings,
  elderly_share: real(r.elderlyShare),
  tenure: r.tenure,
  property_mgmt: r.propertyMgmt,
  renovation_status: r.renovationStatus,
  members_full: r.members.full,
  members_probationary: r.members.probationary,
  members_registered: r.members.registered,
  members_in_service: r.members.inService,
  members_retired: r.members.retired,
  members_floating_in: r.members.floatingIn,
  members_floating_out: r.members.floatingOut,
  vanguard_team: r.vanguardTeam,
  vanguard_size: r.vanguardSize,
  self_governance: r.selfGovernance,
  consultations: r.consultations,
  problems_logged: r.problemsLogged,
  problems_closed: r.problemsClosed,
})

export const ORG_FIELDS: FieldSpec[] = [
  { name: 'name', kind: 'text', required: true },
  { name: 'status', kind: 'enum', required: true, options: ['active', 'dissolved'] },
  { name: 'founded', kind: 'date' },
  { name: 'secretary_name', kind: 'text' },
  { name: 'secretary_phone', kind: 'text' },
  { name: 'secretary_role', kind: 'text' },
  { name: 'committee_size', kind: 'int' },
]

export const orgValues = (r: OrgRecord): Values => ({
  name: r.name,
  status: r.status,
  founded: r.founded,
  secretary_name: r.secretaryName,
  secretary_phone: r.secretaryPhone,
  secretary_role: r.secretaryRole,
  committee_size: r.committeeSize,
})

export const STATION_FIELDS: FieldSpec[] = [
  { name: 'name', kind: 'text', required: true },
  { name: 'area_m2', kind: 'number' },
  { name: 'origin', kind: 'enum', options: STATION_ORIGINS },
  { name: 'opened', kind: 'date' },
  { name: 'opening_hours', kind: 'text' },
]

export const stationValues = (r: StationRecord): Values => ({
  name: r.name,
  area_m2: real(r.areaM2),
  origin: r.origin,
  opened: r.opened,
  opening_hours: r.openingHours,
})

export const FUNDING_FIELDS: FieldSpec[] = [
  { name: 'year', kind: 'int', required: true },
  { name: 'source', kind: 'enum', required: true, options: FUNDING_SOURCES },
  { name: 'amount_yuan', kind: 'number', required: true },
]

export const fundingValues = (r: FundingRecord): Values => ({
  year: r.year,
  source: r.source,
  amount_yuan: r.amountYuan,
})

const EN_LABELS: Record<string, string> = {
  ...FIELD_LABELS_EN,
  boundary: 'Boundary',
  status: 'Status',
  founded: 'Founded',
  secretary_name: 'Secretary',
  secretary_phone: 'Secretary phone',
  secretary_role: 'Secretary role',
  committee_size: 'Committee size',
  area_m2: 'Area (m²)',
  origin: 'Origin',
  opened: 'Opened',
  opening_hours: 'Opening hours',
  compound_id: 'Compound',
  location: 'Location',
  year: 'Year',
  source: 'Source',
  amount_yuan: 'Amount (yuan)',
  org_id: 'Organisation',
  community_id: 'Community',
}

const ZH_LABELS: Record<string, string> = {
  ...STATION_LABELS,
  ...ORG_LABELS,
  ...FUNDING_LABELS,
  ...COMPOUND_LABELS,
  status: '状态',
  community_id: '所属社区',
}

/** A field's label; compound fields use the ledger's Chinese headers. */
export const fieldLabel = (name: string, lang: Lang, kind?: 'org' | 'station'): string => {
  if (lang === 'en') return EN_LABELS[name] ?? name
  if (kind === 'org') return ORG_LABELS[name] ?? ZH_LABELS[name] ?? name
  if (kind === 'station') return STATION_LABELS[name] ?? ZH_LABELS[name] ?? name
  return ZH_LABELS[name] ?? name
}

const EN_VALUES: Record<string, string> = {
  active: 'Active',
  dissolved: 'Dissolved',
  new: 'New build',
  stilt_floor: 'Stilt floor',
  property_room: 'Property room',
  rented: 'Rented',
  org_dept: 'Organisation department',
  community_fund: 'Community incentive fund',
  returned_dues: 'Returned dues',
  co_building: 'Co-building units',
  residents: 'Residents',
}
const ZH_VALUES: Record<string, string> = {
  ...VALUE_LABELS.tenure,
  ...VALUE_LABELS.property_mgmt,
  ...VALUE_LABELS.renovation_status,
  ...VALUE_LABELS.self_governance,
  ...FUNDING_SOURCE_LABELS,
  active: '在用',
  dissolved: '已撤销',
  new: '新建',
  stilt_floor: '架空层',
  property_room: '物业用房',
  rented: '租用',
}

/** The name of a coded value (tenure, origin, funding source …). */
export const valueLabel = (value: string, lang: Lang, fallback?: (v: string) => string): string =>
  (lang === 'en' ? (EN_VALUES[value] ?? fallback?.(value)) : ZH_VALUES[value]) ?? value
