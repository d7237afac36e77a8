import { useEffect, useState } from 'react'
import { isAbort } from '../../api/client.ts'
import { fetchCompoundHistory } from '../../api/ledger-endpoints.ts'
import type { HistoryEntry } from '../../api/ledger-types.ts'
import { CODE_NAMES, type MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { historyChanges, historyTime } from './history-lines.ts'
import { valueLabel } from './record-specs.ts'

const ACTIONS: Record<string, MessageKey> = {
  update: 'historyUpdate',
  create: 'historyCreate',
  'import.create': 'historyImportCreate',
  'import.update': 'historyImportUpdate',
}

/** A compound's audit history, newest first; reloads when `stamp` changes (after a save). */
export function HistoryList({ compoundId, stamp }: { compoundId: number; stamp: number }) {
  const { t, lang } = useT()
  // The answer remembers what it answered, so a reload never shows the previous compound's list.
  const key = `${compoundId}:${stamp}`
  const [answer, setAnswer] = useState<{ key: string; entries?: HistoryEntry[]; error?: true }>()
  useEffect(() => {
    const ctrl = new AbortController()
    fetchCompoundHistory(compoundId, ctrl.signal).then(
      (entries) => setAnswer({ key, entries }),
      (e) => {
        if (!isAbort(e)) setAnswer({ key, error: true })
      },
    )
    return () => ctrl.abort()
  }, [compoundId, stamp, key])
  const error = answer?.key === key && answer.error
  // While a reload after a save runs, the previous list stays on screen.
  const entries = answer?.entries ?? null
  const shown = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—'
    if (field === 'boundary') return t('historyBoundary')
    if (Array.isArray(v)) return v.map((x) => shown(field, x)).join('、') || '—'
    if (typeof v === 'boolean') return v ? t('yes') : t('no')
    if (typeof v === 'object') return JSON.stringify(v)
    return valueLabel(String(v), lang, (x) => CODE_NAMES.en[x] ?? x)
  }
  if (error) return <p className="inline-error">{t('historyError')}</p>
  if (!entries) return <p className="muted">{t('historyLoading')}</p>
  if (entries.length === 0) return <p className="muted">{t('historyEmpty')}</p>
  return (
    <ol className="history-list" data-testid="history-list">
      {entries.map((e) => {
        const changes = historyChanges(e, lang)
        return (
          <li key={e.id} className="history-entry" data-testid="history-entry">
            <div className="history-head">
              <span className="history-actor">{e.actor}</span>
              <span>{t(ACTIONS[e.action] ?? 'historyUpdate')}</span>
              <time dateTime={e.at}>{historyTime(e.at)}</time>
            </div>
            {e.action !== 'import.create' && (
              <ul className="history-changes">
                {changes.map((c) => (
                  <li key={c.field}>
                    <span className="history-field">{c.label}</span>{' '}
                    <span className="history-before">{shown(c.field, c.before)}</span>
                    {' → '}
                    <span className="history-after">{shown(c.field, c.after)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        )
      })}
    </ol>
  )
}
