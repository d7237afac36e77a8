// The import wizard's state as pure transitions: what the user chose (files, coordinate system,
// encoding, layer, community, column mapping), the last dry run, the commit. Every failure keeps
// the choices; only new files start the choices that depend on a file afresh.
import type {
  ColumnMapping,
  CrsChoice,
  ImportReport,
  ImportMessage,
} from '../../api/ledger-import-types.ts'
import { REQUIRED_FIELDS } from './fields.ts'

/** The coordinate systems offered by name; 'EPSG' lets the user type a projected EPSG number. */
export const CRS_OPTIONS = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09', 'BD09MC', 'EPSG'] as const
export type CrsOption = (typeof CRS_OPTIONS)[number]

export const ENCODINGS = ['utf-8', 'gbk', 'big5'] as const
export type Encoding = (typeof ENCODINGS)[number]

export interface WizardChoices {
  files: File[]
  /** 'auto' until the first dry run answers with the file's guess. */
  crs: CrsOption | 'auto'
  /** The EPSG number typed when `crs` is 'EPSG'. */
  epsg: string
  /** '' lets the server choose (.cpg, DBF language byte, detection). */
  encoding: Encoding | ''
  /** A sheet of an XLSX or a layer of a zip; '' for the first. */
  layer: { kind: 'sheet' | 'layer'; name: string } | null
  /** Community id for new compounds whose row names none; '' for none. */
  community: string
  /** The user's column → field choices over the server's suggestion. */
  overrides: ColumnMapping
}

export type Phase = 'idle' | 'running' | 'ready' | 'committing' | 'committed'

/** A failure as the wizard shows it: a headline and the lines that say what is wrong. */
export interface WizardError {
  title: string
  lines: string[]
  /** 409 stale: the rows whose compound changed since the dry run. */
  stale?: { rowNumber: number; code: string }[]
}

export interface WizardState {
  choices: WizardChoices
  phase: Phase
  /** The last dry run of the current files (kept when a later one fails). */
  report: ImportReport | null
  /** True when choices changed since `report` was made: it no longer says what a commit does. */
  dirty: boolean
  error: WizardError | null
  progress: { processed: number; total: number } | null
}

export const initialChoices = (): WizardChoices => ({
  files: [],
  crs: 'auto',
  epsg: '',
  encoding: '',
  layer: null,
  community: '',
  overrides: {},
})

export const initialState = (): WizardState => ({
  choices: initialChoices(),
  phase: 'idle',
  report: null,
  dirty: false,
  error: null,
  progress: null,
})

export type WizardAction =
  | { type: 'files'; files: File[] }
  | { type: 'refuseFiles'; error: WizardError }
  | { type: 'choose'; change: Partial<Omit<WizardChoices, 'files' | 'overrides'>> }
  | { type: 'mapColumn'; column: string; field: string | null }
  | { type: 'applySaved'; mapping: ColumnMapping }
  | { type: 'resetMapping' }
  | { type: 'dryRunStart' }
  | { type: 'dryRunDone'; report: ImportReport }
  | { type: 'dryRunFailed'; error: WizardError }
  | { type: 'commitStart' }
  | { type: 'commitProgress'; progress: { processed: number; total: number } }
  | { type: 'commitDone'; report: ImportReport }
  | { type: 'commitFailed'; error: WizardError }
  | { type: 'dismissError' }

/** The choice a report's coordinate system stands for in the selector. */
export function crsOptionOf(crs: ImportReport['crs']['used']): {
  crs: CrsOption | 'auto'
  epsg: string
} {
  // A .prj that matched no EPSG code: only the file itself can say it again.
  if (typeof crs !== 'string') return { crs: 'auto', epsg: '' }
  if (crs.startsWith('EPSG:')) return { crs: 'EPSG', epsg: crs.slice(5) }
  return { crs: crs as CrsOption, epsg: '' }
}

export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  switch (a.type) {
    case 'files':
      // A new file has its own coordinate system, encoding and layers; the mapping is kept, since
      // the next file is often the same ledger again and the server ignores unknown columns.
      return {
        ...initialState(),
        choices: { ...initialChoices(), files: a.files, overrides: s.choices.overrides },
      }
    case 'refuseFiles':
      return { ...s, error: a.error }
    case 'choose':
      return { ...s, choices: { ...s.choices, ...a.change }, dirty: s.report !== null }
    case 'mapColumn':
      return {
        ...s,
        choices: { ...s.choices, overrides: { ...s.choices.overrides, [a.column]: a.field } },
        dirty: s.report !== null,
      }
    case 'applySaved':
      return {
        ...s,
        choices: { ...s.choices, overrides: { ...s.choices.overrides, ...a.mapping } },
        dirty: s.report !== null,
      }
    case 'resetMapping':
      return { ...s, choices: { ...s.choices, overrides: {} }, dirty: s.report !== null }
    case 'dryRunStart':
      return { ...s, phase: 'running', error: null, progress: null }
    case 'dryRunDone': {
      // The selector shows what was used: the file's guess the first time, the user's choice after.
      const used = s.choices.crs === 'auto' ? crsOptionOf(a.report.crs.used) : null
      return {
        ...s,
        phase: 'ready',
        report: a.report,
        dirty: false,
        error: null,
        choices: used ? { ...s.choices, ...used } : s.choices,
      }
    }
    case 'dryRunFailed':
      return {
        ...s,
        phase: s.report ? 'ready' : 'idle',
        error: a.error,
        dirty: s.report !== null,
      }
    case 'commitStart': {
      const total = s.report ? s.report.counts.new + s.report.counts.changed : 0
      return { ...s, phase: 'committing', error: null, progress: { processed: 0, total } }
    }
    case 'commitProgress':
      return s.phase === 'committing' ? { ...s, progress: a.progress } : s
    case 'commitDone':
      return { ...s, phase: 'committed', report: a.report, progress: null, error: null }
    case 'commitFailed':
      return { ...s, phase: 'ready', error: a.error, progress: null }
    case 'dismissError':
      return { ...s, error: null }
  }
}

/** Source columns that can be mapped: the attribute columns of the dry run, in file order. */
export const mappableColumns = (report: ImportReport): string[] =>
  report.columns.filter((c) => c in report.mapping)

/** Columns that carry geometry (not mapped to fields). */
export function geometryColumns(report: ImportReport): string[] {
  const g = report.geometrySource
  if (g.kind === 'lonlat') return [g.lon, g.lat]
  if (g.kind === 'wkt' || g.kind === 'pair') return [g.column]
  return []
}

/** The field each column goes to now: the server's suggestion with the user's choices over it. */
export function effectiveMapping(report: ImportReport, overrides: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {}
  for (const c of mappableColumns(report))
    out[c] = c in overrides ? (overrides[c] ?? null) : (report.suggestedMapping[c] ?? null)
  return out
}

/** Columns mapped to no field (their values are not imported). */
export const unmappedColumns = (mapping: ColumnMapping): string[] =>
  Object.keys(mapping).filter((c) => !mapping[c])

/** Required fields no column is mapped to: the dry run would block the commit. */
export function missingRequired(mapping: ColumnMapping): string[] {
  const mapped = new Set(Object.values(mapping))
  return REQUIRED_FIELDS.filter((f) => !mapped.has(f))
}

/** Fields two or more columns are mapped to, with those columns. */
export function duplicateFields(mapping: ColumnMapping): { field: string; columns: string[] }[] {
  const by = new Map<string, string[]>()
  for (const [column, field] of Object.entries(mapping))
    if (field) by.set(field, [...(by.get(field) ?? []), column])
  return [...by].filter(([, cs]) => cs.length > 1).map(([field, columns]) => ({ field, columns }))
}

/** The user's choices that differ from the suggestion: what the dry run request sends. */
export function overridesToSend(report: ImportReport | null, overrides: ColumnMapping) {
  if (!report) return overrides
  const out: ColumnMapping = {}
  for (const [c, f] of Object.entries(overrides))
    if (!(c in report.mapping) || (report.suggestedMapping[c] ?? null) !== f) out[c] = f
  return out
}

/** The coordinate system to send, or an error naming what is wrong with a typed EPSG number. */
export function crsToSend(c: WizardChoices): { crs?: CrsChoice; invalidEpsg?: boolean } {
  if (c.crs === 'auto') return {}
  if (c.crs !== 'EPSG') return { crs: c.crs }
  const n = c.epsg.trim().replace(/^epsg:/i, '')
  return /^\d{4,5}$/.test(n) ? { crs: `EPSG:${Number(n)}` } : { invalidEpsg: true }
}

/** The text fields of the dry-run form for these choices. */
export function formFields(c: WizardChoices, report: ImportReport | null): [string, string][] {
  const out: [string, string][] = []
  const { crs } = crsToSend(c)
  if (crs) out.push(['crs', crs])
  if (c.encoding) out.push(['encoding', c.encoding])
  if (c.layer?.name) out.push([c.layer.kind, c.layer.name])
  if (c.community) out.push(['community', c.community])
  const mapping = overridesToSend(report, c.overrides)
  if (Object.keys(mapping).length > 0) out.push(['mapping', JSON.stringify(mapping)])
  return out
}

/** The sheets (XLSX) or layers (zip) of the file, from the report's MULTIPLE_LAYERS note. */
export function layerChoices(
  report: ImportReport,
): { kind: 'sheet' | 'layer'; names: string[]; current: string } | null {
  const note: ImportMessage | undefined = report.fileWarnings.find(
    (w) => w.code === 'MULTIPLE_LAYERS',
  )
  if (!note) return null
  const names = String(note.params.layers ?? '')
    .split('、')
    .filter((n) => n !== '')
  if (names.length < 2) return null
  return {
    kind: report.format === 'xlsx' ? 'sheet' : 'layer',
    names,
    current: String(note.params.layer ?? names[0]),
  }
}

/** True when the file has text whose encoding matters (DBF or CSV). */
export const encodingMatters = (report: ImportReport | null, files: readonly File[]) =>
  report
    ? report.encoding !== null || report.format === 'shapefile' || report.format === 'csv'
    : files.some((f) => /\.(dbf|zip|csv)$/i.test(f.name))

/** Whether the commit button may be pressed, and if not the reason key. */
export function commitBlocker(
  s: WizardState,
): null | 'noReport' | 'running' | 'dirty' | 'blocking' | 'nothing' | 'done' | 'stale' {
  if (s.phase === 'committed' || s.report?.status === 'committed') return 'done'
  if (s.phase === 'running' || s.phase === 'committing') return 'running'
  if (!s.report) return 'noReport'
  if (s.dirty) return 'dirty'
  if (s.error?.stale) return 'stale'
  if (s.report.blocking.length > 0) return 'blocking'
  if (s.report.counts.new + s.report.counts.changed === 0) return 'nothing'
  return null
}

/** The share of a commit done, 0..1 (0 when nothing is known yet). */
export const progressShare = (p: { processed: number; total: number } | null): number =>
  p && p.total > 0 ? Math.min(1, Math.max(0, p.processed / p.total)) : 0
