import { useEffect, useRef } from 'react'
import { createPortal } from 'react-dom'
import { useT } from '../../i18n/use-t.ts'
import type { ConflictRow } from '../../store/ledger-form.ts'

/** The review after a 409: each field mine / theirs (current) / original, then one choice. */
export function ConflictDialog(p: {
  rows: ConflictRow[]
  label: (field: string) => string
  shown: (v: unknown) => string
  onReapply: () => void
  onTakeTheirs: () => void
}) {
  const { t } = useT()
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  // On the body: the panels each stack on their own, and the review must cover them all.
  return createPortal(
    <div className="modal-backdrop">
      <div
        className="panel conflict-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
        data-testid="conflict-dialog"
      >
        <h3 id="conflict-title">{t('conflictTitle')}</h3>
        <p>{t('conflictIntro').replace('{actor}', t('conflictSomeone'))}</p>
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">{t('conflictField')}</th>
              <th scope="col">{t('conflictMine')}</th>
              <th scope="col">{t('conflictTheirs')}</th>
              <th scope="col">{t('conflictOriginal')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.field} className={r.clash ? 'clash' : undefined} data-field={r.field}>
                <th scope="row">{p.label(r.field)}</th>
                <td>{p.shown(r.mine)}</td>
                <td>{p.shown(r.theirs)}</td>
                <td>{p.shown(r.original)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="record-actions">
          <button
            ref={first}
            type="button"
            className="primary-button"
            data-testid="conflict-reapply"
            onClick={p.onReapply}
          >
            {t('conflictReapply')}
          </button>
          <button
            type="button"
            className="plain-button"
            data-testid="conflict-theirs"
            onClick={p.onTakeTheirs}
          >
            {t('conflictTakeTheirs')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}
