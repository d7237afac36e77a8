// Formatters for figures shown to planners. Unknown values are always the em dash, never 0 or
// blank, so a missing ledger field cannot be mistaken for a real zero.
import { ApiError } from '../api/client.ts'
import { CODE_NAMES, MESSAGES, type Lang, type MessageKey } from './messages.ts'

export const EMPTY = '—'

const isKnown = (n: number | null | undefined): n is number =>
  typeof n === 'number' && Number.isFinite(n)

/** An integer count with grouping separators, e.g. 12,345; unknown gives '—'. */
export function formatCount(n: number | null | undefined, lang: Lang): string {
  return isKnown(n) ? new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n) : EMPTY
}

/** A share 0..1 as a percentage with at most one decimal, e.g. 0.873 → 87.3%; unknown gives '—'. */
export function formatPercent(share: number | null | undefined, lang: Lang): string {
  if (!isKnown(share)) return EMPTY
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share)
}

/** A number followed by a unit (e.g. metres, m²); unknown gives '—' without the unit. */
export function formatWithUnit(n: number | null | undefined, unit: string, lang: Lang): string {
  if (!isKnown(n)) return EMPTY
  const figure = formatCount(n, lang)
  if (!unit) return figure
  // Chinese writes units flush; English separates them with a space.
  return lang === 'zh-CN' ? `${figure}${unit}` : `${figure} ${unit}`
}

/** Plain text, or '—' when missing or blank. */
export function formatText(s: string | null | undefined): string {
  return typeof s === 'string' && s.trim() !== '' ? s : EMPTY
}

/** The label of a coded ledger value (tenure, renovation, …); unknown codes are shown raw. */
export function formatCode(code: string | null | undefined, lang: Lang): string {
  if (typeof code !== 'string' || code === '') return EMPTY
  return CODE_NAMES[lang][code] ?? code
}

/** An ISO date or timestamp as YYYY-MM-DD (the form planners write in ledgers); invalid gives '—'. */
export function formatDate(iso: string | null | undefined): string {
  if (typeof iso !== 'string' || iso === '') return EMPTY
  // A bare date is a calendar day; parsing it would shift it by the browser's time zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return EMPTY
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Replaces `{name}` placeholders in a message. */
export function interpolate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m))
}

// Server error codes (server/src/lib/errors.ts) in words a planner understands; unknown codes fall
// back on the HTTP status.
const CODE_KEYS: Record<string, MessageKey> = {
  BAD_REQUEST: 'errorBadRequest',
  NOT_FOUND: 'errorNotFound',
  DB_UNAVAILABLE: 'errorUnavailable',
  INTERNAL: 'errorServer',
}

const errorKeyFor = (e: ApiError): MessageKey => {
  if (e.code === 'network') return 'errorNetwork'
  if (e.code === 'bad_response') return 'errorBadResponse'
  const byCode = CODE_KEYS[e.code.toUpperCase()]
  if (byCode) return byCode
  if (e.status === 503) return 'errorUnavailable'
  if (e.status === 404) return 'errorNotFound'
  if (e.status >= 400 && e.status < 500) return 'errorBadRequest'
  return 'errorServer'
}

/**
 * The text to show for a failure: what kind of failure it was in the user's language, followed by
 * the server's own message (which names the detail, e.g. which id) when it sent one.
 */
export function describeError(e: unknown, lang: Lang): string {
  const m = MESSAGES[lang]
  if (!(e instanceof ApiError)) return e instanceof Error && e.message ? e.message : m.errorServer
  const explained = m[errorKeyFor(e)]
  const fromServer = !e.code.startsWith('http_') && !['network', 'bad_response'].includes(e.code)
  if (fromServer && e.message && e.message !== explained) {
    return lang === 'zh-CN' ? `${explained}（${e.message}）` : `${explained} (${e.message})`
  }
  if (!fromServer && errorKeyFor(e) === 'errorServer' && e.status > 0)
    return `${explained} (HTTP ${e.status})`
  return explained
}
