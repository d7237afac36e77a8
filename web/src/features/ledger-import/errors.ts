// Every failure of the wizard as a headline and lines that say what is wrong, in the page's
// language: a refused file (the import core's own sentence), the upload limit, a bad choice, a
// stale commit with its rows, or a network/server failure.
import { ApiError } from '../../api/client.ts'
import { describeError, interpolate } from '../../i18n/format.ts'
import { MESSAGES, type Lang, type MessageKey } from '../../i18n/messages.ts'
import type { WizardError } from './wizard-state.ts'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** The import core's refusal (`details.issue`) in the page's language, if the error carries one. */
function issueText(details: unknown, lang: Lang): string | null {
  if (!isObject(details) || !isObject(details.issue)) return null
  const text = details.issue[lang === 'zh-CN' ? 'zh' : 'en']
  return typeof text === 'string' && text !== '' ? text : null
}

/** The rows a 409 names as changed since the dry run. */
export function staleRows(details: unknown): { rowNumber: number; code: string }[] | null {
  if (!isObject(details) || !Array.isArray(details.stale)) return null
  return details.stale.filter(
    (r): r is { rowNumber: number; code: string } =>
      isObject(r) && typeof r.rowNumber === 'number' && typeof r.code === 'string',
  )
}

/** Field problems of a 400 (`details.issues: [{ field, message }]`). */
function fieldLines(details: unknown, lang: Lang): string[] {
  if (!isObject(details) || !Array.isArray(details.issues)) return []
  return details.issues.filter(isObject).map((i) =>
    interpolate(MESSAGES[lang].impErrorField, {
      field: String(i.label ?? i.field ?? ''),
      message: String(i.message ?? ''),
    }),
  )
}

/** What the wizard shows for a failure of the step `title` names. */
export function wizardError(e: unknown, title: MessageKey, lang: Lang): WizardError {
  const m = MESSAGES[lang]
  if (!(e instanceof ApiError)) return { title: m[title], lines: [describeError(e, lang)] }
  if (e.status === 413) {
    const d = isObject(e.details) ? e.details : {}
    const limit =
      typeof d.limitMb === 'number'
        ? d.limitMb
        : typeof d.limitBytes === 'number'
          ? Math.round((d.limitBytes / 1024 / 1024) * 10) / 10
          : '?'
    return { title: m[title], lines: [interpolate(m.impErrorTooLarge, { limit })] }
  }
  // Signed out, or a role that may not import: say so, with the server's reason.
  if (e.status === 401 || e.status === 403) {
    const why = e.status === 401 ? m.impErrorSignIn : m.impErrorForbidden
    return { title: m[title], lines: e.message ? [why, e.message] : [why] }
  }
  const refused = issueText(e.details, lang)
  if (refused) return { title: m.impErrorRefused, lines: [refused] }
  const stale = e.status === 409 ? staleRows(e.details) : null
  if (stale && stale.length > 0)
    return {
      title: m[title],
      lines: [
        m.impErrorStale,
        ...stale.map((r) => interpolate(m.impStaleRow, { row: r.rowNumber, code: r.code })),
      ],
      stale,
    }
  const fields = fieldLines(e.details, lang)
  if (fields.length > 0) return { title: m[title], lines: fields }
  // Conflicts (already committed, blocked, refused by the database) are explained by the server,
  // in Chinese.
  if (e.status === 409 && e.message) return { title: m[title], lines: [e.message] }
  return { title: m[title], lines: [describeError(e, lang)] }
}
