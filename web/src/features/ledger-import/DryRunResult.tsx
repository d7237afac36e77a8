import type { ImportMessage, ImportReport } from '../../api/ledger-import-types.ts'
import { rejectedCsvUrl } from '../../api/ledger-import-endpoints.ts'
import { formatCount, interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { fieldLabel } from './fields.ts'

/** Rows listed on the page; the CSV holds them all. */
const LISTED = 300

const COUNTS: { key: keyof ImportReport['counts']; label: MessageKey }[] = [
  { key: 'total', label: 'impCountTotal' },
  { key: 'new', label: 'impCountNew' },
  { key: 'changed', label: 'impCountChanged' },
  { key: 'unchanged', label: 'impCountUnchanged' },
  { key: 'rejected', label: 'impCountRejected' },
  { key: 'repaired', label: 'impCountRepaired' },
  { key: 'noBoundary', label: 'impCountNoBoundary' },
]

/** Step 4: what a commit would do, and every row it would leave out with the reason. */
export function DryRunResult(props: { report: ImportReport; stale: boolean }) {
  const { t, lang } = useT()
  const { report } = props
  const say = (m: ImportMessage) => (lang === 'zh-CN' ? m.zh : m.en)
  const notes = [...report.fileWarnings, ...report.warnings]
  const sep = lang === 'zh-CN' ? '、' : ', '
  return (
    <section
      className={props.stale ? 'imp-step imp-result stale' : 'imp-step imp-result'}
      aria-labelledby="imp-result"
      data-testid="import-result"
    >
      <h3 id="imp-result">{t('impStepResult')}</h3>
      <dl className="imp-counts" data-testid="import-counts">
        {COUNTS.map((c) => (
          <div key={c.key} className={`imp-count ${c.key}`} data-count={c.key}>
            <dt>{t(c.label)}</dt>
            <dd>{formatCount(report.counts[c.key], lang)}</dd>
          </div>
        ))}
      </dl>
      {report.blocking.length > 0 && (
        <div className="imp-blocking" role="alert" data-testid="import-blocking">
          <h4>{t('impBlocking')}</h4>
          <ul>
            {report.blocking.map((b, i) => (
              <li key={i}>{say(b)}</li>
            ))}
          </ul>
        </div>
      )}
      {report.rejected.length > 0 && (
        <div className="imp-rejected">
          <div className="imp-row">
            <h4>{t('impRejected')}</h4>
            <a
              className="imp-download"
              href={rejectedCsvUrl(report.id)}
              download
              data-testid="import-rejected-csv"
            >
              {t('impDownloadRejected')}
            </a>
          </div>
          <div className="imp-table-wrap tall">
            <table data-testid="import-rejected">
              <thead>
                <tr>
                  <th>{t('impRow')}</th>
                  <th>{t('impColumn')}</th>
                  <th>{t('impReason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.slice(0, LISTED).map((r, i) => (
                  <tr key={i}>
                    <td className="num">{r.rowNumber}</td>
                    <td>{r.column || (r.field ? fieldLabel(r.field, lang) : '—')}</td>
                    <td>{say(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.rejected.length > LISTED && (
            <p className="imp-muted">{interpolate(t('impRejectedMore'), { n: LISTED })}</p>
          )}
        </div>
      )}
      {notes.length + report.repaired.length > 0 && (
        <details className="imp-notes" open={notes.length + report.repaired.length <= 5}>
          <summary>
            {t('impWarnings')} ({notes.length + report.repaired.length})
          </summary>
          <ul>
            {notes.slice(0, LISTED).map((w, i) => (
              <li key={`w${i}`}>{say(w)}</li>
            ))}
            {report.repaired.slice(0, LISTED).map((w, i) => (
              <li key={`r${i}`}>
                {t('impRepairedList')}: {say(w)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.preview.length > 0 ? (
        <details className="imp-preview" open>
          <summary>{t('impPreview')}</summary>
          <div className="imp-table-wrap">
            <table data-testid="import-preview">
              <thead>
                <tr>
                  <th>{t('impRow')}</th>
                  <th>{t('impCode')}</th>
                  <th>{t('impAction')}</th>
                  <th>{t('impChanges')}</th>
                </tr>
              </thead>
              <tbody>
                {report.preview.slice(0, LISTED).map((p) => (
                  <tr key={p.rowNumber}>
                    <td className="num">{p.rowNumber}</td>
                    <td>{p.code}</td>
                    <td>{p.action === 'new' ? t('impActionNew') : t('impActionChanged')}</td>
                    <td>{p.changes.map((c) => fieldLabel(c, lang)).join(sep)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.preview.length > LISTED ||
          report.preview.length < report.counts.new + report.counts.changed ? (
            <p className="imp-muted">
              {interpolate(t('impPreviewMore'), { n: Math.min(LISTED, report.preview.length) })}
            </p>
          ) : null}
        </details>
      ) : (
        report.blocking.length === 0 && <p className="imp-muted">{t('impNoChanges')}</p>
      )}
    </section>
  )
}
