// The ledger fields a source column can be mapped to: the import core's fields, in its order, with
// its Chinese headers (server/src/import/compound-schema.ts, pure, shared with the edit forms) and
// English labels, which the edit forms use too.
import {
  COMPOUND_FIELDS,
  FIELD_LABELS as ZH_FIELD_LABELS,
  type CompoundField,
} from '../../../../server/src/import/compound-schema.ts'
import type { Lang } from '../../i18n/messages.ts'

export const LEDGER_FIELDS: readonly CompoundField[] = COMPOUND_FIELDS

export type LedgerField = CompoundField

/** Fields without which nothing can be imported (the import core's blocking check). */
export const REQUIRED_FIELDS: readonly LedgerField[] = ['code', 'name']

/** English labels of the ledger fields; the Chinese ones are the import core's headers. */
export const FIELD_LABELS_EN: Record<LedgerField, string> = {
  code: 'Compound code',
  name: 'Compound name',
  address: 'Address',
  community: 'Community',
  district: 'District',
  street: 'Street',
  grid: 'Grid',
  year_built: 'Year built',
  is_old: 'Old compound',
  site_area_m2: 'Site area (m²)',
  households: 'Households',
  residents: 'Residents',
  buildings: 'Buildings',
  elderly_share: 'Share of elderly',
  tenure: 'Tenure',
  property_mgmt: 'Property management',
  renovation_status: 'Renovation status',
  members_full: 'Full members',
  members_probationary: 'Probationary members',
  members_registered: 'Registered members',
  members_in_service: 'Members in work',
  members_retired: 'Retired members',
  members_floating_in: 'Members floating in',
  members_floating_out: 'Members floating out',
  vanguard_team: 'Vanguard team',
  vanguard_size: 'Vanguard size',
  self_governance: 'Self-governance body',
  consultations: 'Consultations',
  problems_logged: 'Problems logged',
  problems_closed: 'Problems closed',
}

export const FIELD_LABELS: Record<Lang, Record<LedgerField, string>> = {
  'zh-CN': ZH_FIELD_LABELS,
  en: FIELD_LABELS_EN,
}

export const isLedgerField = (v: unknown): v is LedgerField =>
  typeof v === 'string' && (LEDGER_FIELDS as readonly string[]).includes(v)

/** Other columns a dry run's preview names as changing. */
const CHANGE_LABELS: Record<Lang, Record<string, string>> = {
  'zh-CN': { community_id: '所属社区', boundary: '边界', location: '位置' },
  en: { community_id: 'Community', boundary: 'Boundary', location: 'Location' },
}

/** The label of a field in the page's language; an unknown name (a newer server) is shown raw. */
export const fieldLabel = (field: string, lang: Lang): string =>
  isLedgerField(field) ? FIELD_LABELS[lang][field] : (CHANGE_LABELS[lang][field] ?? field)
